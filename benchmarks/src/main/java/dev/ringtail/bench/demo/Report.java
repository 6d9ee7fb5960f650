package dev.ringtail.bench.demo;

import java.io.PrintStream;
import java.util.Locale;

/** The demo's closing table and its number formats. */
final class Report {
    private static final double[] QUANTILES = {0.50, 0.99, 0.999};
    private static final String[] NAMES = {"p50", "p99", "p99.9"};

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void latencies(Latencies.Summary ringtail, Latencies.Summary sync, long timerNanos) {
        out.println();
        out.printf(Locale.ROOT, "enqueue latency per log call   %10s %10s %10s   (%,d / %,d calls timed)%n", NAMES[0],
                NAMES[1], NAMES[2], ringtail.count(), sync.count());
        row("ringtail", ringtail);
        if (sync.count() > 0) {
            row("synchronous POST (loopback)", sync);
            StringBuilder ratio = new StringBuilder(String.format(Locale.ROOT, "  %-28s", "ratio (sync / ringtail)"));
            for (double q : QUANTILES) {
                long r = Math.max(1, ringtail.quantile(q));
                ratio.append(String.format(Locale.ROOT, " %10s", String.format(Locale.ROOT, "%,.0fx",
                        (double) sync.quantile(q) / r)));
            }
            out.println(ratio);
        }
        out.printf(Locale.ROOT, "  (each includes ~%d ns of System.nanoTime(); JMH numbers: docs/benchmarks.md)%n%n",
                timerNanos);
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
