package dev.ringtail.internal.ring;

import dev.ringtail.DropReason;
import dev.ringtail.Level;
import dev.ringtail.internal.stats.DropCounter;
import java.time.Clock;
import java.time.Instant;

/**
 * Tells one sink, at most once per interval, how many events the producers dropped since it was
 * last told: a synthetic warning {@code ringtail dropped N events (...) in the last T s} from
 * logger {@code dev.ringtail}. It runs on the sink's own thread, so the summary needs no ring
 * slot: a full ring, the very reason for drops, cannot hold it back.
 */
final class DropReporter {
    static final String LOGGER = "dev.ringtail";

    private static final DropReason[] REASONS = DropReason.values();

    private final DropCounter dropped;
    private final long intervalNanos;
    private final Clock clock;
    private final long[] reported = new long[Level.count()];
    private final long[] reportedReasons = new long[REASONS.length];
    private final LogEvent summary;
    private long windowStartNanos;
    private long nextReportNanos;

    DropReporter(DropCounter dropped, long intervalNanos, Clock clock, int maxChars) {
        this.dropped = dropped;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.summary = new LogEvent(maxChars);
        // the first drops are reported at once; later ones at most once per interval
        this.windowStartNanos = System.nanoTime();
        this.nextReportNanos = windowStartNanos;
    }

    /**
     * The summary event due now, or null if nothing was dropped or the interval has not passed:
     * {@code ringtail dropped N events (trace=0, ..., error=0; ring full=N, ...) in the last T s},
     * the reasons listed only where something was dropped for them.
     */
    LogEvent due() {
        long now = System.nanoTime();
        if (now - nextReportNanos < 0) {
            return null;
        }
        // called at the end of every consumer batch: nothing is allocated until there is news
        long total = 0;
        for (int i = 0; i < reported.length; i++) {
            total += dropped.sum(Level.ofOrdinal(i)) - reported[i];
        }
        if (total == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(160).append("ringtail dropped ");
        int countAt = text.length();
        text.append(" events (");
        total = 0;
        for (int i = 0; i < reported.length; i++) {
            long delta = dropped.sum(Level.ofOrdinal(i)) - reported[i];
            text.append(i == 0 ? "" : ", ").append(Level.ofOrdinal(i).wireName()).append('=').append(delta);
            reported[i] += delta;
            total += delta;
        }
        text.insert(countAt, total);
        String separator = "; ";
        for (int i = 0; i < REASONS.length; i++) {
            long delta = dropped.sum(REASONS[i]) - reportedReasons[i];
            if (delta > 0) {
                text.append(separator).append(REASONS[i].label()).append('=').append(delta);
                separator = ", ";
                reportedReasons[i] += delta;
            }
        }
        double seconds = (now - windowStartNanos) / 1e9;
        text.append(") in the last ").append(Math.round(seconds * 10) / 10.0).append(" s");
        windowStartNanos = now;
        nextReportNanos = now + intervalNanos;
        Instant at = clock.instant();
        summary.begin(LogEvent.Kind.LOG, Level.WARN, LOGGER, Thread.currentThread().getName(),
                at.getEpochSecond(), at.getNano(), 1);
        summary.synthetic(true);
        summary.message(text);
        return summary;
    }

    /** Lets go of the summary's references once the sink has seen it. */
    void done() {
        summary.release();
    }
}
