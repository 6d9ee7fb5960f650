package dev.ringtail.internal.ring;

import com.lmax.disruptor.Cursored;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.sink.Backlog;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;

/**
 * Runs one sink on its own consumer thread. Nothing a sink does can kill this thread: every call
 * into the sink is guarded, a failed event is counted, and the error is reported once per
 * exception type.
 */
final class SinkHandler implements EventHandler<LogEvent> {
    private final Sink sink;
    private final SinkCounters counters;
    private final DropReporter drops;
    private final Diagnostics diagnostics;
    private final Cursored ring;
    /** Events behind the ring's cursor from which this sink sheds instead of waiting for its own I/O. */
    private final long shedAt;
    private volatile Sequence sequence;
    private volatile boolean closed;
    private volatile boolean abandoned;
    private volatile boolean sealed;
    private volatile Thread thread;
    private volatile long abandonedEvents;

    SinkHandler(Sink sink, DropReporter drops, Diagnostics diagnostics, Cursored ring, long shedAt) {
        this.sink = sink;
        this.ring = ring;
        this.shedAt = shedAt;
        this.counters = sink.counters();
        this.drops = drops;
        this.diagnostics = diagnostics;
    }

    // Events published and not yet finished by this sink, the one in hand included. The cursor
    // counts claimed slots; the few not yet published make no difference at this scale.
    private long behind() {
        return ring.getCursor() - sequence.get();
    }

    Sink sink() {
        return sink;
    }

    Sequence sequence() {
        return sequence;
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        this.sequence = sequenceCallback;
    }

    @Override
    public void onStart() {
        RecursionGuard.markPipelineThread();
        thread = Thread.currentThread();
        try {
            sink.attach(new Backlog() {
                @Override
                public boolean isFarBehind() {
                    return behind() >= shedAt;
                }

                @Override
                public boolean isCaughtUp() {
                    return behind() <= 1; // the event in hand is the last one published
                }
            });
            sink.start();
        } catch (Throwable t) {
            report("start", t);
        }
    }

    /**
     * The shutdown deadline passed: from now on events are counted failed without reaching the
     * sink, and a sink blocked in a wait is interrupted. Called from the shutting-down thread.
     */
    void abandon() {
        abandoned = true;
        Thread consumer = thread;
        if (consumer != null) {
            consumer.interrupt();
        }
    }

    /** Stops all counting by this handler: the pipeline counts what it left behind. */
    void seal() {
        sealed = true;
    }

    /** Events counted failed because of {@link #abandon()}. */
    long abandoned() {
        return abandonedEvents;
    }

    @Override
    public void onEvent(LogEvent event, long seq, boolean endOfBatch) {
        try {
            if (event.kind() == LogEvent.Kind.CONTROL) {
                control(event.control());
            } else {
                deliver(event);
            }
        } finally {
            event.release();
            // Free the slot now rather than at the end of the Disruptor's batch: a sink working
            // through a batch of thousands must not make the ring look full to producers.
            sequence.set(seq);
        }
        if (endOfBatch && !closed) {
            try {
                sink.onEndOfBatch();
            } catch (Throwable t) {
                report("onEndOfBatch", t);
            }
            reportDrops();
        }
    }

    @Override
    public void onTimeout(long seq) {
        if (closed) {
            return;
        }
        try {
            sink.onIdle();
        } catch (Throwable t) {
            report("onIdle", t);
        }
        reportDrops();
    }

    private void deliver(LogEvent event) {
        if (sealed) {
            return;
        }
        if (abandoned) {
            counters.failed(event.level(), 1);
            abandonedEvents++;
            return;
        }
        if (closed) {
            // published by a producer racing shutdown: accounted, never lost silently
            counters.failed(event.level(), 1);
            return;
        }
        try {
            sink.onEvent(event);
        } catch (Throwable t) {
            if (!sealed) {
                counters.failed(event.level(), 1);
                if (abandoned) {
                    abandonedEvents++;
                }
            }
            if (!abandoned) {
                report("onEvent", t);
            }
        }
    }

    private void control(ControlRequest request) {
        boolean close = request.type == ControlRequest.Type.SHUTDOWN;
        boolean ok = false;
        try {
            if (close) {
                reportDrops();
                closed = true;
                sink.close(request.deadlineNanos);
                ok = true;
            } else if (!closed) {
                ok = sink.flush(request.deadlineNanos);
            }
        } catch (Throwable t) {
            report(close ? "close" : "flush", t);
        } finally {
            request.done(ok);
        }
    }

    private void reportDrops() {
        LogEvent summary = drops.due();
        if (summary == null) {
            return;
        }
        try {
            sink.onEvent(summary);
        } catch (Throwable t) {
            report("onEvent", t);
        } finally {
            drops.done();
        }
    }

    // Reporting can fail in the very state that made the sink fail (an OutOfMemoryError while
    // building the line, a stderr that throws): that must not escape onEvent, because the
    // Disruptor hands it to its exception handler and a second failure there ends this thread.
    private void report(String method, Throwable t) {
        try {
            diagnostics.once(sink.name() + ':' + method + ':' + t.getClass().getName(),
                    "sink '" + sink.name() + "' threw " + t.getClass().getName() + " from " + method
                            + ": " + safeMessage(t) + " (further " + t.getClass().getSimpleName()
                            + "s from it are counted, not printed)");
        } catch (Throwable reportFailed) {
            // the event is already counted failed; the line is what is lost
        }
    }

    private static String safeMessage(Throwable t) {
        try {
            return String.valueOf(t.getMessage());
        } catch (Throwable ignored) {
            return "[FAILED getMessage()]";
        }
    }
}
