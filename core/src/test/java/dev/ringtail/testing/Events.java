package dev.ringtail.testing;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.ring.Pipeline;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/** Publishing helpers for tests: plain messages and formatted ones, through the real translator path. */
public final class Events {
    /** Sets the message to {@code a} as text. */
    public static final EventTranslator<String, Void, Void, Void> TEXT =
            (event, text, b, c, d) -> event.message(text);
    /** SLF4J-style formatting of {@code pattern} with one argument. */
    public static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);
    /** SLF4J-style formatting with an argument array. */
    public static final EventTranslator<String, Object[], Void, Void> FORMATN =
            (event, pattern, args, c, d) -> event.format(pattern, args);

    /** Lets the test fill the event itself: MDC, key-values, markers, an exception, the time. */
    public static final EventTranslator<Consumer<LogEvent>, Void, Void, Void> FILL =
            (event, fill, b, c, d) -> fill.accept(event);

    private Events() {
    }

    /** Publishes an event {@code fill} fills in, through the real translator path. */
    public static boolean log(Pipeline pipeline, Level level, String logger, Consumer<LogEvent> fill) {
        return pipeline.publish(level, logger, FILL, fill, null, null, null);
    }

    public static boolean log(Pipeline pipeline, Level level, String message) {
        return pipeline.publish(level, "test", TEXT, message, null, null, null);
    }

    public static boolean log(Pipeline pipeline, Level level, String logger, String message) {
        return pipeline.publish(level, logger, TEXT, message, null, null, null);
    }

    /** The messages {@code prefix-0} to {@code prefix-(count-1)}, in order: what a test logged, to compare with what arrived. */
    public static List<String> names(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
