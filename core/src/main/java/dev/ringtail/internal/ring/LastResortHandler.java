package dev.ringtail.internal.ring;

import com.lmax.disruptor.ExceptionHandler;
import dev.ringtail.internal.diag.Diagnostics;

/** Only reached if a handler itself fails; the sink calls are already guarded. */
final class LastResortHandler implements ExceptionHandler<Slot> {
    private final Diagnostics diagnostics;

    LastResortHandler(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, Slot slot) {
        diagnostics.once("handler:" + ex.getClass().getName(), "consumer error " + ex);
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        diagnostics.once("start:" + ex.getClass().getName(), "consumer start error " + ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        diagnostics.once("stop:" + ex.getClass().getName(), "consumer stop error " + ex);
    }
}
