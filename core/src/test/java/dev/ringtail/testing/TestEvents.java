package dev.ringtail.testing;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/** Builds a filled {@link LogEvent} outside a ring, for serializer and sink tests, and hostile parts of one. */
public final class TestEvents {
    /** 2026-11-24T10:15:30.123456789Z */
    public static final long EPOCH_SECOND = 1_795_515_330L;
    public static final int NANOS = 123_456_789;

    private TestEvents() {
    }

    public static LogEvent event(Level level, String message) {
        return event(level, message, Integer.MAX_VALUE);
    }

    public static LogEvent event(Level level, String message, int maxChars) {
        LogEvent event = LogEvent.standalone(maxChars, level, "shop.checkout", "http-exec-3", EPOCH_SECOND, NANOS);
        return event.message(message);
    }

    /** An MDC that throws {@link IllegalStateException} when read: an event holding it cannot be serialized. */
    public static Map<String, String> unreadableMdc() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new IllegalStateException("an MDC that cannot be read");
            }
        };
    }
}
