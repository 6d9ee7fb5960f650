package dev.ringtail.slf4j;

import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.LogEvent;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;

/**
 * The translators the loggers publish with: stateless singletons, so a log call allocates none.
 * Each runs on the caller's thread inside {@code Pipeline.publish}, so the message is formatted
 * and the MDC captured as they are at the call, whatever the caller changes afterwards.
 *
 * <p>Markers: only {@link Marker#getName()} of each marker given to the call is recorded, not the
 * marker's references. The {@code markers} field then lists exactly what the call site named,
 * whatever other code later adds to the global marker graph, and iterating references (a
 * copy-on-write list) costs nothing on the hot path.
 */
final class Translators {
    private Translators() {
    }

    /** {@code (marker, message, -, -)}: the message is not a pattern. */
    static final EventTranslator<Marker, String, Object, Object> MESSAGE = (event, marker, message, c, d) -> {
        context(event, marker);
        event.message(message);
    };

    /** {@code (marker, pattern, arg, -)}; a Throwable argument is the exception. */
    static final EventTranslator<Marker, String, Object, Object> ONE_ARG = (event, marker, pattern, arg, d) -> {
        context(event, marker);
        event.format(pattern, arg);
    };

    /** {@code (marker, pattern, arg1, arg2)}; a trailing Throwable is the exception. */
    static final EventTranslator<Marker, String, Object, Object> TWO_ARGS = (event, marker, pattern, a1, a2) -> {
        context(event, marker);
        event.format(pattern, a1, a2);
    };

    /** {@code (marker, pattern, Object[], -)}; a trailing Throwable is the exception. */
    static final EventTranslator<Marker, String, Object, Object> ARG_ARRAY = (event, marker, pattern, args, d) -> {
        context(event, marker);
        event.format(pattern, (Object[]) args);
    };

    /** {@code (marker, message, throwable, -)}: {@code info(String, Throwable)}; the message is not a pattern. */
    static final EventTranslator<Marker, String, Object, Object> THROWN = (event, marker, message, thrown, d) -> {
        context(event, marker);
        event.throwable((Throwable) thrown);
        event.message(message);
    };

    /**
     * {@code (LoggingEvent, -, -, -)}: the fluent API, and events SLF4J recorded while it was
     * initializing. Key-value pairs become fields, not message text. A recorded event carries
     * its own time and thread; it keeps them, and gets no MDC (the replaying thread's MDC is not
     * the one it was logged under).
     */
    static final EventTranslator<LoggingEvent, Object, Object, Object> LOGGING_EVENT = (event, source, b, c, d) -> {
        long millis = source.getTimeStamp();
        if (millis > 0) {
            event.timestamp(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000);
            String thread = source.getThreadName();
            if (thread != null) {
                event.threadName(thread);
            }
        } else {
            event.mdc(CopyOnWriteMdcAdapter.current());
        }
        List<Marker> markers = source.getMarkers();
        if (markers != null) {
            for (int i = 0; i < markers.size(); i++) {
                Marker marker = markers.get(i);
                if (marker != null) {
                    event.addMarker(marker.getName());
                }
            }
        }
        List<KeyValuePair> pairs = source.getKeyValuePairs();
        if (pairs != null) {
            for (int i = 0; i < pairs.size(); i++) {
                KeyValuePair pair = pairs.get(i);
                if (pair != null) {
                    event.addKeyValue(pair.key, pair.value);
                }
            }
        }
        Throwable cause = source.getThrowable();
        if (cause != null) {
            event.throwable(cause);
        }
        event.format(source.getMessage(), source.getArgumentArray());
    };

    private static void context(LogEvent event, Marker marker) {
        event.mdc(CopyOnWriteMdcAdapter.current());
        if (marker != null) {
            event.addMarker(marker.getName());
        }
    }
}
