package dev.ringtail.internal.config;

import dev.ringtail.Level;

/**
 * A logger's threshold is the ordinal of the lowest level it lets through, or {@link #OFF}. These
 * are compile-time constants so that a disabled log call compiles to one field read and one
 * compare against a literal; a test pins them to {@link Level#ordinal()}.
 */
public final class Thresholds {
    public static final int TRACE = 0;
    public static final int DEBUG = 1;
    public static final int INFO = 2;
    public static final int WARN = 3;
    public static final int ERROR = 4;
    /** Above every level: nothing is let through. */
    public static final int OFF = 5;
    /** What {@link #parse} answers for a name that is no level. */
    public static final int INVALID = -1;

    private Thresholds() {
    }

    /** The configuration's spelling of a threshold: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or {@code off}. */
    public static String name(int threshold) {
        switch (threshold) {
            case TRACE: return "trace";
            case DEBUG: return "debug";
            case INFO: return "info";
            case WARN: return "warn";
            case ERROR: return "error";
            case OFF: return "off";
            default: throw new IllegalArgumentException("no threshold: " + threshold);
        }
    }

    /** {@code trace, debug, info, warn} (or {@code warning}), {@code error} or {@code off}; {@link #INVALID} otherwise. */
    public static int parse(String value) {
        if (value != null && "off".equalsIgnoreCase(value.trim())) {
            return OFF;
        }
        Level level = Level.parse(value);
        return level == null ? INVALID : level.ordinal();
    }
}
