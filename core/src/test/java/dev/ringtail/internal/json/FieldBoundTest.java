package dev.ringtail.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.Json;
import dev.ringtail.testing.TestEvents;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ringtail.field.maxChars}: every string but the message and the stack text is cut, with the marker. */
class FieldBoundTest {
    private static final int BOUND = 8192;
    private final EventSerializer serializer = new EventSerializer(32_768, BOUND);

    private static String cut(String text, int kept) {
        return text.substring(0, kept) + "\u2026[truncated " + (text.length() - kept) + " chars]";
    }

    private Map<String, Object> written(LogEvent event) throws Exception {
        return Json.object(serializer.serialize(event).toByteArray());
    }

    private static LogEvent event(String logger, String thread) {
        return LogEvent.standalone(32_768, Level.ERROR, logger, thread, TestEvents.EPOCH_SECOND, 0).message("m");
    }

    @Test
    void aHugeExceptionMessageIsCutAndLeavesRoomForTheFrames() throws Exception {
        String huge = "x".repeat(3_100_596);
        Map<String, Object> json = written(event("shop", "main").throwable(new IllegalStateException(huge)));
        @SuppressWarnings("unchecked")
        Map<String, Object> exception = (Map<String, Object>) json.get("exception");
        assertThat(exception.get("message")).isEqualTo(cut(huge, BOUND)).asString().endsWith("[truncated 3092404 chars]");
        String stack = (String) exception.get("stacktrace");
        assertThat(stack).startsWith(cut("java.lang.IllegalStateException: " + huge, BOUND) + "\n\tat ");
        assertThat(stack.length()).isLessThan(32_768 + 64);
    }

    @Test
    void loggerAndThreadNamesAreCut() throws Exception {
        String logger = "a.".repeat(10_000);
        String thread = "t".repeat(BOUND + 1);
        Map<String, Object> json = written(event(logger, thread));
        assertThat(json.get("logger_name")).isEqualTo(cut(logger, BOUND));
        assertThat(json.get("thread_name")).isEqualTo(cut(thread, BOUND));
    }

    @Test
    void mdcKeysAndValuesAreCutWhereTheyAreWritten() throws Exception {
        String value = "v".repeat(20_000);
        String key = "k".repeat(9_000);
        Map<String, String> mdc = Map.of("request", value, key, "short");
        LogEvent e = event("shop", "main").mdc(mdc);
        Map<String, Object> json = written(e);
        assertThat(json.get("request")).isEqualTo(cut(value, BOUND));
        assertThat(json.get(cut(key, BOUND))).isEqualTo("short");
        assertThat(e.mdc()).as("the shared snapshot itself is untouched").isSameAs(mdc);
    }

    @Test
    void keyValueTextsKeysAndMarkersAreCutWhenCaptured() throws Exception {
        String text = "v".repeat(50_000);
        String key = "k".repeat(BOUND + 10);
        String marker = "M".repeat(BOUND * 2);
        Object hugeToString = new Object() {
            @Override
            public String toString() {
                return "o".repeat(100_000);
            }
        };
        String digits = BigInteger.TEN.pow(20_000).toString();
        LogEvent e = event("shop", "main").addKeyValue("text", text).addKeyValue(key, 1)
                .addKeyValue("object", hugeToString).addKeyValue("decimal", BigInteger.TEN.pow(20_000)).addMarker(marker);

        assertThat(e.textValue(0)).as("the slot holds the cut text, not the 50,000 chars").isEqualTo(cut(text, BOUND));
        assertThat(e.key(1)).isEqualTo(cut(key, BOUND));
        assertThat(e.marker(0)).isEqualTo(cut(marker, BOUND));
        Map<String, Object> json = written(e);
        assertThat(json.get("text")).isEqualTo(cut(text, BOUND));
        assertThat(json.get(cut(key, BOUND))).isEqualTo(1);
        assertThat(json.get("object")).isEqualTo(cut("o".repeat(100_000), BOUND));
        assertThat(json.get("decimal")).as("a cut number is a string").isEqualTo(cut(digits, BOUND));
        assertThat(json.get("markers")).isEqualTo(List.of(cut(marker, BOUND)));
    }

    @Test
    void aCutNeverSplitsASurrogatePairAndTextAtTheBoundIsWhole() throws Exception {
        String pairAtTheEdge = "a".repeat(BOUND - 1) + "\uD83D\uDE00" + "b".repeat(100);
        String exactly = "c".repeat(BOUND);
        Map<String, Object> json = written(event(pairAtTheEdge, exactly));
        assertThat(json.get("logger_name")).isEqualTo("a".repeat(BOUND - 1) + "\u2026[truncated 102 chars]");
        assertThat(json.get("thread_name")).isEqualTo(exactly);
    }

    @Test
    void theBoundIsConfigurable() throws Exception {
        EventSerializer small = new EventSerializer(32_768, 64);
        Map<String, Object> json = Json.object(small.serialize(event("l".repeat(65), "main")).toByteArray());
        assertThat(json.get("logger_name")).isEqualTo(cut("l".repeat(65), 64));
        assertThat(json.get("message")).as("the message has its own bound").isEqualTo("m");
    }
}
