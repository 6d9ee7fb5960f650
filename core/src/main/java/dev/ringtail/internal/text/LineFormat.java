package dev.ringtail.internal.text;

import dev.ringtail.internal.event.EventView;

/** How the console prints one event: the human line ({@link ConsoleFormat}) or one JSON object per line. */
public interface LineFormat {
    /**
     * Appends the event's line(s), ending with a line break. If it throws, nothing was appended.
     * Not thread-safe: one per consumer thread.
     */
    void append(EventView event, StringBuilder out) throws Exception;
}
