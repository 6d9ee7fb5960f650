package dev.ringtail.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.text.StackTraces;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {
    private static final long AT = LocalDateTime.of(2026, 11, 24, 10, 15, 30).toEpochSecond(ZoneOffset.UTC);

    private static LogEvent event(Level level, String logger, String message, Throwable t) {
        LogEvent e = LogEvent.standalone(1000, level, logger, "main", AT, 123_456_789);
        return e.message(message).throwable(t);
    }

    @Test
    void printsTheSeedFormat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, ZoneOffset.UTC, 10_000);
        sink.onEvent(event(Level.WARN, "shop.checkout", "Payment failed for order 42", null));
        sink.onEvent(event(Level.INFO, "shop", "second", null));
        assertThat(out.size()).as("buffered until the end of the batch").isZero();
        sink.onEndOfBatch();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "2026-11-24 10:15:30,123 [WARN] shop.checkout: Payment failed for order 42\n"
                        + "2026-11-24 10:15:30,123 [INFO] shop: second\n");
        assertThat(sink.counters().snapshot().delivered()).isEqualTo(2);
        assertThat(sink.counters().snapshot().batches()).isEqualTo(1);
    }

    @Test
    void printsTheStackTraceWithCausesAfterTheLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, ZoneOffset.UTC, 10_000);
        IllegalStateException top = new IllegalStateException("card declined", new java.io.IOException("io"));
        sink.onEvent(event(Level.ERROR, "shop", "failed", top));
        sink.onEndOfBatch();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("2026-11-24 10:15:30,123 [ERROR] shop: failed\n"
                + "java.lang.IllegalStateException: card declined\n\tat ");
        assertThat(text).contains("Caused by: java.io.IOException: io").endsWith("\n");
    }

    @Test
    void doesNotCountSyntheticEvents() throws Exception {
        ConsoleSink sink = new ConsoleSink(new ByteArrayOutputStream(), ZoneOffset.UTC, 1000);
        LogEvent summary = event(Level.WARN, "dev.ringtail", "ringtail dropped 3 events", null);
        summary.synthetic(true);
        sink.onEvent(summary);
        sink.onEndOfBatch();
        assertThat(sink.counters().snapshot().delivered()).isZero();
    }

    @Test
    void stackTracesTerminateOnCyclicCauses() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        StringBuilder out = new StringBuilder();
        StackTraces.append(a, out, 100_000);
        assertThat(out.toString()).contains("CIRCULAR REFERENCE");
    }

    @Test
    void stackTracesSurviveAThrowableWhoseMethodsThrow() {
        Exception hostile = new Exception() {
            @Override
            public String toString() {
                throw new IllegalStateException("hostile");
            }
        };
        StringBuilder out = new StringBuilder();
        StackTraces.append(hostile, out, 100_000);
        assertThat(out.toString()).contains("[FAILED printStackTrace()");
    }

    @Test
    void stackTracesAreCutAtTheLimit() {
        Exception deep = new Exception("top");
        for (int i = 0; i < 200; i++) {
            deep = new Exception("level " + i, deep);
        }
        StringBuilder out = new StringBuilder();
        StackTraces.append(deep, out, 2_000);
        assertThat(out.length()).isLessThan(2_100);
        assertThat(out.toString()).contains("\u2026[truncated ");
    }
}
