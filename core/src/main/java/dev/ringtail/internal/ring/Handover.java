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
 * <p>The MBeans move last: the old pipeline's are unregistered by its shutdown, then the new
 * one's registered under the same names, so JMX shows the new pipeline's counters, which start
 * at zero. The old pipeline's final counters are returned to be reported.
 */
public final class Handover {
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
            previous.shutdown(timeout);
            last = previous.stats();
        }
        if (next != null) {
            next.registerMBeans();
        }
        return last;
    }
}
