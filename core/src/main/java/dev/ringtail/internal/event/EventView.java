package dev.ringtail.internal.event;

import dev.ringtail.Level;
import java.util.Map;

/**
 * What a sink may see of an event: read-only. The view is valid only during the sink call it is
 * handed to; a sink that needs the content later copies it.
 */
public interface EventView {
    /** True for events the pipeline made itself (drop summaries); sinks do not count them. */
    boolean isSynthetic();

    Level level();

    String loggerName();

    String threadName();

    /** Seconds since the epoch, UTC. */
    long epochSecond();

    int nanoOfSecond();

    /** The formatted message; a view of a reusable buffer. */
    CharSequence message();

    /** The exception, or null. */
    Throwable throwable();

    int markerCount();

    String marker(int index);

    /** Number of key-value pairs, in the order they were added. */
    int keyValueCount();

    String key(int index);

    ValueType valueType(int index);

    boolean booleanValue(int index);

    long longValue(int index);

    double doubleValue(int index);

    /** The text of a {@link ValueType#STRING} or {@link ValueType#DECIMAL} value. */
    String textValue(int index);

    /** The MDC captured with the event: an immutable snapshot, never null. */
    Map<String, String> mdc();
}
