package dev.ringtail.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.json.JsonLineFormat;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.Json;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code ringtail.console.format=json}: one wire-format JSON object per console line, exactly the
 * bytes BetterStack would receive for the event, for node agents that tail stdout.
 */
class ConsoleJsonLinesTest {
    private static final long AT = 1_795_515_330L;

    @Test
    void eachEventIsOneLineHoldingItsWireFormatObject() throws Exception {
        List<String> lines;
        try (CapturedOutput stdout = CapturedOutput.systemOut()) {
            CapturedOutput stderr = new CapturedOutput();
            RingtailConfig config = RingtailConfig.of(Map.of(RingtailConfig.CONSOLE_FORMAT, "json"), Map.of(),
                    new Properties(), stderr.diagnostics());
            ConsoleSink console = Components.console(config, stderr.diagnostics());
            Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics()).sink(console).build().start();
            Events.log(pipeline, Level.WARN, "shop.checkout", e -> e.timestamp(AT, 123_456_789).threadName("http-exec-3")
                    .format("Payment failed\nfor order {}", 42).addKeyValue("order_id", 42).addKeyValue("retry", true)
                    .addKeyValue("amount", new BigDecimal("12.50")).addMarker("AUDIT").mdc(Map.of("request_id", "c0ffee"))
                    .throwable(new IllegalStateException("card declined")));
            Events.log(pipeline, Level.INFO, "shop", e -> e.message("caf\u00e9 \uD83D\uDE00 \u0007"));
            assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
            assertThat(stderr.text()).isEmpty();
            lines = stdout.lines();
        }

        assertThat(lines).as("one line per event, a newline in the message included").hasSize(2);
        Map<String, Object> warning = Json.object(lines.get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(warning).containsEntry("dt", "2026-11-24T10:15:30.123456Z").containsEntry("level", "warning")
                .containsEntry("message", "Payment failed\nfor order 42").containsEntry("logger_name", "shop.checkout")
                .containsEntry("thread_name", "http-exec-3").containsEntry("markers", List.of("AUDIT"))
                .containsEntry("order_id", 42).containsEntry("retry", true).containsEntry("amount", new BigDecimal("12.50"))
                .containsEntry("request_id", "c0ffee");
        @SuppressWarnings("unchecked")
        Map<String, Object> exception = (Map<String, Object>) warning.get("exception");
        assertThat(exception).containsEntry("class", "java.lang.IllegalStateException").containsEntry("message", "card declined");
        assertThat((String) exception.get("stacktrace")).startsWith("java.lang.IllegalStateException: card declined\n\tat ");
        assertThat(Json.object(lines.get(1).getBytes(StandardCharsets.UTF_8)))
                .containsEntry("level", "info").containsEntry("message", "caf\u00e9 \uD83D\uDE00 \u0007");
    }

    @Test
    void theLineIsTheSerializersOwnBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(out, new JsonLineFormat(32_768, 8192),
                new CapturedOutput().diagnostics());
        LogEvent event = LogEvent.standalone(1000, Level.ERROR, "shop", "main", AT, 5).message("\u00fcber \uD83D\uDE00")
                .addKeyValue("nan", Double.NaN);
        sink.onEvent(event);
        sink.onEndOfBatch();

        byte[] expected = new EventSerializer(32_768, 8192).serialize(event).toByteArray();
        assertThat(out.toByteArray()).isEqualTo((new String(expected, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(sink.counters().snapshot().delivered()).isEqualTo(1);
    }

    @Test
    void aBadFormatGetsOneLineAndTheTextDefault() {
        CapturedOutput stderr = new CapturedOutput();
        RingtailConfig config = RingtailConfig.of(Map.of(RingtailConfig.CONSOLE_FORMAT, "xml"), Map.of(), new Properties(),
                stderr.diagnostics());
        assertThat(config.consoleJson()).isFalse();
        assertThat(stderr.lines()).containsExactly(
                "ringtail: ignoring ringtail.console.format=xml (expected one of text, json); using the default text");
        assertThat(RingtailConfig.of(Map.of(), Map.of("RINGTAIL_CONSOLE_FORMAT", "JSON"), new Properties(),
                stderr.diagnostics()).consoleJson()).isTrue();
    }
}
