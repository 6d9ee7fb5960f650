package dev.ringtail.internal.http;

import static dev.ringtail.testing.Events.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.IngestServer.Request;
import dev.ringtail.testing.TestEvents;
import dev.ringtail.testing.Waiting;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BetterStackSinkTest {

    @Test
    void postsAGzippedJsonArrayWithTheRightHeaders() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.flush(Duration.ofHours(1)))) {
            f.pipeline.publish(Level.WARN, "shop.checkout", SinkFixture.WITH_KV, "Payment failed", "order_id", 42, null);
            f.log(Level.INFO, "second");
            f.log(Level.ERROR, "third");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).hasSize(1);
            Request request = f.server.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/ingest");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + SinkFixture.TOKEN);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(request.body()[0]).isEqualTo((byte) 0x1f);
            List<Map<String, Object>> events = request.events();
            assertThat(events).hasSize(3);
            Map<String, Object> first = events.get(0);
            assertThat(first.keySet()).containsExactly("dt", "level", "message", "logger_name", "thread_name", "order_id");
            assertThat(first).containsEntry("level", "warning").containsEntry("message", "Payment failed")
                    .containsEntry("logger_name", "shop.checkout").containsEntry("order_id", 42)
                    .containsEntry("thread_name", Thread.currentThread().getName());
            assertThat((String) first.get("dt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(events).extracting(e -> e.get("message")).containsExactly("Payment failed", "second", "third");

            SinkStats stats = f.stats();
            assertThat(stats.delivered()).isEqualTo(3);
            assertThat(stats.delivered(Level.WARN)).isEqualTo(1);
            assertThat(stats.delivered(Level.ERROR)).isEqualTo(1);
            assertThat(stats.failed()).isZero();
            assertThat(stats.batches()).isEqualTo(1);
            assertThat(stats.bytes()).isEqualTo(request.body().length);
            assertThat(stats.rawBytes()).isEqualTo(request.decoded().length);
        }
    }

    @Test
    void sendsPlainJsonWhenGzipIsOff() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.gzip(false))) {
            f.log(Level.INFO, "plain");
            assertThat(f.flush()).isTrue();
            Request request = f.server.requests().get(0);
            assertThat(request.header("Content-Encoding")).isNull();
            assertThat(request.events()).extracting(e -> e.get("message")).containsExactly("plain");
            assertThat(f.stats().bytes()).isEqualTo(f.stats().rawBytes());
        }
    }

    @Test
    void theGzipLevelTradesBodySizeForSpeedAndBothDecodeToTheSameEvents() throws Exception {
        long[] wireBytes = new long[2];
        List<List<String>> messages = new ArrayList<>();
        int[] levels = {1, 9};
        for (int i = 0; i < levels.length; i++) {
            int level = levels[i];
            try (SinkFixture f = SinkFixture.start(b -> b.gzipLevel(level))) {
                for (int n = 0; n < 500; n++) {
                    f.log(Level.INFO, "order " + (n * 7919 % 100_003) + " paid by customer " + (n * 104_729 % 9_973));
                }
                assertThat(f.flush()).isTrue();
                wireBytes[i] = f.stats().bytes();
                messages.add(f.server.requests().stream().flatMap(r -> r.events().stream())
                        .map(e -> (String) e.get("message")).toList());
            }
        }
        assertThat(messages.get(1)).hasSize(500).isEqualTo(messages.get(0));
        assertThat(wireBytes[1]).as("level 9 against level 1").isLessThan(wireBytes[0]);
    }

    @Test
    void aGzipLevelOutsideOneToNineIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> BetterStackSink.builder().gzipLevel(0)).hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> BetterStackSink.builder().gzipLevel(10)).hasMessageContaining("1 to 9");
    }

    @Test
    void batchesHoldAtMostMaxEvents() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).flush(Duration.ofHours(1)))) {
            f.logMany(35, "e");
            assertThat(f.flush()).isTrue();
            // two senders: batches may arrive in either order
            assertThat(f.server.requests()).extracting(r -> r.events().size()).containsExactlyInAnyOrder(10, 10, 10, 5);
            assertThat(f.server.events()).extracting(e -> e.get("message"))
                    .containsExactlyInAnyOrderElementsOf(names(35, "e"));
        }
    }

    @Test
    void batchesStayUnderMaxBytesExceptForOneOversizedEvent() throws Exception {
        int maxBytes = 2048;
        try (SinkFixture f = SinkFixture.start(b -> b.maxBytes(maxBytes).flush(Duration.ofHours(1)))) {
            for (int i = 0; i < 40; i++) {
                f.log(Level.INFO, "event " + i + " " + "x".repeat(100));
            }
            f.log(Level.INFO, "big " + "y".repeat(5000));
            f.log(Level.INFO, "after");
            assertThat(f.flush()).isTrue();

            List<Request> requests = f.server.requests();
            for (Request r : requests) {
                if (r.events().size() > 1) {
                    assertThat(r.decoded().length).isLessThanOrEqualTo(maxBytes);
                }
            }
            assertThat(requests).anySatisfy(r -> {
                assertThat(r.events()).hasSize(1);
                assertThat((String) r.events().get(0).get("message")).startsWith("big ");
                assertThat(r.decoded().length).isGreaterThan(maxBytes);
            });
            assertThat(f.server.events()).hasSize(42);
            assertThat(f.stats().delivered()).isEqualTo(42);
            // batches are filled: only the one cut short by the big event and the last may be small
            assertThat(requests).filteredOn(r -> r.decoded().length < maxBytes / 2).hasSizeLessThanOrEqualTo(2);
        }
    }

    /**
     * The worst case by design: the pipeline has been idle long enough for its consumer to poll at
     * the slow interval, so the event waits for the next poll, and its batch for the idle tick
     * after its flush time. Both are 25 ms with the defaults.
     */
    @Test
    void aLoneEventAfterAnIdleSpellArrivesWithinFlushMillisPlus100() throws Exception {
        long flushMillis = 310; // not a multiple of a coarser tick, which would hold the batch back
        try (SinkFixture f = SinkFixture.start(b -> b.flush(Duration.ofMillis(flushMillis)),
                p -> p.idleTimeout(PipelineBuilder.DEFAULT_IDLE_TIMEOUT))) { // the fixture's own tick is faster
            // warm up first: the HTTP client is built, and its classes loaded, with the first batch,
            // which is then delivered: the sink holds nothing when the lone event comes
            f.log(Level.INFO, "warm-up");
            Waiting.atMost(Duration.ofSeconds(5)).until(() -> f.stats().delivered() == 1);
            Thread.sleep(400); // the idle spell is the condition under test: past the consumer's 200 ms of fast polls

            long start = System.nanoTime();
            f.log(Level.INFO, "alone");
            Waiting.atMost(Duration.ofSeconds(5)).until(() -> f.server.requests(202).size() == 2);
            long millis = (f.server.requests().get(1).receivedNanos() - start) / 1_000_000;
            assertThat(millis).isBetween(flushMillis - 20, flushMillis + 100);
            assertThat(f.server.events()).extracting(e -> e.get("message")).containsExactly("warm-up", "alone");
        }
    }

    @Test
    void startsItsHttpClientBeforeTheFirstEventSoTheFirstBatchDoesNotStall() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            Waiting.atMost(Duration.ofSeconds(5)).until(f.sink::started);
            assertThat(f.sink.started()).as("client built at start, nothing logged yet").isTrue();
            assertThat(f.server.requests()).isEmpty();
        }
    }

    @Test
    void messagesOverMaxCharsArriveTruncatedWithTheMarker() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b, p -> p.maxMessageChars(100))) {
            f.log(Level.INFO, "m".repeat(250));
            assertThat(f.flush()).isTrue();
            assertThat(f.server.events().get(0).get("message"))
                    .isEqualTo("m".repeat(100) + "\u2026[truncated 150 chars]");
        }
    }

    @Test
    void shutdownDeliversWhatIsStillBatched() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.flush(Duration.ofHours(1)))) {
            f.logMany(7, "pending");
            assertThat(f.pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
            assertThat(f.server.events()).hasSize(7);
            assertThat(f.stats().delivered()).isEqualTo(7);
        }
    }

    @Test
    void syntheticEventsAreSentButNotCounted() throws Exception {
        try (IngestServer server = IngestServer.start()) {
            BetterStackSink sink = BetterStackSink.builder().endpoint(server.uri()).token(SinkFixture.TOKEN)
                    .diagnostics(new CapturedOutput().diagnostics()).build();
            LogEvent summary = TestEvents.event(Level.WARN, "ringtail dropped 5 events");
            summary.synthetic(true);
            sink.onEvent(summary);
            sink.onEvent(TestEvents.event(Level.INFO, "real"));
            assertThat(sink.flush(System.nanoTime() + 5_000_000_000L)).isTrue();
            sink.close(System.nanoTime() + 1_000_000_000L);

            assertThat(server.events()).extracting(e -> e.get("message")).containsExactly("ringtail dropped 5 events", "real");
            assertThat(sink.counters().snapshot().delivered()).isEqualTo(1);
        }
    }

    @Test
    void anEventThatCannotBeSerializedIsCountedFailedAndTheSinkGoesOn() throws Exception {
        Map<String, String> unreadable = TestEvents.unreadableMdc();
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.pipeline.publish(Level.ERROR, "x", (e, a, b, c, d) -> e.message("broken").mdc(unreadable), null, null, null, null);
            f.log(Level.INFO, "fine");
            assertThat(f.flush()).isTrue();
            assertThat(f.server.events()).extracting(e -> e.get("message")).containsExactly("fine");
            assertThat(f.stats().failed(Level.ERROR)).isEqualTo(1);
            assertThat(f.stats().delivered()).isEqualTo(1);
            assertThat(f.stderr.text()).contains("could not serialize").contains("IllegalStateException");
        }
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefusedOnce() throws Exception {
        CapturedOutput stderr = new CapturedOutput();
        BetterStackSink sink = BetterStackSink.builder().endpoint(URI.create("http://logs.example.com/"))
                .token(SinkFixture.TOKEN).diagnostics(stderr.diagnostics()).build();
        for (int i = 0; i < 3; i++) {
            sink.onEvent(TestEvents.event(Level.INFO, "x"));
        }
        assertThat(sink.flush(System.nanoTime() + 1_000_000_000L)).isTrue();
        sink.close(System.nanoTime());
        assertThat(stderr.lines()).hasSize(1);
        assertThat(stderr.text()).contains("refusing").contains("plain http").contains("logs.example.com")
                .doesNotContain(SinkFixture.TOKEN);
        assertThat(sink.counters().snapshot().failed()).isEqualTo(3);
        assertThat(sink.counters().snapshot().batches()).isZero();
    }

    @Test
    void plainHttpIsAllowedOnlyToLoopback() {
        assertThat(Endpoints.refusal(URI.create("http://127.0.0.1:8080/"))).isNull();
        assertThat(Endpoints.refusal(URI.create("http://localhost/"))).isNull();
        assertThat(Endpoints.refusal(URI.create("http://[::1]:9/"))).isNull();
        assertThat(Endpoints.refusal(URI.create("http://127.8.9.10/"))).isNull();
        assertThat(Endpoints.refusal(URI.create("https://in.logs.betterstack.com"))).isNull();
        assertThat(Endpoints.refusal(URI.create("http://in.logs.betterstack.com"))).contains("refusing");
        assertThat(Endpoints.refusal(URI.create("http://10.0.0.1/"))).contains("refusing");
        assertThat(Endpoints.refusal(URI.create("http://localhost.evil.com/"))).contains("refusing");
        assertThat(Endpoints.refusal(URI.create("ftp://localhost/"))).isNotNull();
    }

    @Test
    void theTokenNeverAppearsInToStringOrConfigText() throws Exception {
        Properties none = new Properties();
        RingtailConfig config = RingtailConfig.of(Map.of(RingtailConfig.TOKEN, SinkFixture.TOKEN,
                RingtailConfig.ENDPOINT, "https://s1234.eu-nbg-2.betterstackdata.com"), Map.of(), none,
                new CapturedOutput().diagnostics());
        BetterStackSink sink = Components.betterStack(config, new CapturedOutput().diagnostics());
        assertThat(sink.toString()).doesNotContain(SinkFixture.TOKEN).contains("betterstackdata.com");
        assertThat(BetterStackSink.builder().token(SinkFixture.TOKEN).toString()).doesNotContain(SinkFixture.TOKEN);
        assertThat(sink.counters().toString()).doesNotContain(SinkFixture.TOKEN);
        sink.close(System.nanoTime());
    }

    @Test
    void withoutATokenNothingIsSentAndEventsAreCountedFailed() throws Exception {
        CapturedOutput stderr = new CapturedOutput();
        BetterStackSink sink = BetterStackSink.builder().endpoint(URI.create("http://127.0.0.1:9/"))
                .diagnostics(stderr.diagnostics()).build();
        sink.onEvent(TestEvents.event(Level.WARN, "x"));
        assertThat(sink.counters().snapshot().failed(Level.WARN)).isEqualTo(1);
        assertThat(stderr.text()).contains("no source token");
        sink.close(System.nanoTime());
    }
}
