package dev.ringtail.internal.ring;

import dev.ringtail.PipelineStats;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Replaces a running pipeline by a new one (a reconfiguration that changes the sinks or the
 * ring) without losing an event the old one accepted.
 *
 * <p>The old ring cannot take new sinks: its consumers, gating sequences and admission are fixed
 * when it is built. So a new pipeline is started beside it, every logger is switched to it
 * through the one reference they all read, and only then is the old one shut down the ordinary
 * way: its shutdown request travels its ring behind every event it accepted, so those reach the
 * sinks configured when they were logged, or are counted failed for them at the deadline. A call
 * that read the old reference before the switch and reaches the old pipeline after its shutdown
 * began is handed to the new one instead of stderr, counted there.
 *
 * <p>Calls that read the old reference just before the switch are still publishing into the old
 * pipeline, and one that claims its slot behind the shutdown request would be counted failed
 * there. So the old pipeline is shut down only once it has been quiet for {@link #QUIET_MILLIS}:
 * nothing attempted in that time (within the timeout). Only a call stalled across that whole
 * interval (a descheduled thread, a {@code toString()} that slow) can still land behind the
 * request, and is then counted failed, as at any shutdown, never lost silently.
 *
 * <p>The MBeans move last: the old pipeline's are unregistered by its shutdown, then the new
 * one's registered under the same names, so JMX shows the new pipeline's counters, which start
 * at zero. The old pipeline's final counters are returned to be reported.
 */
public final class Handover {
    /** How long the old pipeline must see no new call before it is shut down. */
    static final long QUIET_MILLIS = 200;

    private Handover() {
    }

    /**
     * Starts {@code next} (if not null), passes it to {@code switchTo} (which makes every logger
     * publish to it), then drains and shuts down {@code previous} (if not null) within
     * {@code timeout}, then registers {@code next}'s MBeans.
     *
     * @return {@code previous}'s counters after its shutdown, or null if there was none
     */
    public static PipelineStats replace(Pipeline previous, Pipeline next, Consumer<Pipeline> switchTo,
                                        Duration timeout) {
        if (next != null) {
            next.startConsumers();
        }
        if (previous != null && next != null) {
            previous.handOverTo(next); // before the switch: no straggler may find neither
        }
        switchTo.accept(next);
        PipelineStats last = null;
        if (previous != null) {
            long deadline = System.nanoTime() + timeout.toNanos();
            awaitQuiet(previous, deadline);
            previous.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            last = previous.stats();
        }
        if (next != null) {
            next.registerMBeans();
        }
        return last;
    }

    // Polls the old pipeline's attempted count until it has not moved for QUIET_MILLIS. Its
    // consumers keep running meanwhile, so what lands is delivered as usual.
    private static void awaitQuiet(Pipeline previous, long deadline) {
        long quietNanos = QUIET_MILLIS * 1_000_000L;
        long seen = previous.stats().attempted();
        long since = System.nanoTime();
        while (System.nanoTime() - since < quietNanos && System.nanoTime() - deadline < 0) {
            Pause.millis(5);
            long now = previous.stats().attempted();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            }
        }
    }
}
