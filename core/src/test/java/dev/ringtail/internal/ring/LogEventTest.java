package dev.ringtail.internal.ring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.event.BoundedText;
import dev.ringtail.internal.event.ValueType;
import dev.ringtail.testing.ThrowingToString;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogEventTest {
    private final LogEvent event = new LogEvent(100);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Hello {}|Hello 1",
        "{} and {}|1 and 2",
        "no placeholders|no placeholders",
        "{}{}{}|12{}",
        "escaped \\{} then {}|escaped {} then 1",
        "double \\\\{} escape|double \\1 escape",
        "{|{",
        "}{|}{",
    })
    void formatsWithSlf4jSemantics(String pattern, String expected) {
        assertThat(event.format(pattern, 1, 2).message().toString()).isEqualTo(expected);
    }

    @Test
    void formatsArraysAndNullsLikeSlf4j() {
        Object[] cyclic = new Object[2];
        cyclic[0] = "a";
        cyclic[1] = cyclic;
        assertThat(event.format("{} {} {} {}", new Object[] {null, new int[] {1, 2}, new String[] {"x"}, cyclic})
                .message().toString()).isEqualTo("null [1, 2] [x] [a, [...]]");
        assertThat(event.format(null, 1).message().toString()).isEqualTo("null");
    }

    @Test
    void treatsATrailingThrowableAsTheException() {
        IllegalStateException boom = new IllegalStateException("boom");
        event.format("failed {} {}", new Object[] {"order", 42, boom});
        assertThat(event.message().toString()).isEqualTo("failed order 42");
        assertThat(event.throwable()).isSameAs(boom);

        LogEvent one = new LogEvent(100).format("failed {}", boom);
        assertThat(one.message().toString()).isEqualTo("failed {}");
        assertThat(one.throwable()).isSameAs(boom);
    }

    @Test
    void writesTheFailedToStringMarkerWhenToStringThrows() {
        Object hostile = new ThrowingToString();
        assertThat(event.format("value={}", hostile).message().toString()).isEqualTo("value=[FAILED toString()]");
        event.addKeyValue("k", hostile);
        assertThat(event.textValue(0)).isEqualTo("[FAILED toString()]");
    }

    @Test
    void truncatesLongMessagesWithTheMarkerAndNeverSplitsASurrogatePair() {
        String longText = "a".repeat(99) + "\uD83D\uDE00" + "b".repeat(1000);
        String message = event.format("{}", longText).message().toString();
        assertThat(message).startsWith("a".repeat(99)).endsWith("\u2026[truncated 1002 chars]");
        assertThat(Character.isHighSurrogate(message.charAt(98 + 1))).isFalse();
        assertThat(message.length()).isLessThan(100 + 30);
    }

    @Test
    void capturesKeyValueTypesAtCallTime() {
        AtomicLong counter = new AtomicLong(7);
        event.addKeyValue("count", counter).addKeyValue("ok", true).addKeyValue("ratio", 0.5f)
                .addKeyValue("none", null).addKeyValue("price", new BigDecimal("12.50"))
                .addKeyValue("nan", Double.NaN).addKeyValue("who", new StringBuilder("bob"));
        counter.set(99);
        assertThat(event.valueType(0)).isEqualTo(ValueType.LONG);
        assertThat(event.longValue(0)).as("captured as it was").isEqualTo(7);
        assertThat(event.booleanValue(1)).isTrue();
        assertThat(event.doubleValue(2)).isEqualTo(0.5);
        assertThat(event.valueType(3)).isEqualTo(ValueType.NULL);
        assertThat(event.textValue(4)).isEqualTo("12.50");
        assertThat(event.doubleValue(5)).isNaN();
        assertThat(event.textValue(6)).isEqualTo("bob");
    }

    @Test
    void clearReleasesReferencesAndShrinksOversizedBuffers() {
        LogEvent big = new LogEvent(1_000_000);
        big.begin(LogEvent.Kind.LOG, Level.INFO, "l", "t", 0, 0, 1);
        big.format("{}", "x".repeat(100_000)).throwable(new RuntimeException()).addKeyValue("k", "v");
        assertThat(big.release()).isTrue();
        assertThat(big.throwable()).isNull();
        assertThat(big.keyValueCount()).isZero();
        assertThat(((BoundedText) big.message()).capacity()).isLessThanOrEqualTo(BoundedText.BASE_CHARS);
    }

    @Test
    void truncationNeverGrowsTheMessageBufferPastItsLimitAndTheMarker() {
        LogEvent event = new LogEvent(32_768);
        event.format("{}", "y".repeat(1_000_000));
        assertThat(event.message().toString()).endsWith("\u2026[truncated 967232 chars]");
        // StringBuilder would have doubled to 65,538 chars on its own
        assertThat(((BoundedText) event.message()).capacity()).isLessThanOrEqualTo(32_768 + 40);
    }

    @Test
    void aReusedSlotCarriesOnlyTheNewEventsMarkersAndPairs() {
        LogEvent slot = new LogEvent(100);
        LogEvent captured = new LogEvent(100);
        for (int pairs : new int[] {1, 40}) { // within the slot's base, and handed over past it
            captured.begin(LogEvent.Kind.LOG, Level.INFO, "l", "t", 0, 0, 1);
            captured.message("with");
            for (int i = 0; i < pairs; i++) {
                captured.addMarker("m" + i).addKeyValue("k" + i, i);
            }
            slot.takeFrom(captured, 1);
            assertThat(slot.markerCount()).isEqualTo(pairs);
            assertThat(slot.keyValueCount()).isEqualTo(pairs);
            assertThat(slot.key(pairs - 1)).isEqualTo("k" + (pairs - 1));
            assertThat(slot.release()).isTrue();

            captured.begin(LogEvent.Kind.LOG, Level.INFO, "l", "t", 0, 0, 1);
            captured.message("without");
            slot.takeFrom(captured, 1);
            assertThat(slot.message().toString()).isEqualTo("without");
            assertThat(slot.markerCount()).isZero();
            assertThat(slot.keyValueCount()).isZero();
            assertThat(slot.release()).isTrue();
        }
    }
}
