package dev.ringtail;

import java.util.Locale;

/**
 * Severity of an event. The order is the SLF4J order: {@code TRACE < DEBUG < INFO < WARN < ERROR}.
 *
 * <p>Each level has two spellings: the console label ({@code WARN}) and the wire name BetterStack
 * receives ({@code warning}), chosen so that queries written for Python services,
 * {@code level = 'warning'}, match Java services too.
 */
public enum Level {
    TRACE("TRACE", "trace"),
    DEBUG("DEBUG", "debug"),
    INFO("INFO", "info"),
    WARN("WARN", "warning"),
    ERROR("ERROR", "error");

    private static final Level[] VALUES = values();

    private final String label;
    private final String wireName;

    Level(String label, String wireName) {
        this.label = label;
        this.wireName = wireName;
    }

    /** The console spelling, e.g. {@code WARN}. */
    public String label() {
        return label;
    }

    /** The JSON {@code level} value, e.g. {@code warning}. */
    public String wireName() {
        return wireName;
    }

    /** True for WARN and ERROR, the levels the admission reserve is kept for. */
    public boolean isReserved() {
        return this == WARN || this == ERROR;
    }

    /** The level with the given ordinal; avoids the copy {@link #values()} makes. */
    public static Level ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * Parses a level name as configuration spells it: {@code trace}, {@code debug}, {@code info},
     * {@code warn} or {@code warning}, {@code error}, in any case and with surrounding spaces.
     *
     * @return the level, or null if the text names none
     */
    public static Level parse(String name) {
        if (name == null) {
            return null;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Level level : VALUES) {
            if (level.wireName.equals(key) || level.label.toLowerCase(Locale.ROOT).equals(key)) {
                return level;
            }
        }
        return null;
    }

    /** Number of levels, for per-level counter arrays. */
    public static int count() {
        return VALUES.length;
    }
}
