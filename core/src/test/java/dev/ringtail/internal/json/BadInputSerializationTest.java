package dev.ringtail.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.GeneratedEvent;
import dev.ringtail.testing.Json;
import dev.ringtail.testing.TestEvents;
import dev.ringtail.testing.ThrowingToString;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input here must still produce one valid UTF-8 JSON object with unique keys. */
class BadInputSerializationTest {
    private static final String[] RESERVED = GeneratedEvent.RESERVED.toArray(new String[0]);

    static Stream<Arguments> badInputs() {
        return Stream.of(
            bad("null message", e -> e.message(null)),
            bad("null pattern", e -> e.format(null, "arg")),
            bad("null argument array", e -> e.format("a {} b", (Object[]) null)),
            bad("null arguments", e -> e.format("{} {} {}", new Object[] {null, null, null})),
            bad("toString() that throws, as argument", e -> e.format("x={}", new ThrowingToString())),
            bad("toString() that throws, as key-value", e -> e.addKeyValue("v", new ThrowingToString())),
            bad("toString() that returns null", e -> e.format("x={}", new NullToString())),
            bad("1 MB message", e -> e.message("x".repeat(1 << 20))),
            bad("1 MB of multibyte text", e -> e.message("\u00e9\u4e2d\uD83D\uDE00".repeat(1 << 18))),
            bad("lone high surrogate at the end", e -> e.message("abc\uD800")),
            bad("lone low surrogate at the start", e -> e.message("\uDC00abc")),
            bad("reversed surrogate pair", e -> e.message("\uDE00\uD83D")),
            bad("all control characters", e -> e.message(controls())),
            bad("quotes, backslashes, script tags", e -> e.message("\"\\\"</script>\\u0000")),
            bad("line and paragraph separators", e -> e.message("a\u2028b\u2029c\u0085")),
            bad("noncharacters and BOM", e -> e.message("\uFFFF\uFFFE\uFEFF")),
            bad("cyclic cause", e -> e.throwable(cyclic())),
            bad("getMessage() that throws", e -> e.throwable(new BadMessage())),
            bad("printStackTrace() that throws", e -> e.throwable(new BadStack())),
            bad("exception without message", e -> e.throwable(new RuntimeException())),
            bad("10,000 nested causes", e -> e.throwable(deep(10_000))),
            bad("exception message with lone surrogate", e -> e.throwable(new RuntimeException("x\uD800"))),
            bad("null key-value key", e -> e.addKeyValue(null, "v")),
            bad("key with a lone surrogate", e -> e.addKeyValue("k\uD800", 1).addKeyValue("k\uDC00", 2)),
            bad("keys equal to every reserved name", e -> {
                Map<String, String> mdc = new HashMap<>();
                for (String r : RESERVED) {
                    e.addKeyValue(r, "kv");
                    e.addKeyValue("_" + r, "kv_");
                    mdc.put(r, "mdc");
                    mdc.put("_" + r, "mdc_");
                }
                e.mdc(mdc);
            }),
            bad("null logger and thread names", NULL_NAMES),
            bad("MDC with null key and value", e -> {
                Map<String, String> mdc = new HashMap<>();
                mdc.put(null, "v");
                mdc.put("k", null);
                e.mdc(mdc);
            }),
            bad("MDC of 20,000 entries", e -> {
                Map<String, String> mdc = new HashMap<>();
                for (int i = 0; i < 20_000; i++) {
                    mdc.put("key" + i, "value\u0000" + i);
                }
                e.mdc(mdc);
            }),
            bad("5,000 key-values, all the same key", e -> {
                for (int i = 0; i < 5000; i++) {
                    e.addKeyValue("same", i);
                }
            }),
            bad("NaN and infinities", e -> e.addKeyValue("a", Double.NaN).addKeyValue("b", Float.POSITIVE_INFINITY)
                    .addKeyValue("c", Double.NEGATIVE_INFINITY)),
            bad("BigDecimal whose toString is not a number", e -> e.addKeyValue("d", new OddDecimal())),
            bad("Number whose doubleValue throws", e -> e.addKeyValue("n", new BadNumber())),
            bad("null and empty markers", e -> e.addMarker(null).addMarker("").addMarker("\uD800")),
            bad("self-containing argument array", e -> {
                Object[] self = new Object[1];
                self[0] = self;
                e.format("{}", new Object[] {self});
            }),
            bad("timestamps out of range", e -> e.timestamp(Long.MIN_VALUE, -1)),
            bad("empty key and value", e -> e.addKeyValue("", "").mdc(Map.of("", "")))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void everyBadInputProducesValidJson(String name, Consumer<LogEvent> input) throws Exception {
        LogEvent event = input == NULL_NAMES
                ? LogEvent.standalone(2 << 20, Level.INFO, null, null, 0, 0).message("before")
                : TestEvents.event(Level.INFO, "before", 2 << 20);
        input.accept(event);
        EventSerializer serializer = new EventSerializer();

        Map<String, Object> json = Json.object(serializer.serialize(event).toByteArray());

        assertThat(json).containsKeys("dt", "level", "message", "logger_name", "thread_name");
        assertThat(json.get("level")).isEqualTo("info");
        // and the serializer is still good for the next one
        assertThat(Json.object(serializer.serialize(TestEvents.event(Level.WARN, "after")).toByteArray()))
                .containsEntry("message", "after");
    }

    /** Stands for an event begun with null logger and thread names, which no setter can make. */
    private static final Consumer<LogEvent> NULL_NAMES = e -> { };

    private static Arguments bad(String name, Consumer<LogEvent> input) {
        return Arguments.of(name, input);
    }

    private static String controls() {
        StringBuilder s = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            s.append(c);
        }
        return s.append('\u007f').toString();
    }

    private static Throwable cyclic() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        a.addSuppressed(b);
        return a;
    }

    private static Throwable deep(int depth) {
        Throwable t = new RuntimeException("bottom");
        for (int i = 0; i < depth; i++) {
            t = new RuntimeException("level " + i, t);
        }
        return t;
    }

    static final class NullToString {
        @Override
        public String toString() {
            return null;
        }
    }

    static final class BadMessage extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }
    }

    static final class BadStack extends RuntimeException {
        @Override
        public void printStackTrace(PrintWriter s) {
            throw new IllegalStateException("no stack for you");
        }
    }

    static final class OddDecimal extends BigDecimal {
        OddDecimal() {
            super(1);
        }

        @Override
        public String toString() {
            return "1,5 \"apples\"";
        }
    }

    static final class BadNumber extends Number {
        @Override
        public int intValue() {
            throw new IllegalStateException();
        }

        @Override
        public long longValue() {
            throw new IllegalStateException();
        }

        @Override
        public float floatValue() {
            throw new IllegalStateException();
        }

        @Override
        public double doubleValue() {
            throw new IllegalStateException();
        }
    }
}
