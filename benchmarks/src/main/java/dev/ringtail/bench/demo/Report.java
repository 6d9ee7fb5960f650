package dev.ringtail.bench.demo;

import dev.ringtail.bench.report.Goals;
import java.io.PrintStream;
import java.util.Locale;

/** The demo's closing report: the latency table, this run against the {@link Goals}, and their number formats. */
final class Report {
    private static final double[] QUANTILES = {0.50, 0.99, 0.999};
    private static final String[] NAMES = {"p50", "p99", "p99.9"};
    private static final String MET = "met";
    private static final String MISSED = "missed";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** ringtail's row, the floor's and ringtail's multiple of it, and the synchronous baseline's if it ran. */
    void latencies(Latencies.Summary ringtail, FloorRun.Result floor, Latencies.Summary sync, long timerNanos) {
        out.println();
        out.printf(Locale.ROOT, "enqueue latency per log call   %10s %10s %10s   (%,d / %,d / %,d calls timed)%n",
                NAMES[0], NAMES[1], NAMES[2], ringtail.count(), floor.latencies().count(), sync.count());
        row("ringtail", ringtail);
        row("floor (Disruptor publish)", floor.latencies());
        ratio("ringtail / floor", ringtail, floor.latencies(), "%,.1fx");
        if (sync.count() > 0) {
            row("synchronous POST (loopback)", sync);
            ratio("ratio (sync / ringtail)", sync, ringtail, "%,.0fx");
        }
        out.printf(Locale.ROOT, "  (each includes ~%d ns of System.nanoTime(); JMH numbers: docs/benchmarks.md)%n",
                timerNanos);
        if (floor.refused() > 0) {
            out.printf(Locale.ROOT, "  (%,d of the floor's calls found its ring full: those timed a refusal)%n",
                    floor.refused());
        }
        out.println();
    }

    /**
     * This run's figures against the goals the JMH suite is judged by: met or missed. The burst
     * goal only for a paced run; end to end is judged only if the run offered at least the goal.
     *
     * @param endToEnd delivered events per second, from the first call to the last delivery
     * @param rate     the offered events per second, 0 when unpaced
     */
    void goals(Latencies.Summary ringtail, double endToEnd, int rate, int burst, long dropped, long failed) {
        out.println();
        out.println("goals (docs/benchmarks.md judges them on JMH; this run's figures, timer included)");
        double[] bounds = {Goals.HOT_PATH_P50_NANOS, Goals.HOT_PATH_P99_NANOS, Goals.HOT_PATH_P999_NANOS};
        for (int i = 0; i < QUANTILES.length; i++) {
            long value = ringtail.quantile(QUANTILES[i]);
            goal(NAMES[i] + " <= " + duration((long) bounds[i]), duration(value), value <= bounds[i] ? MET : MISSED);
        }
        String endToEndVerdict = endToEnd >= Goals.END_TO_END_EVENTS_PER_SECOND ? MET : MISSED;
        if (rate > 0 && rate < Goals.END_TO_END_EVENTS_PER_SECOND) {
            endToEndVerdict = String.format(Locale.ROOT, "n/a: paced at %,d events/s, below the goal", rate);
        }
        goal(String.format(Locale.ROOT, "end to end >= %,.0f events/s", Goals.END_TO_END_EVENTS_PER_SECOND),
                String.format(Locale.ROOT, "%,.0f", endToEnd), endToEndVerdict);
        if (rate > 0) {
            boolean kept = dropped <= Goals.BURST_DROPS && failed <= Goals.BURST_DROPS;
            String failures = failed > 0 ? String.format(Locale.ROOT, ", %,d failed", failed) : "";
            // a lighter load than the goal's proves nothing about it, either way
            String verdict = rate == Goals.BURST_RATE && burst == Goals.BURST_SIZE ? (kept ? MET : MISSED) + failures
                    : String.format(Locale.ROOT, "n/a: the goal's load is %,d events/s in bursts of %,d (this run:"
                            + " %,d in bursts of %,d%s)", Goals.BURST_RATE, Goals.BURST_SIZE, rate, burst, failures);
            goal("no drops in bursts", String.format(Locale.ROOT, "%,d dropped", dropped), verdict);
        }
    }

    private void goal(String goal, String measured, String verdict) {
        out.printf(Locale.ROOT, "  %-34s %14s   %s%n", goal, measured, verdict);
    }

    /** {@code over}'s time divided by {@code under}'s, at each percentile. */
    private void ratio(String label, Latencies.Summary over, Latencies.Summary under, String format) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s", label));
        for (double q : QUANTILES) {
            long u = Math.max(1, under.quantile(q));
            line.append(String.format(Locale.ROOT, " %10s", String.format(Locale.ROOT, format,
                    (double) over.quantile(q) / u)));
        }
        out.println(line);
    }

    private void row(String label, Latencies.Summary s) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s", label));
        for (double q : QUANTILES) {
            line.append(String.format(Locale.ROOT, " %10s", duration(s.quantile(q))));
        }
        out.println(line);
    }

    static String duration(long nanos) {
        if (nanos < 10_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        if (nanos < 10_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static String bytes(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
