package dev.ringtail.internal.json;

import static dev.ringtail.testing.Gen.difference;
import static dev.ringtail.testing.Gen.expectedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.Gen;
import dev.ringtail.testing.GeneratedEvent;
import dev.ringtail.testing.Json;
import dev.ringtail.testing.TestEvents;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.helpers.MessageFormatter;

/**
 * Property tests of the wire format: for every generated event the serializer's output is one
 * strict JSON object ({@link Json}: valid UTF-8, no duplicate key, no lone surrogate, nothing
 * after it) and the text round-trips with only the documented changes (lone surrogates become
 * U+FFFD, long messages are cut with the truncation marker, reserved user keys get a {@code _}).
 *
 * <p>Each property runs a few hundred seeded cases ({@link Gen#tries}); the seeds are fixed, a
 * failing case is named by its seed and replays with {@code -Dringtail.test.replay=<seed>}.
 * One serializer is reused across the cases of a property, as a sink reuses it.
 */
class SerializationPropertiesTest {
    private static final int TRIES = 300;
    /** A limit small enough that generated text often passes it, besides the default. */
    private static final int[] MAX_CHARS = {1, 2, 7, 64, 1000, 32_768, 2 << 20};

    private final EventSerializer serializer = new EventSerializer();

    static Stream<Long> anyEvent() {
        return Gen.tries("anyEvent", TRIES);
    }

    static Stream<Long> anyMessage() {
        return Gen.tries("anyMessage", TRIES);
    }

    static Stream<Long> anyPattern() {
        return Gen.tries("anyPattern", TRIES);
    }

    static Stream<Long> anyThrowable() {
        return Gen.tries("anyThrowable", 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("anyMessage")
    void anyTextRoundTripsAsTheMessageCutOnlyAtMaxChars(long seed) throws Exception {
        Gen gen = new Gen(seed);
        String text = gen.chance(0.1) ? gen.huge(gen.between(100_000, 1 << 20)) : gen.anyText();
        int maxChars = gen.oneOf(1, 2, 7, 64, 1000, 32_768, 2 << 20);
        LogEvent event = TestEvents.event(Level.INFO, text, maxChars);

        Map<String, Object> json = parse(event, seed);

        String expected = expectedText(GeneratedEvent.truncated(text, maxChars));
        check(seed, "message of " + Gen.describe(text) + " at maxChars " + maxChars,
                difference((String) json.get("message"), expected));
        if (text.length() > maxChars) {
            assertThat((String) json.get("message")).as("seed %d", seed).endsWith(" chars]")
                    .contains("\u2026[truncated ");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("anyEvent")
    void anyEventIsOneStrictObjectWithEveryFieldAsDocumented(long seed) throws Exception {
        Gen gen = new Gen(seed);
        GeneratedEvent generated = GeneratedEvent.generate(gen);
        int maxChars = MAX_CHARS[gen.between(0, MAX_CHARS.length - 1)];

        Map<String, Object> json = parse(generated.toLogEvent(maxChars), seed);

        String context = generated.toString();
        assertThat(json.get("level")).as(context).isEqualTo(generated.level.wireName());
        assertThat(json.get("dt")).as(context).isEqualTo("2026-11-24T10:15:30.123456Z");
        check(seed, context, difference((String) json.get("message"), generated.expectedMessage(maxChars)));
        check(seed, context, difference((String) json.get("logger_name"), GeneratedEvent.expectedField(generated.loggerName)));
        check(seed, context, difference((String) json.get("thread_name"), GeneratedEvent.expectedField(generated.threadName)));
        assertThat(json.get("markers")).as(context).isEqualTo(generated.expectedMarkers());
        assertThat(json).as(context).doesNotContainKey("exception");
        checkUserFields(seed, context, json, generated.expectedUserFields());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("anyPattern")
    void formattedMessagesMatchSlf4jsOwnFormatter(long seed) throws Exception {
        Gen gen = new Gen(seed);
        StringBuilder pattern = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int i = gen.between(0, 8); i > 0; i--) {
            pattern.append(gen.text(gen.between(0, 6)));
            pattern.append(gen.oneOf("{}", "{}", "\\{}", "\\\\{}", "{", "}", "\\", "{ }"));
        }
        for (int i = gen.between(0, 6); i > 0; i--) {
            args.add(gen.oneOf(null, gen.text(gen.between(0, 10)), gen.nextLong(), gen.chance(0.5),
                    new int[] {1, 2}, new Object[] {"a", null, new String[] {gen.text(2)}}));
        }
        Object[] array = args.toArray();
        String expected = MessageFormatter.arrayFormat(pattern.toString(), array).getMessage();
        LogEvent event = TestEvents.event(Level.INFO, "", 2 << 20).format(pattern.toString(), array);

        Map<String, Object> json = parse(event, seed);

        check(seed, "pattern " + Gen.describe(pattern.toString()) + " with " + args.size() + " args",
                difference((String) json.get("message"), expectedText(expected)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("anyThrowable")
    void deepAndCyclicCausesAndSuppressedAlwaysSerialize(long seed) throws Exception {
        Gen gen = new Gen(seed);
        Throwable thrown = throwableGraph(gen);
        int maxStack = gen.oneOf(16, 1000, EventSerializer.DEFAULT_MAX_STACK_CHARS);
        EventSerializer bounded = new EventSerializer(maxStack);
        LogEvent event = TestEvents.event(Level.ERROR, "failed").throwable(thrown);

        Map<String, Object> json = parse(bounded, event, seed);

        @SuppressWarnings("unchecked")
        Map<String, Object> exception = (Map<String, Object>) json.get("exception");
        assertThat(exception).as("seed %d", seed).containsOnlyKeys("class", "message", "stacktrace");
        assertThat(exception.get("class")).isEqualTo(thrown.getClass().getName());
        check(seed, "exception message", difference((String) exception.get("message"), expectedText(thrown.getMessage())));
        String stack = (String) exception.get("stacktrace");
        assertThat(stack.length()).as("seed %d: stack text bounded", seed)
                .isLessThanOrEqualTo(maxStack + "\n\t\u2026[truncated more than 2147483647 chars]".length());
        String truncation = "\n\t\u2026[truncated ";
        boolean truncated = stack.contains(truncation) && stack.endsWith(" chars]");
        String body = truncated ? stack.substring(0, stack.lastIndexOf(truncation)) : stack;
        if (truncated && !body.isEmpty()) {
            body = body.substring(0, body.length() - 1); // the cut may have split a surrogate pair
        }
        String head = expectedText(thrown.toString());
        boolean failedPrinting = stack.startsWith(thrown.getClass().getName() + ": [FAILED printStackTrace(): ");
        assertThat(failedPrinting || head.startsWith(body) || body.startsWith(head))
                .as("seed %d: stack text %s starts with the throwable %s", seed, Gen.describe(stack), Gen.describe(head))
                .isTrue();
        // and the serializer is still good for an ordinary event
        assertThat(Json.object(bounded.serialize(TestEvents.event(Level.INFO, "next")).toByteArray()))
                .containsEntry("message", "next");
    }

    // ------------------------------------------------------------------ throwables

    /** A chain of up to ~2000 causes, with cause and suppressed edges pointing back up the chain. */
    private static Throwable throwableGraph(Gen gen) {
        int depth = gen.chance(0.05) ? gen.between(500, 2000) : gen.between(1, 12);
        List<Throwable> chain = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            String message = gen.chance(0.15) ? null : gen.text(gen.between(0, 20));
            chain.add(new Generated(message, gen.chance(0.2)));
        }
        Set<Throwable> withCause = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i + 1 < depth; i++) {
            chain.get(i).initCause(chain.get(i + 1));
            withCause.add(chain.get(i));
        }
        if (gen.chance(0.5)) { // the last cause loops back to one above it (or to itself: the JDK stops that)
            Throwable last = chain.get(depth - 1);
            Throwable target = chain.get(gen.between(0, depth - 1));
            if (target != last) {
                last.initCause(target);
            }
        }
        for (int i = gen.between(0, 4); i > 0; i--) { // suppressed, possibly an ancestor: a cycle
            Throwable on = chain.get(gen.between(0, depth - 1));
            Throwable suppressed = gen.chance(0.5) ? chain.get(gen.between(0, depth - 1))
                    : new Generated(gen.text(5), false);
            if (suppressed != on) {
                on.addSuppressed(suppressed);
            }
        }
        return chain.get(0);
    }

    /** A throwable with generated text; without a stack sometimes, so deep chains stay cheap. */
    static final class Generated extends RuntimeException {
        Generated(String message, boolean withStack) {
            super(message); // no cause given, so initCause can set one
            if (!withStack) {
                setStackTrace(new StackTraceElement[0]);
            }
        }
    }

    // ------------------------------------------------------------------ checks

    private Map<String, Object> parse(LogEvent event, long seed) throws Exception {
        return parse(serializer, event, seed);
    }

    private static Map<String, Object> parse(EventSerializer serializer, LogEvent event, long seed) throws Exception {
        byte[] bytes = serializer.serialize(event).toByteArray();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            fail("seed " + seed + ": output is not valid UTF-8: " + e);
        }
        try {
            return Json.object(bytes); // strict: duplicate keys, lone surrogates, trailing content all fail
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": output is not strict JSON: " + e.getMessage(), e);
        }
    }

    private static void check(long seed, String context, String difference) {
        if (difference != null) {
            fail("seed " + seed + ", " + context + ": " + difference);
        }
    }

    static void checkUserFields(long seed, String context, Map<String, Object> json, Map<String, Object> expected) {
        for (Map.Entry<String, Object> field : json.entrySet()) {
            String key = field.getKey();
            if (GeneratedEvent.RESERVED.contains(key)) {
                continue;
            }
            if (!expected.containsKey(key)) {
                fail("seed " + seed + ": unexpected field " + Gen.describe(key) + " in " + context);
            }
            Object want = expected.get(key);
            if (!GeneratedEvent.sameValue(field.getValue(), want)) {
                String got = field.getValue() instanceof String ? Gen.describe((String) field.getValue())
                        : String.valueOf(field.getValue());
                fail("seed " + seed + ": field " + Gen.describe(key) + " is " + got + ", expected "
                        + (want instanceof String ? Gen.describe((String) want) : want) + " in " + context);
            }
        }
        for (String key : expected.keySet()) {
            if (!json.containsKey(key)) {
                fail("seed " + seed + ": missing field " + Gen.describe(key) + " in " + context);
            }
        }
    }
}
