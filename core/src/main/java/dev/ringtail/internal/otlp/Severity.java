package dev.ringtail.internal.otlp;

import dev.ringtail.Level;

/** OTLP's view of a level and a time: the severity number and text, and Unix nanoseconds. */
final class Severity {
    /** SeverityNumber of TRACE, DEBUG, INFO, WARN, ERROR: the first of each band of four. */
    private static final int[] NUMBERS = {1, 5, 9, 13, 17};
    private static final long MAX_SECOND = Long.MAX_VALUE / 1_000_000_000L;

    private Severity() {
    }

    static int number(Level level) {
        return NUMBERS[level.ordinal()];
    }

    /** The SLF4J level name: {@code TRACE} .. {@code ERROR}. */
    static String text(Level level) {
        return level.label();
    }

    /** Nanoseconds since the epoch, clamped to what an unsigned fixed64 read as a signed long holds. */
    static long unixNanos(long epochSecond, int nanoOfSecond) {
        if (epochSecond < 0) {
            return 0;
        }
        if (epochSecond >= MAX_SECOND) {
            return Long.MAX_VALUE;
        }
        return epochSecond * 1_000_000_000L + Math.max(0, Math.min(nanoOfSecond, 999_999_999));
    }
}
