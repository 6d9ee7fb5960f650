package dev.ringtail.internal.text;

import dev.ringtail.internal.event.EventView;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The seed's console line: {@code 2026-11-24 10:15:30,123 [WARN] shop.checkout: message}, then
 * the stack trace lines when there is an exception. Time is local to the given zone, as Python's
 * logging prints it. Not thread-safe: one instance per consumer thread. The date part is built
 * once per second, so a line costs no allocation.
 */
public final class ConsoleFormat {
    private final ZoneId zone;
    private final int maxStackChars;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    public ConsoleFormat(ZoneId zone, int maxStackChars) {
        this.zone = zone;
        this.maxStackChars = maxStackChars;
    }

    /** Appends the event's line(s), ending with a line break. */
    public void append(EventView event, StringBuilder out) {
        out.append(datePrefix(event.epochSecond()));
        int millis = event.nanoOfSecond() / 1_000_000;
        if (millis < 100) {
            out.append('0');
        }
        if (millis < 10) {
            out.append('0');
        }
        out.append(millis).append(" [").append(event.level().label()).append("] ")
                .append(event.loggerName()).append(": ").append(event.message()).append('\n');
        if (event.throwable() != null) {
            StackTraces.append(event.throwable(), out, maxStackChars);
            out.append('\n');
        }
    }

    private String datePrefix(long epochSecond) {
        if (epochSecond != cachedSecond) {
            ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
            StringBuilder b = new StringBuilder(24);
            b.append(t.getYear()).append('-');
            two(b, t.getMonthValue()).append('-');
            two(b, t.getDayOfMonth()).append(' ');
            two(b, t.getHour()).append(':');
            two(b, t.getMinute()).append(':');
            two(b, t.getSecond()).append(',');
            cachedPrefix = b.toString();
            cachedSecond = epochSecond;
        }
        return cachedPrefix;
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return (value < 10 ? b.append('0') : b).append(value);
    }
}
