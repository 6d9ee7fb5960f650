package dev.ringtail.testing;

import static dev.ringtail.testing.Gen.expectedText;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.LogEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A generated log event and, written independently of the serializer, the JSON object the wire format (docs/contract.md)
 * says it becomes: reserved fields, then user fields by the documented precedence (key-value
 * pairs, the last added winning; then MDC keys written as they are; then MDC keys that had to
 * change), reserved names prefixed with {@code _}, lone surrogates replaced, long messages cut
 * with the {@code …[truncated N chars]} marker, every other string cut the same way at the
 * default {@code ringtail.field.maxChars}.
 */
public final class GeneratedEvent {
    /** The reserved top-level names of the wire format. */
    public static final Set<String> RESERVED =
            Set.of("dt", "level", "message", "logger_name", "thread_name", "markers", "exception");
    /** Applies the recipe in a real translator, on the producer thread. */
    public static final EventTranslator<GeneratedEvent, Void, Void, Void> TRANSLATOR =
            (event, generated, b, c, d) -> generated.writeTo(event);

    static final String FAILED_TO_STRING = "[FAILED toString()]";
    /** The default {@code ringtail.field.maxChars}, which the events and serializers of these tests use. */
    public static final int FIELD_MAX_CHARS = 8192;

    public final Level level;
    public final String loggerName;
    public final String threadName;
    public final String message;
    public final List<String> markers;
    public final Map<String, String> mdc;
    public final List<Map.Entry<String, Object>> keyValues;

    private GeneratedEvent(Level level, String loggerName, String threadName, String message, List<String> markers,
                           Map<String, String> mdc, List<Map.Entry<String, Object>> keyValues) {
        this.level = level;
        this.loggerName = loggerName;
        this.threadName = threadName;
        this.message = message;
        this.markers = markers;
        this.mdc = mdc;
        this.keyValues = keyValues;
    }

    /** An event with hostile text everywhere, odd MDC and key-value pairs whose keys collide. */
    public static GeneratedEvent generate(Gen gen) {
        Level level = gen.oneOf(Level.values());
        String logger = gen.chance(0.1) ? null : gen.text(gen.between(0, 12));
        String thread = gen.chance(0.1) ? null : gen.text(gen.between(0, 12));
        String message = gen.chance(0.03) ? null : gen.anyText();
        List<String> markers = new ArrayList<>();
        for (int i = gen.chance(0.7) ? 0 : gen.between(1, 4); i > 0; i--) {
            markers.add(gen.chance(0.1) ? null : gen.text(gen.between(0, 8)));
        }
        Map<String, String> mdc = new HashMap<>(); // HashMap: a null key and null values are allowed
        for (int i = gen.chance(0.3) ? 0 : gen.between(1, gen.chance(0.05) ? 200 : 10); i > 0; i--) {
            mdc.put(key(gen), gen.chance(0.1) ? null : value(gen));
        }
        List<Map.Entry<String, Object>> pairs = new ArrayList<>();
        for (int i = gen.chance(0.3) ? 0 : gen.between(1, gen.chance(0.05) ? 100 : 10); i > 0; i--) {
            pairs.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key(gen), typedValue(gen)));
        }
        return new GeneratedEvent(level, logger, thread, message, markers, Collections.unmodifiableMap(mdc), pairs);
    }

    /** The same event with one more key-value pair added last (so it wins its key). */
    public GeneratedEvent with(String key, Object value) {
        List<Map.Entry<String, Object>> pairs = new ArrayList<>(keyValues);
        pairs.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, value));
        return new GeneratedEvent(level, loggerName, threadName, message, markers, mdc, pairs);
    }

    /** Keys from a small pool, so they collide with reserved names, with each other and across MDC and pairs. */
    private static String key(Gen gen) {
        int pick = gen.between(0, 99);
        if (pick < 25) {
            return gen.oneOf(RESERVED.toArray(new String[0]));
        }
        if (pick < 40) {
            return "_" + gen.oneOf(RESERVED.toArray(new String[0]));
        }
        if (pick < 70) {
            return gen.oneOf("", " ", "null", "k", "K", "k\uD800", "k\uDC00", "k\uFFFD", "order_id", "level ",
                    "Level", "a.b", "\u0000", "\"", "message\u0000", "__", "\uD83D\uDE00");
        }
        if (pick < 75) {
            return null;
        }
        return gen.text(gen.between(0, 6));
    }

    private static String value(Gen gen) {
        return gen.chance(0.02) ? gen.huge(gen.between(50_000, 200_000)) : gen.text(gen.between(0, 30));
    }

    private static Object typedValue(Gen gen) {
        switch (gen.between(0, 13)) {
            case 0: return null;
            case 1: return gen.chance(0.5);
            case 2: return gen.nextLong();
            case 3: return (int) gen.nextLong();
            case 4: return (short) gen.nextLong();
            case 5: return gen.oneOf(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                    Double.MIN_VALUE, Double.MAX_VALUE, Float.NaN);
            case 6: return Double.longBitsToDouble(gen.nextLong()); // any double, NaN payloads included
            case 7: return (float) (gen.nextDouble() * 1e6 - 5e5);
            case 8: return new BigDecimal(BigInteger.valueOf(gen.nextLong()).multiply(BigInteger.valueOf(gen.nextLong())),
                    gen.between(-40, 40));
            case 9: return BigInteger.valueOf(gen.nextLong()).pow(gen.between(1, 4));
            case 10: return new ThrowingToString();
            case 11: return new Shown(gen.text(gen.between(0, 20)));
            default: return value(gen);
        }
    }

    /** What a translator does with this recipe. */
    public void writeTo(LogEvent event) {
        event.message(message);
        for (String marker : markers) {
            event.addMarker(marker);
        }
        event.mdc(mdc);
        for (Map.Entry<String, Object> pair : keyValues) {
            event.addKeyValue(pair.getKey(), pair.getValue());
        }
    }

    /** A slot filled by hand, outside any pipeline, with {@code maxChars} as the message limit. */
    public LogEvent toLogEvent(int maxChars) {
        LogEvent event = LogEvent.standalone(maxChars, level, loggerName, threadName, TestEvents.EPOCH_SECOND,
                TestEvents.NANOS);
        writeTo(event);
        return event;
    }

    // ------------------------------------------------------------------ the model

    /** The message as the receiver must read it, for a message limit of {@code maxChars}. */
    public String expectedMessage(int maxChars) {
        return expectedText(truncated(message == null ? "null" : message, maxChars));
    }

    /** The wire format: longer messages are cut at maxChars (never inside a surrogate pair) and marked. */
    public static String truncated(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = maxChars;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "\u2026[truncated " + (text.length() - cut) + " chars]";
    }

    /** Markers as they must arrive, or null if the event has none. */
    public List<String> expectedMarkers() {
        if (markers.isEmpty()) {
            return null;
        }
        List<String> expected = new ArrayList<>();
        for (String m : markers) {
            expected.add(expectedField(String.valueOf(m)));
        }
        return expected;
    }

    /** User fields as they must arrive, in no particular order; values as {@link #sameValue} compares them. */
    public Map<String, Object> expectedUserFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = keyValues.size() - 1; i >= 0; i--) {
            claim(fields, writtenKey(keyValues.get(i).getKey()), expectedValue(keyValues.get(i).getValue()));
        }
        for (boolean changedKeys : new boolean[] {false, true}) {
            mdc.forEach((key, value) -> {
                String written = writtenKey(key);
                if (written.equals(key) != changedKeys) {
                    claim(fields, written, expectedField(value));
                }
            });
        }
        return fields;
    }

    /** First claim wins; unlike putIfAbsent, a null value is a claim too. */
    private static void claim(Map<String, Object> fields, String key, Object value) {
        if (!fields.containsKey(key)) {
            fields.put(key, value);
        }
    }

    static String writtenKey(String key) {
        String k = truncated(String.valueOf(key), FIELD_MAX_CHARS);
        return RESERVED.contains(k) ? "_" + k : expectedText(k);
    }

    /** A string other than the message as it must arrive: cut at the field bound, lone surrogates replaced. */
    public static String expectedField(String text) {
        return text == null ? null : expectedText(truncated(text, FIELD_MAX_CHARS));
    }

    private static Object expectedValue(Object value) {
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            String text = value.toString();
            boolean number = text.length() <= FIELD_MAX_CHARS && Double.isFinite(Double.parseDouble(text));
            return number ? value : truncated(text, FIELD_MAX_CHARS); // beyond a double, or cut: a string
        }
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value instanceof Float ? Double.parseDouble(value.toString()) : (Double) value;
            if (Double.isNaN(d)) {
                return "NaN";
            }
            return Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : (Object) d;
        }
        if (value instanceof ThrowingToString) {
            return FAILED_TO_STRING;
        }
        return expectedField(value.toString());
    }

    /** Compares a parsed JSON value with an expected one: numbers by value, the rest by equality. */
    public static boolean sameValue(Object actual, Object expected) {
        if (expected instanceof Long) {
            return (actual instanceof Integer || actual instanceof Long || actual instanceof BigInteger)
                    && ((Number) actual).longValue() == (Long) expected
                    && new BigInteger(actual.toString()).equals(BigInteger.valueOf((Long) expected));
        }
        if (expected instanceof Double) {
            return actual instanceof Number && !(actual instanceof Integer || actual instanceof Long)
                    ? new BigDecimal(actual.toString()).doubleValue() == (Double) expected
                    : actual instanceof Number && ((Number) actual).doubleValue() == (Double) expected;
        }
        if (expected instanceof BigDecimal) {
            return actual instanceof Number && new BigDecimal(actual.toString()).compareTo((BigDecimal) expected) == 0;
        }
        if (expected instanceof BigInteger) {
            return actual instanceof Number && !(actual instanceof BigDecimal)
                    && new BigInteger(actual.toString()).equals(expected);
        }
        return Objects.equals(actual, expected);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("GeneratedEvent{level=").append(level)
                .append(", logger=").append(Gen.describe(loggerName))
                .append(", thread=").append(Gen.describe(threadName))
                .append(", message=").append(Gen.describe(message))
                .append(", markers=").append(markers.size())
                .append(", mdc={");
        mdc.forEach((k, v) -> s.append(Gen.describe(k)).append('=').append(Gen.describe(v)).append(", "));
        s.append("}, kv=[");
        for (Map.Entry<String, Object> e : keyValues) {
            Object v = e.getValue();
            s.append(Gen.describe(e.getKey())).append('=')
                    .append(v instanceof String ? Gen.describe((String) v) : v == null ? "null"
                            : v.getClass().getSimpleName() + ":" + (v instanceof ThrowingToString ? "throws" : Gen.describe(v.toString())))
                    .append(", ");
        }
        return s.append("]}").toString();
    }

    /** A value that is neither number nor string: written as its {@code toString()}. */
    static final class Shown {
        private final String text;

        Shown(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
