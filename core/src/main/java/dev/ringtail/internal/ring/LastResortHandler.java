package dev.ringtail.internal.ring;

import com.lmax.disruptor.ExceptionHandler;
import dev.ringtail.internal.diag.Diagnostics;

/**
 * Only reached if a handler itself fails; the sink calls are already guarded. It must never
 * throw: the Disruptor's BatchEventProcessor lets an exception from here end the consumer
 * thread, after which the ring fills and every later event is dropped. So each report is
 * guarded, and the throwable is described without calling its (possibly hostile) toString().
 */
final class LastResortHandler implements ExceptionHandler<LogEvent> {
    private final Diagnostics diagnostics;

    LastResortHandler(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, LogEvent event) {
        report("handler:", "consumer error ", ex);
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        report("start:", "consumer start error ", ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        report("stop:", "consumer stop error ", ex);
    }

    private void report(String kind, String what, Throwable ex) {
        try {
            String type = ex.getClass().getName();
            diagnostics.once(kind + type, what + type + ": " + message(ex));
        } catch (Throwable ignored) {
            // nothing left to report with; the consumer keeps consuming
        }
    }

    private static String message(Throwable ex) {
        try {
            return String.valueOf(ex.getMessage());
        } catch (Throwable t) {
            return "[FAILED getMessage()]";
        }
    }
}
