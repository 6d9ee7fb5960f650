package dev.ringtail.bench.report;

import java.util.Locale;

/** How the document writes numbers: times, rates, bytes, ratios; NaN (no measurement) as "-". */
final class Formats {
    static final String MISSING = "-";
    private static final double NANOS_PER_MICRO = 1e3;
    private static final double NANOS_PER_MILLI = 1e6;
    /** Up to here a time is written in whole nanoseconds, e.g. "9,876 ns". */
    private static final double LARGEST_NANOS = 10_000;
    /** From here a time in µs or ms has no decimal: "123 µs", "456 ms". */
    private static final double WHOLE_MICROS_FROM = 100_000;
    private static final double WHOLE_MILLIS_FROM = 100_000_000;
    /** From here a multiple has no decimal: "1,234x". */
    private static final double WHOLE_TIMES_FROM = 100;
    private static final double WHOLE_BYTES_FROM = 10;
    private static final double MEGA = 1e6;
    private static final double KILO = 1e3;

    private Formats() {
    }

    static String ns(double nanos) {
        if (Double.isNaN(nanos)) {
            return MISSING;
        }
        if (nanos < LARGEST_NANOS) {
            return String.format(Locale.ROOT, "%,.0f ns", nanos);
        }
        if (nanos < NANOS_PER_MILLI) {
            return String.format(Locale.ROOT, nanos < WHOLE_MICROS_FROM ? "%.1f \u00b5s" : "%.0f \u00b5s",
                    nanos / NANOS_PER_MICRO);
        }
        return String.format(Locale.ROOT, nanos < WHOLE_MILLIS_FROM ? "%.1f ms" : "%.0f ms", nanos / NANOS_PER_MILLI);
    }

    static String bytes(double b) {
        return Double.isNaN(b) ? MISSING : String.format(Locale.ROOT, b < WHOLE_BYTES_FROM ? "%.1f" : "%,.0f", b);
    }

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return MISSING;
        }
        if (perSecond >= MEGA) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / MEGA);
        }
        if (perSecond >= KILO) {
            return String.format(Locale.ROOT, "%.1f k", perSecond / KILO);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    /** A speed-up: "4,000x", "12.5x". */
    static String times(double x) {
        return Double.isNaN(x) ? MISSING : String.format(Locale.ROOT, x >= WHOLE_TIMES_FROM ? "%,.0fx" : "%.1fx", x);
    }

    /** A time ratio, below 1 when ringtail is faster: "0.91x". */
    static String ratio(double x) {
        return Double.isNaN(x) ? MISSING : String.format(Locale.ROOT, "%.2fx", x);
    }

    /** A share as a whole percentage: "75%". */
    static String percent(double share) {
        return Double.isNaN(share) ? MISSING : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
