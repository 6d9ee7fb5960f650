package dev.ringtail.internal.http;

import static dev.ringtail.testing.Gen.expectedText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hostile message cannot break the JSON framing or forge another event: text built to close
 * the event object, open a new one with {@code "level":"error"}, end the array, or smuggle NUL,
 * line breaks and script tags, in the message, MDC keys and values, and key-value keys and
 * values, arrives as exactly one event per log call with the text intact where it was put.
 */
class HostileInputFramingTest {
    static final List<String> HOSTILE = List.of(
        "\"}, {\"dt\":\"2026-01-01T00:00:00.000000Z\",\"level\":\"error\",\"message\":\"forged\"}",
        "\"}]", "]", "}", "\"", "\\", "\\\"}", "\",\"level\":\"error\",\"x\":\"",
        "ok\u0000\"level\":\"error\"", "line one\n{\"dt\":\"x\",\"message\":\"forged\"}\r\n", "\u2028\u2029\u0085",
        "</script><script>alert(1)</script>", "]}[{\"message\":\"forged\"}]", "\u001f\u008b\b\u0000",
        "\uD800\"}, {\"message\":\"forged\"}", "\\u0022}, {\\u0022message\\u0022:\\u0022forged\\u0022}",
        "{}", "\\{}", "%s%n%d");

    /** The hostile text as the message, an MDC key and value, a key-value key and value, and colliding with reserved names. */
    private static final EventTranslator<String, Void, Void, Void> HOSTILE_EVERYWHERE = (event, text, b, c, d) -> {
        Map<String, String> mdc = new HashMap<>();
        mdc.put(text, "mdc:" + text);
        mdc.put("level", text);
        event.message(text).mdc(mdc).addKeyValue("message", text).addKeyValue("dt", text).addKeyValue(text, "kv:" + text);
    };

    /** The hostile text as a formatting argument. */
    private static final EventTranslator<String, Void, Void, Void> HOSTILE_ARGUMENT =
            (event, text, b, c, d) -> event.format("user said {} and left", text);

    @Test
    void eachHostileLogCallArrivesAsExactlyOneEventWithItsTextIntact() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(1))) { // one sender: events arrive in order
            for (String text : HOSTILE) {
                assertThat(f.pipeline.publish(Level.INFO, "shop.checkout", HOSTILE_EVERYWHERE, text, null, null, null))
                        .isTrue();
                assertThat(f.pipeline.publish(Level.INFO, "shop.checkout", HOSTILE_ARGUMENT, text, null, null, null))
                        .isTrue();
            }
            assertThat(f.flush()).isTrue();
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.server.events().size() >= 2 * HOSTILE.size());

            List<Map<String, Object>> events = f.server.events();
            assertThat(events).as("one event per log call, none forged").hasSize(2 * HOSTILE.size());
            for (int i = 0; i < HOSTILE.size(); i++) {
                String text = HOSTILE.get(i);
                String expected = expectedText(text);
                Map<String, Object> everywhere = events.get(2 * i);
                assertThat(everywhere).as(text).containsEntry("message", expected).containsEntry("level", "info")
                        .containsEntry("logger_name", "shop.checkout")
                        .containsEntry("_message", expected).containsEntry("_dt", expected)
                        .containsEntry("_level", expected).containsEntry(expected, "kv:" + expected);
                assertThat(everywhere.get("dt")).as(text).asString().matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]{15}Z");
                assertThat(everywhere).as(text).hasSize(9);

                Map<String, Object> argument = events.get(2 * i + 1);
                assertThat(argument).as(text).containsEntry("message", "user said " + expected + " and left")
                        .containsEntry("level", "info").hasSize(5);
            }
            for (IngestServer.Request request : f.server.requests()) {
                String body = new String(request.decoded(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(body).as("framing stays intact on the wire").startsWith("[{\"dt\":").endsWith("}]");
            }
            assertThat(f.stats().delivered()).isEqualTo(2 * HOSTILE.size());
        }
    }
}
