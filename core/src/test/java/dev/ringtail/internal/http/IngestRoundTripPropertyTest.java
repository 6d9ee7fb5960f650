package dev.ringtail.internal.http;

import static dev.ringtail.testing.Gen.difference;
import static dev.ringtail.testing.Gen.expectedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.SinkStats;
import dev.ringtail.testing.Gen;
import dev.ringtail.testing.GeneratedEvent;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The serializer properties, end to end: generated hostile events go through a real pipeline
 * (translator on the producer thread, maxMessageChars in the slot), the BetterStack sink
 * (batching, gzip, HTTP) to the loopback {@code IngestServer}, which parses every body strictly.
 * Each event must arrive once, exactly as the wire-format model says.
 */
class IngestRoundTripPropertyTest {
    private static final int EVENTS = 150;
    private static final int MAX_MESSAGE_CHARS = 4096;
    /** Added last to every event, so it wins its key and tells the events apart whatever the batching. */
    private static final String SEQUENCE_KEY = "ringtail_test_seq";

    @Test
    void generatedEventsArriveOnceAndExactlyAsDocumented() throws Exception {
        try (SinkFixture fixture = SinkFixture.start(b -> b, p -> p.maxMessageChars(MAX_MESSAGE_CHARS))) {
            List<Long> seeds = new ArrayList<>();
            List<GeneratedEvent> sent = new ArrayList<>();
            Gen.tries("ingest", EVENTS).forEach(seed -> {
                GeneratedEvent event = GeneratedEvent.generate(new Gen(seed)).with(SEQUENCE_KEY, (long) sent.size());
                seeds.add(seed);
                sent.add(event);
                assertThat(fixture.pipeline.publish(event.level, event.loggerName, GeneratedEvent.TRANSLATOR, event,
                        null, null, null)).as("seed %d accepted", seed).isTrue();
            });

            assertThat(fixture.flush()).isTrue();
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> fixture.server.events().size() >= EVENTS);
            List<Map<String, Object>> received = fixture.server.events();
            assertThat(received).hasSize(EVENTS);

            Map<Long, Map<String, Object>> bySequence = new HashMap<>();
            for (Map<String, Object> json : received) {
                Object sequence = json.get(SEQUENCE_KEY);
                assertThat(sequence).as("every event carries its sequence").isInstanceOf(Number.class);
                assertThat(bySequence.put(((Number) sequence).longValue(), json)).as("sequence %s once", sequence).isNull();
            }
            String thread = expectedText(Thread.currentThread().getName());
            for (int i = 0; i < EVENTS; i++) {
                GeneratedEvent event = sent.get(i);
                Map<String, Object> json = bySequence.get((long) i);
                String context = "seed " + seeds.get(i) + " " + event;
                assertThat(json.get("level")).as(context).isEqualTo(event.level.wireName());
                same(context, "message", json.get("message"), event.expectedMessage(MAX_MESSAGE_CHARS));
                same(context, "logger_name", json.get("logger_name"), GeneratedEvent.expectedField(event.loggerName));
                same(context, "thread_name", json.get("thread_name"), thread);
                assertThat(json.get("markers")).as(context).isEqualTo(event.expectedMarkers());
                Map<String, Object> expected = event.expectedUserFields();
                for (Map.Entry<String, Object> field : json.entrySet()) {
                    if (GeneratedEvent.RESERVED.contains(field.getKey())) {
                        continue;
                    }
                    if (!expected.containsKey(field.getKey())
                            || !GeneratedEvent.sameValue(field.getValue(), expected.get(field.getKey()))) {
                        fail(context + ": field " + Gen.describe(field.getKey()) + " unexpected or wrong");
                    }
                }
                assertThat(json.keySet()).as(context).containsAll(expected.keySet());
            }
            SinkStats stats = fixture.stats();
            assertThat(stats.delivered()).isEqualTo(EVENTS);
            assertThat(stats.failed()).isZero();
            assertThat(fixture.stderr.lines()).isEmpty();
        }
    }

    private static void same(String context, String field, Object actual, String expected) {
        String difference = difference((String) actual, expected);
        if (difference != null) {
            fail(context + ": " + field + ": " + difference);
        }
    }
}
