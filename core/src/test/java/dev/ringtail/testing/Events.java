package dev.ringtail.testing;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;

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

    private Events() {
    }

    public static boolean log(Pipeline pipeline, Level level, String message) {
        return pipeline.publish(level, "test", TEXT, message, null, null, null);
    }

    public static boolean log(Pipeline pipeline, Level level, String logger, String message) {
        return pipeline.publish(level, logger, TEXT, message, null, null, null);
    }
}
