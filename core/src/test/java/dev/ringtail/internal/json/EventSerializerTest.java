package dev.ringtail.internal.json;

import static dev.ringtail.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.Json;
import dev.ringtail.testing.TestEvents;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventSerializerTest {
    private final EventSerializer serializer = new EventSerializer();

    private String json(LogEvent event) throws Exception {
        return new String(serializer.serialize(event).toByteArray(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> parsed(LogEvent event) throws Exception {
        return Json.object(serializer.serialize(event).toByteArray());
    }

    @Test
    void writesTheDesignWireFormat() throws Exception {
        LogEvent e = event(Level.WARN, "Payment failed for order 42");
        e.addKeyValue("order_id", 42).addKeyValue("retry", true).addKeyValue("request_id", "c0ffee");
        e.addMarker("AUDIT");

        assertThat(json(e)).isEqualTo("{\"dt\":\"2026-11-24T10:15:30.123456Z\",\"level\":\"warning\","
                + "\"message\":\"Payment failed for order 42\",\"logger_name\":\"shop.checkout\","
                + "\"thread_name\":\"http-exec-3\",\"markers\":[\"AUDIT\"],"
                + "\"request_id\":\"c0ffee\",\"retry\":true,\"order_id\":42}");
    }

    @Test
    void omitsMarkersAndExceptionWhenAbsent() throws Exception {
        assertThat(parsed(event(Level.INFO, "hi")).keySet())
                .containsExactly("dt", "level", "message", "logger_name", "thread_name");
    }

    @Test
    void namesEveryLevelByItsWireName() throws Exception {
        for (Level level : Level.values()) {
            assertThat(parsed(event(level, "x")).get("level")).isEqualTo(level.wireName());
        }
        assertThat(parsed(event(Level.WARN, "x")).get("level")).isEqualTo("warning");
    }

    @Test
    void formatsDtInUtcWithMicrosecondsForAnyInstant() throws Exception {
        IsoTimestamp timestamp = new IsoTimestamp();
        SplittableRandom random = new SplittableRandom(7);
        long[] fixed = {0, -1, 951_782_400L /* 2000-02-29 */, 4_107_542_399L /* 2100-02-28T23:59:59 */,
            -62_167_219_200L, 253_402_300_799L};
        for (long second : fixed) {
            assertThat(new String(timestamp.format(second, 999_999_999)))
                    .isEqualTo(referenceTimestamp(second, 999_999_999));
        }
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = random.nextInt(1_000_000_000);
            assertThat(new String(timestamp.format(second, nanos))).isEqualTo(referenceTimestamp(second, nanos));
        }
    }

    @Test
    void clampsTimestampsOutsideFourDigitYears() throws Exception {
        LogEvent e = event(Level.INFO, "x").timestamp(Long.MAX_VALUE, -5);
        assertThat(parsed(e).get("dt")).isEqualTo("9999-12-31T23:59:59.000000Z");
        e.timestamp(Long.MIN_VALUE, Integer.MAX_VALUE);
        assertThat(parsed(e).get("dt")).isEqualTo("0000-01-01T00:00:00.999999Z");
    }

    @Test
    void keepsKeyValueTypes() throws Exception {
        LogEvent e = event(Level.INFO, "x");
        e.addKeyValue("long", Long.MAX_VALUE).addKeyValue("int", -3).addKeyValue("double", 1.5)
                .addKeyValue("float", 0.1f).addKeyValue("bool", false).addKeyValue("null", null)
                .addKeyValue("nan", Double.NaN).addKeyValue("inf", Double.POSITIVE_INFINITY)
                .addKeyValue("ninf", Float.NEGATIVE_INFINITY)
                .addKeyValue("big", new BigDecimal("12345678901234567890.000000000001"))
                .addKeyValue("bigint", new BigInteger("123456789012345678901234567890"))
                .addKeyValue("other", List.of(1, 2));
        Map<String, Object> m = parsed(e);
        assertThat(m.get("long")).isEqualTo(Long.MAX_VALUE);
        assertThat(m.get("int")).isEqualTo(-3);
        assertThat(m.get("double")).isEqualTo(new BigDecimal("1.5"));
        assertThat(m.get("float")).isEqualTo(new BigDecimal("0.1"));
        assertThat(m.get("bool")).isEqualTo(false);
        assertThat(m).containsEntry("null", null);
        assertThat(m.get("nan")).isEqualTo("NaN");
        assertThat(m.get("inf")).isEqualTo("Infinity");
        assertThat(m.get("ninf")).isEqualTo("-Infinity");
        assertThat(m.get("big")).isEqualTo(new BigDecimal("12345678901234567890.000000000001"));
        assertThat(m.get("bigint")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(m.get("other")).isEqualTo("[1, 2]");
    }

    @Test
    void aKeyValueWinsOverTheMdcAndReservedNamesGetAnUnderscore() throws Exception {
        LogEvent e = event(Level.INFO, "the message");
        e.mdc(Map.of("user", "from-mdc", "tenant", "acme", "level", "mdc-level"));
        e.addKeyValue("user", "from-kv").addKeyValue("message", "kv-message");
        Map<String, Object> m = parsed(e);
        assertThat(m.get("user")).isEqualTo("from-kv");
        assertThat(m.get("tenant")).isEqualTo("acme");
        assertThat(m.get("message")).isEqualTo("the message");
        assertThat(m.get("_message")).isEqualTo("kv-message");
        assertThat(m.get("level")).isEqualTo("info");
        assertThat(m.get("_level")).isEqualTo("mdc-level");
    }

    @Test
    void theLastOfRepeatedKeyValuePairsWins() throws Exception {
        LogEvent e = event(Level.INFO, "x");
        e.addKeyValue("attempt", 1).addKeyValue("attempt", 2).addKeyValue("attempt", 3);
        assertThat(parsed(e).get("attempt")).isEqualTo(3);
    }

    @Test
    void renamedKeysNeverCollideWithTheirUnderscoreTwin() throws Exception {
        LogEvent e = event(Level.INFO, "x");
        // KV "level" is written "_level": it beats the MDC's own "_level" and "level"
        e.mdc(Map.of("_level", "mdc-underscore", "level", "mdc-plain", "_dt", "mdc-dt", "dt", "mdc-plain-dt"));
        e.addKeyValue("level", "kv-level");
        Map<String, Object> m = parsed(e); // Json rejects duplicate keys
        assertThat(m.get("_level")).isEqualTo("kv-level");
        // within the MDC the entry written as it is beats the one that had to be renamed
        assertThat(m.get("_dt")).isEqualTo("mdc-dt");
        // a KV "_level" next to a KV "level": the one added last wins
        LogEvent f = event(Level.INFO, "x").addKeyValue("_level", "first").addKeyValue("level", "second");
        assertThat(parsed(f).get("_level")).isEqualTo("second");
    }

    @Test
    void writesTheExceptionWithCausesAndSuppressed() throws Exception {
        IllegalStateException root = new IllegalStateException("card declined",
                new java.io.IOException("socket closed"));
        root.addSuppressed(new IllegalArgumentException("cleanup failed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ex = (Map<String, Object>) parsed(event(Level.ERROR, "boom").throwable(root)).get("exception");
        assertThat(ex.keySet()).containsExactly("class", "message", "stacktrace");
        assertThat(ex.get("class")).isEqualTo("java.lang.IllegalStateException");
        assertThat(ex.get("message")).isEqualTo("card declined");
        assertThat((String) ex.get("stacktrace"))
                .startsWith("java.lang.IllegalStateException: card declined\n\tat ")
                .contains("Caused by: java.io.IOException: socket closed")
                .contains("Suppressed: java.lang.IllegalArgumentException: cleanup failed");
    }

    @Test
    void writesEmojiAsFourByteUtf8() throws Exception {
        byte[] bytes = serializer.serialize(event(Level.INFO, "ok \uD83D\uDE00")).toByteArray();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"ok \uD83D\uDE00\"");
    }

    @Test
    void recoversAfterAnEventItCouldNotWrite() throws Exception {
        LogEvent bad = event(Level.INFO, "half").mdc(TestEvents.unreadableMdc());
        assertThatThrownBy(() -> serializer.serialize(bad)).isInstanceOf(IllegalStateException.class);
        assertThat(json(event(Level.INFO, "next"))).startsWith("{\"dt\"").contains("\"message\":\"next\"").endsWith("}");
    }

    @Test
    void aHugeMdcWithCollisionsStillHasUniqueKeys() throws Exception {
        Map<String, String> mdc = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            mdc.put("k" + i, "v" + i);
        }
        mdc.put("message", "m");
        mdc.put("_message", "um");
        LogEvent e = event(Level.INFO, "x").mdc(mdc);
        for (int i = 0; i < 100; i++) {
            e.addKeyValue("k" + i, i);
        }
        Map<String, Object> m = parsed(e);
        assertThat(m).hasSize(5 + 5001);
        assertThat(m.get("k5")).isEqualTo(5);
        assertThat(m.get("k4999")).isEqualTo("v4999");
        assertThat(m.get("_message")).isEqualTo("um");
    }

    @Test
    void recognisesJsonNumbers() {
        assertThat(JsonNumbers.isJsonNumber("-0.5e+10")).isTrue();
        assertThat(JsonNumbers.isJsonNumber("1E-7")).isTrue();
        assertThat(JsonNumbers.isJsonNumber("01")).isFalse();
        assertThat(JsonNumbers.isJsonNumber("1.")).isFalse();
        assertThat(JsonNumbers.isJsonNumber("NaN")).isFalse();
        assertThat(JsonNumbers.isJsonNumber("")).isFalse();
        assertThat(JsonNumbers.isJsonNumber("-")).isFalse();
    }

    /** The expected text, through {@code java.time}. */
    private static String referenceTimestamp(long epochSecond, int nanoOfSecond) {
        String text = Instant.ofEpochSecond(epochSecond, nanoOfSecond - nanoOfSecond % 1000).toString();
        int dot = text.indexOf('.');
        String fraction = dot < 0 ? "" : text.substring(dot + 1, text.length() - 1);
        String base = dot < 0 ? text.substring(0, text.length() - 1) : text.substring(0, dot);
        return base + '.' + (fraction + "000000").substring(0, 6) + 'Z';
    }
}
