package dev.ringtail.internal.text;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.Truncation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The seed's console line: {@code 2026-11-24 10:15:30,123 [WARN] shop.checkout: message}, then
 * the stack trace lines when there is an exception. Control characters in the logger name and
 * the message are escaped, so that one event is one line ({@link ConsoleEscape}); the stack text
 * keeps its line breaks and tabs. Time is local to the given zone, as Python's
 * logging prints it. Not thread-safe: one instance per consumer thread. The date part is built
 * once per second, so a line costs no allocation.
 */
public final class ConsoleFormat implements LineFormat {
    /** The stack scratch buffer is let go after an event that grew it past this. */
    private static final int MAX_RETAINED_STACK_CHARS = 1 << 16;

    private final ZoneId zone;
    private final int maxStackChars;
    private final int maxFieldChars;
    private final StringBuilder stack = new StringBuilder(1024);
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix;

    public ConsoleFormat(ZoneId zone, int maxStackChars) {
        this(zone, maxStackChars, Truncation.DEFAULT_MAX_FIELD_CHARS);
    }

    /** @param maxFieldChars the logger name, and each exception line in the stack text, is cut here */
    public ConsoleFormat(ZoneId zone, int maxStackChars, int maxFieldChars) {
        this.zone = zone;
        this.maxStackChars = maxStackChars;
        this.maxFieldChars = maxFieldChars;
    }

    /** Appends the event's line(s), ending with a line break. */
    @Override
    public void append(EventView event, StringBuilder out) {
        out.append(datePrefix(event.epochSecond()));
        int millis = event.nanoOfSecond() / 1_000_000;
        if (millis < 100) {
            out.append('0');
        }
        if (millis < 10) {
            out.append('0');
        }
        out.append(millis).append(" [").append(event.level().label()).append("] ");
        String logger = String.valueOf(event.loggerName());
        int kept = Truncation.kept(logger, maxFieldChars); // held by reference: cut here, not at capture
        ConsoleEscape.append(out, logger, 0, kept, false);
        if (kept < logger.length()) {
            Truncation.appendMarker(out, logger.length() - kept);
        }
        out.append(": ");
        ConsoleEscape.append(out, event.message());
        out.append('\n');
        if (event.throwable() != null) {
            stack.setLength(0);
            StackTraces.append(event.throwable(), stack, maxStackChars, maxFieldChars);
            ConsoleEscape.append(out, stack, 0, stack.length(), true);
            out.append('\n');
            if (stack.capacity() > MAX_RETAINED_STACK_CHARS) {
                stack.setLength(0);
                stack.trimToSize(); // a huge stack text is not kept for the life of the sink
            }
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
