package dev.ringtail.internal.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import dev.ringtail.Level;
import dev.ringtail.internal.diag.Diagnostics;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops a pipeline within a deadline: drain, close the sinks, and account for every event that
 * did not make it, so that {@code accepted == delivered + failed} holds for each sink even when
 * a sink is stuck or a producer is still filling a slot.
 */
final class ShutdownSequence {
    /** After the shutdown deadline, how long sinks get to count what they hold and close. */
    static final long ABANDON_GRACE_NANOS = 250_000_000L;

    private final AtomicReference<Lifecycle> state;
    private final Disruptor<LogEvent> disruptor;
    private final RingBuffer<LogEvent> ring;
    private final SinkHandler[] handlers;
    private final ControlChannel control;
    private final Diagnostics diagnostics;
    /**
     * Slots still being filled when shutdown counted what the sinks left behind (true), or
     * published by a log call that saw shutdown under way (false): whichever side comes second
     * counts the event. Touched only while shutting down.
     */
    private final ConcurrentHashMap<Long, Boolean> lateSlots = new ConcurrentHashMap<>();
    private volatile Boolean result;
    /** Set before the lost-event scan reads the cursor; then {@link #scannedUpTo} is what it covers. */
    private volatile boolean scanning;
    private volatile long scannedUpTo = Long.MIN_VALUE;

    ShutdownSequence(AtomicReference<Lifecycle> state, Disruptor<LogEvent> disruptor, SinkHandler[] handlers,
                     ControlChannel control, Diagnostics diagnostics) {
        this.state = state;
        this.disruptor = disruptor;
        this.ring = disruptor.getRingBuffer();
        this.handlers = handlers;
        this.control = control;
        this.diagnostics = diagnostics;
    }

    /** See {@link Pipeline#shutdown(Duration)}; {@code onStopped} runs once, last. */
    boolean shutdown(Duration timeout, Runnable onStopped) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Lifecycle previous = state.get();
        if (previous == Lifecycle.NEW && state.compareAndSet(Lifecycle.NEW, Lifecycle.STOPPED)) {
            return true;
        }
        if (previous.refusesEvents || !state.compareAndSet(Lifecycle.RUNNING, Lifecycle.STOPPING)) {
            return awaitResult(deadline);
        }
        boolean ok = false;
        try {
            ControlRequest request = control.publish(ControlRequest.Type.SHUTDOWN, deadline);
            ok = request != null && control.settle(request);
            if (!ok) {
                abandon(request);
            }
        } finally {
            disruptor.halt();
            long lost = countLost();
            for (SinkHandler handler : handlers) {
                lost += handler.abandoned();
            }
            if (lost > 0) {
                diagnostics.line("shutdown deadline passed: " + lost
                        + " events were not delivered (counted failed)");
                ok = false;
            }
            onStopped.run();
            state.set(Lifecycle.STOPPED);
            result = ok;
        }
        return ok;
    }

    // The deadline passed with sinks still busy: they stop delivering and count what is left as
    // failed (a sink blocked in a wait is interrupted), and get a short grace to close, so that
    // batches a sink holds are counted too. A sink that ignores all this is left behind.
    private void abandon(ControlRequest pending) {
        long grace = System.nanoTime() + ABANDON_GRACE_NANOS;
        for (SinkHandler handler : handlers) {
            handler.abandon();
        }
        ControlRequest request = pending != null ? pending : control.publish(ControlRequest.Type.SHUTDOWN, grace);
        if (request != null) {
            control.settle(request, grace);
        }
    }

    private boolean awaitResult(long deadline) {
        while (result == null && state.get() != Lifecycle.STOPPED && System.nanoTime() - deadline < 0) {
            Pause.millis(1);
        }
        Boolean known = result;
        return known != null ? known : state.get() == Lifecycle.STOPPED;
    }

    // This call passed the state check before shutdown began and is only now publishing. If
    // shutdown already counted what the sinks left and found this slot still being filled (a slow
    // toString() can outlast the deadline), no consumer will ever see it: count it here.
    //
    // Formatting happens before the claim, so a call can also claim its slot after the scan read
    // the cursor. The scan raises `scanning` before reading the cursor: a call that still sees it
    // low claimed early enough to be covered; one that sees it high waits for the covered range
    // and counts its event itself if it lies beyond.
    void publishedDuringShutdown(long sequence, Level level, String loggerName) {
        boolean counted = scanning && beyondScan(sequence);
        if (counted || lateSlots.putIfAbsent(sequence, Boolean.FALSE) == Boolean.TRUE) {
            for (SinkHandler handler : handlers) {
                handler.sink().counters().failed(level, 1);
            }
            diagnostics.line("an event from logger " + loggerName
                    + " was published after shutdown had finished and was not delivered (counted failed)");
        }
    }

    private boolean beyondScan(long sequence) {
        long covered;
        while ((covered = scannedUpTo) == Long.MIN_VALUE) {
            Thread.onSpinWait(); // the scan is between two of its own instructions
        }
        return sequence > covered;
    }

    // After halt: whatever a sink had not consumed is failed for that sink, so nothing goes unaccounted.
    // A sink still stuck in a call is sealed first, so that it counts nothing more if it ever returns.
    private long countLost() {
        scanning = true;
        long cursor = ring.getCursor();
        scannedUpTo = cursor;
        long lost = 0;
        for (SinkHandler handler : handlers) {
            handler.seal();
        }
        for (SinkHandler handler : handlers) {
            for (long s = handler.sequence().get() + 1; s <= cursor; s++) {
                boolean available = ring.isAvailable(s);
                if (lateSlots.get(s) == Boolean.TRUE) {
                    continue; // left to its producer, for every sink
                }
                // Claimed but still being filled: its producer counts it when it publishes, unless
                // it already published and left it to us (false).
                if (!available && lateSlots.putIfAbsent(s, Boolean.TRUE) == null) {
                    continue;
                }
                LogEvent event = ring.get(s);
                if (event.kind() == LogEvent.Kind.LOG && !event.isSynthetic()) {
                    handler.sink().counters().failed(event.level(), 1);
                    lost++;
                }
            }
        }
        return lost;
    }
}
