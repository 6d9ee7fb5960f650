package dev.ringtail.internal.http;

import static dev.ringtail.testing.IngestServer.Behaviour.trickling;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.IngestServer.Request;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One overall deadline per request ({@code ringtail.http.timeoutMillis}), body included, against
 * a server whose response body never ends: a byte every 50 ms, so no socket timeout ever trips.
 */
@Timeout(60)
class RequestDeadlineTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void a2xxWhoseBodyNeverEndsIsDeliveredAndFreesItsSenderAtTheDeadline() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.timeout(TIMEOUT).maxEvents(10).maxInFlight(2))) {
            f.server.otherwise(trickling(202));
            f.logMany(50, "acked");

            long started = System.nanoTime();
            assertThat(f.pipeline.flush(Duration.ofSeconds(8))).as("every batch settles").isTrue();
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            SinkStats stats = f.stats();
            assertThat(stats.delivered()).as("the server acknowledged them all").isEqualTo(50);
            assertThat(stats.failed()).isZero();
            assertThat(stats.retried()).as("an acknowledged batch is never sent twice").isZero();
            assertThat(f.server.requests()).hasSize(5).extracting(Request::status).containsOnly(202);
            // 5 batches on 2 senders, each held for about one deadline
            assertThat(tookMillis).isLessThan(6_000);
            assertThat(f.pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
            assertThat(f.stderr.text()).doesNotContain("failed").doesNotContain("undelivered");
        }
    }

    @Test
    void a5xxWhoseBodyNeverEndsIsATimeoutAndRetried() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.timeout(TIMEOUT).maxInFlight(1).maxAttempts(3))) {
            f.server.otherwise(trickling(503));
            f.log(Level.ERROR, "never acknowledged");

            assertThat(f.pipeline.flush(Duration.ofSeconds(8))).as("given up within three deadlines").isTrue();

            SinkStats stats = f.stats();
            assertThat(f.server.requests()).extracting(Request::status).containsExactly(503, 503, 503);
            assertThat(stats.retried()).isEqualTo(2);
            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.delivered()).isZero();
            assertThat(f.stderr.text()).contains("gave up on 1 events after 3 attempts, last: timeout: "
                    + "no complete answer within 500 ms (ringtail.http.timeoutMillis)");
        }
    }

    @Test
    void a5xxWhoseBodyNeverEndsThenA202IsDeliveredOnce() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.timeout(TIMEOUT).maxInFlight(1))) {
            f.server.then(trickling(503));
            f.logMany(3, "second try");

            assertThat(f.pipeline.flush(Duration.ofSeconds(8))).isTrue();

            assertThat(f.server.requests()).extracting(Request::status).containsExactly(503, 202);
            assertThat(f.server.events()).hasSize(3);
            assertThat(f.stats().delivered()).isEqualTo(3);
            assertThat(f.stats().retried()).isEqualTo(1);
        }
    }
}
