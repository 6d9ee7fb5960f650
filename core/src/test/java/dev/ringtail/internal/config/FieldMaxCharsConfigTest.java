package dev.ringtail.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code ringtail.field.maxChars}: read like every key, and wired into the ring and the sinks. */
class FieldMaxCharsConfigTest {
    private static final EventTranslator<String, String, Void, Void> WITH_TEXT =
            (event, message, text, c, d) -> event.message(message).addKeyValue("text", text).addMarker(text);

    private final CapturedOutput err = new CapturedOutput();

    private RingtailConfig config(Map<String, String> props, Map<String, String> env) {
        return RingtailConfig.of(props, env, new Properties(), err.diagnostics());
    }

    private static String cut(String text, int kept) {
        return text.substring(0, kept) + "\u2026[truncated " + (text.length() - kept) + " chars]";
    }

    @Test
    void defaultsTo8192AndReadsPropertiesAndTheEnvironment() {
        assertThat(config(Map.of(), Map.of()).maxFieldChars()).isEqualTo(8192);
        assertThat(config(Map.of(RingtailConfig.FIELD_MAX_CHARS, "100"), Map.of()).maxFieldChars()).isEqualTo(100);
        assertThat(config(Map.of(), Map.of("RINGTAIL_FIELD_MAXCHARS", "16_777_216")).maxFieldChars())
                .isEqualTo(16 * 1024 * 1024);
        assertThat(err.lines()).isEmpty();
    }

    @Test
    void aBadValueGetsOneLineAndTheDefault() {
        for (String bad : new String[] {"63", "16777217", "lots", "-1"}) {
            CapturedOutput stderr = new CapturedOutput();
            RingtailConfig c = RingtailConfig.of(Map.of(RingtailConfig.FIELD_MAX_CHARS, bad), Map.of(), new Properties(),
                    stderr.diagnostics());
            assertThat(c.maxFieldChars()).isEqualTo(8192);
            assertThat(stderr.lines()).hasSize(1);
            assertThat(stderr.lines().get(0)).contains("ringtail.field.maxChars=" + bad).contains("64 to 16777216")
                    .contains("using the default 8192");
        }
    }

    @Test
    void theRingCutsWhatItCapturesAtTheConfiguredBound() {
        RingtailConfig c = config(Map.of(RingtailConfig.FIELD_MAX_CHARS, "100"), Map.of());
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Components.pipeline(c, err.diagnostics()).jmx(false).sink(sink).build().start();
        try {
            String text = "t".repeat(500);
            pipeline.publish(Level.INFO, "shop", WITH_TEXT, "m", text, null, null);
            assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(sink.events()).hasSize(1);
            assertThat(sink.events().get(0).textValue(0)).isEqualTo(cut(text, 100));
            assertThat(sink.events().get(0).marker(0)).isEqualTo(cut(text, 100));
        } finally {
            pipeline.shutdown(Duration.ofSeconds(10));
        }
    }

    @Test
    void theBetterStackSinkCutsWhatItWritesAtTheConfiguredBound() throws Exception {
        try (IngestServer server = IngestServer.start()) {
            RingtailConfig c = config(Map.of(RingtailConfig.FIELD_MAX_CHARS, "100", RingtailConfig.TOKEN, "tok-abcdefgh1234",
                    RingtailConfig.ENDPOINT, server.uri().toString(), RingtailConfig.BATCH_FLUSH_MILLIS, "20"), Map.of());
            BetterStackSink sink = Components.betterStack(c, err.diagnostics());
            Pipeline pipeline = Components.pipeline(c, err.diagnostics()).jmx(false).sink(sink).build().start();
            try {
                String logger = "l".repeat(300);
                Events.log(pipeline, Level.INFO, logger, "m");
                assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
                Waiting.atMost(Duration.ofSeconds(10)).until(() -> server.events().size() >= 1);
                assertThat(server.events().get(0).get("logger_name")).isEqualTo(cut(logger, 100));
            } finally {
                pipeline.shutdown(Duration.ofSeconds(10));
            }
        }
    }
}
