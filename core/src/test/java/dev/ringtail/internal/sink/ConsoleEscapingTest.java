package dev.ringtail.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One event is one console line: control characters in names and messages cannot forge lines or drive the terminal. */
class ConsoleEscapingTest {
    private static final long AT = LocalDateTime.of(2026, 11, 24, 10, 15, 30).toEpochSecond(ZoneOffset.UTC);

    private static String printed(String logger, String message, Throwable thrown) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, ZoneOffset.UTC, 10_000);
        sink.onEvent(LogEvent.standalone(1000, Level.INFO, logger, "main", AT, 0).message(message).throwable(thrown));
        sink.onEndOfBatch();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void controlCharactersInTheLoggerNameAndMessageAreEscaped() throws Exception {
        String text = printed("evil\nlogger\u001b[31m", "one\ntwo\r\tthree\u0000\u007f\u0085\u009b end", null);
        assertThat(text).isEqualTo("2026-11-24 10:15:30,000 [INFO] evil\\nlogger\\u001b[31m: "
                + "one\\ntwo\\r\\tthree\\u0000\\u007f\\u0085\\u009b end\n");
    }

    @Test
    void ordinaryTextIsPrintedAsItIs() throws Exception {
        String message = "C:\\temp\\n is a path, caf\u00e9 \uD83D\uDE00 \u2028";
        assertThat(printed("shop.checkout", message, null))
                .isEqualTo("2026-11-24 10:15:30,000 [INFO] shop.checkout: " + message + "\n");
    }

    @Test
    void stackTraceLinesStaySeparateLinesButTerminalEscapesAreEscaped() throws Exception {
        Exception thrown = new IllegalStateException("first\nsecond\u001b[2J\r");
        String text = printed("shop", "failed", thrown);
        assertThat(text).startsWith("2026-11-24 10:15:30,000 [INFO] shop: failed\n"
                + "java.lang.IllegalStateException: first\nsecond\\u001b[2J\\r\n\tat ");
        assertThat(text).doesNotContain("\u001b").doesNotContain("\r").endsWith(")\n");
    }

    @Test
    void theLoggerNameIsCutAtTheFieldBoundThenEscaped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, ZoneOffset.UTC, 10_000, 64);
        String logger = "\n" + "l".repeat(99);
        sink.onEvent(LogEvent.standalone(1000, Level.INFO, logger, "main", AT, 0).message("m"));
        sink.onEndOfBatch();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2026-11-24 10:15:30,000 [INFO] \\n" + "l".repeat(63)
                + "\u2026[truncated 36 chars]: m\n");
    }
}
