package dev.ringtail.internal.http;

import static dev.ringtail.testing.Events.names;
import static dev.ringtail.testing.IngestServer.Behaviour.noAnswer;
import static dev.ringtail.testing.IngestServer.Behaviour.reset;
import static dev.ringtail.testing.IngestServer.Behaviour.retryAfter;
import static dev.ringtail.testing.IngestServer.Behaviour.slow;
import static dev.ringtail.testing.IngestServer.Behaviour.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.IngestServer.Request;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per fault of the HTTP behaviour (docs/contract.md), against a real server that misbehaves on cue. */
class FaultMatrixTest {

    @Test
    void fiveHundredThreeTimesThen202DeliversEverythingOnce() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(1).flush(Duration.ofHours(1)))) {
            f.server.times(3, status(500));
            f.logMany(10, "retry");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).extracting(Request::status).containsExactly(500, 500, 500, 202);
            assertThat(f.server.events()).extracting(e -> e.get("message"))
                    .containsExactlyElementsOf(names(10, "retry"));
            SinkStats stats = f.stats();
            assertThat(stats.delivered()).isEqualTo(10);
            assertThat(stats.failed()).isZero();
            assertThat(stats.retried()).isEqualTo(3);
            assertThat(stats.batches()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxBackoff(Duration.ofSeconds(5)))) {
            f.server.then(retryAfter(429, "1"));
            f.log(Level.INFO, "later");
            assertThat(f.flush()).isTrue();

            List<Request> requests = f.server.requests();
            assertThat(requests).extracting(Request::status).containsExactly(429, 202);
            long waitedMillis = (requests.get(1).receivedNanos() - requests.get(0).receivedNanos()) / 1_000_000;
            assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
            assertThat(f.stats().delivered()).isEqualTo(1);
            assertThat(f.stats().retried()).isEqualTo(1);
        }
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxBackoff(Duration.ofSeconds(5)))) {
            String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
            f.server.then(retryAfter(503, inThreeSeconds));
            f.log(Level.INFO, "later");
            assertThat(f.flush()).isTrue();

            List<Request> requests = f.server.requests();
            assertThat(requests).extracting(Request::status).containsExactly(503, 202);
            // the date has second precision, so it lies 2 to 3 s after now: the wait stays over one second
            // unless the first request took a second to arrive (with two, a request late in its second failed)
            long waitedMillis = (requests.get(1).receivedNanos() - requests.get(0).receivedNanos()) / 1_000_000;
            assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void status408IsRetriedLikeA5xx() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.server.then(status(408), status(503));
            f.log(Level.INFO, "x");
            assertThat(f.flush()).isTrue();
            assertThat(f.server.requests()).extracting(Request::status).containsExactly(408, 503, 202);
            assertThat(f.stats().delivered()).isEqualTo(1);
            assertThat(f.stats().retried()).isEqualTo(2);
        }
    }

    @Test
    void payloadTooLargeSplitsTheBatchAndDeliversTheHalves() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(1).flush(Duration.ofHours(1)))) {
            f.logMany(8, "part-" + "p".repeat(200));
            f.server.rejectBodiesOver(1600); // 8 events (~2.6 KB) are too big, 4 are not
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).extracting(Request::status).containsExactly(413, 202, 202);
            assertThat(f.server.events()).extracting(e -> e.get("message"))
                    .containsExactlyElementsOf(names(8, "part-" + "p".repeat(200)));
            assertThat(f.stats().delivered()).isEqualTo(8);
            assertThat(f.stats().batches()).isEqualTo(3);
        }
    }

    @Test
    void anEventTooLargeOnItsOwnIsDroppedAndCounted() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(1).flush(Duration.ofHours(1)))) {
            f.log(Level.INFO, "small-1");
            f.log(Level.ERROR, "huge " + "z".repeat(3000));
            f.log(Level.INFO, "small-2");
            f.server.rejectBodiesOver(1000);
            assertThat(f.flush()).isTrue();

            assertThat(f.server.events()).extracting(e -> e.get("message")).containsExactly("small-1", "small-2");
            assertThat(f.stats().failed(Level.ERROR)).isEqualTo(1);
            assertThat(f.stats().delivered()).isEqualTo(2);
            assertThat(f.stderr.text()).contains("413");
        }
    }

    @Test
    void aConnectionResetMidRequestIsRetriedAndDelivered() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.server.then(reset());
            f.logMany(5, "reset");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.events()).hasSize(5);
            assertThat(f.stats().delivered()).isEqualTo(5);
            assertThat(f.stats().retried()).isGreaterThanOrEqualTo(1);
            assertThat(f.stats().failed()).isZero();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutRetriesThenFails() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.timeout(Duration.ofMillis(300)).maxAttempts(3))) {
            f.server.otherwise(noAnswer());
            f.logMany(4, "lost");
            assertThat(f.flush()).isTrue(); // flush waits for the outcome: failed is an outcome

            assertThat(f.server.requests()).hasSize(3);
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isEqualTo(4);
            assertThat(stats.delivered()).isZero();
            assertThat(stats.retried()).isEqualTo(2);
            assertThat(f.stderr.text()).contains("gave up on 4 events after 3 attempts").contains("timeout");
        }
    }

    @Test
    void aSlowServerWithinTheTimeoutIsFine() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.timeout(Duration.ofSeconds(2)))) {
            f.server.then(slow(Duration.ofMillis(500)));
            f.log(Level.INFO, "slowly");
            assertThat(f.flush()).isTrue();
            assertThat(f.stats().delivered()).isEqualTo(1);
            assertThat(f.stats().retried()).isZero();
        }
    }

    @Test
    void forbiddenGivesOneLineWithoutTheTokenAndNoRetries() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(2))) {
            f.server.otherwise(status(403, "Unauthorized"));
            f.logMany(6, "denied");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).hasSize(3); // one per batch, no retry storm
            assertThat(f.stats().failed()).isEqualTo(6);
            assertThat(f.stats().retried()).isZero();
            assertThat(f.stderr.lines()).hasSize(1);
            assertThat(f.stderr.text()).contains("token rejected").contains("403").doesNotContain(SinkFixture.TOKEN);
        }
    }

    @Test
    void unauthorizedIsTreatedLikeForbidden() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.server.otherwise(status(401));
            f.log(Level.WARN, "denied");
            assertThat(f.flush()).isTrue();
            assertThat(f.stats().failed(Level.WARN)).isEqualTo(1);
            assertThat(f.stderr.text()).contains("token rejected").doesNotContain(SinkFixture.TOKEN);
        }
    }

    @Test
    void quotaExceededGivesOneLineAndNoRetries() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(2))) {
            f.server.otherwise(status(402, "Payment Required"));
            f.logMany(6, "over");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).hasSize(3);
            assertThat(f.stats().failed()).isEqualTo(6);
            assertThat(f.stats().retried()).isZero();
            assertThat(f.stderr.lines()).hasSize(1);
            assertThat(f.stderr.text()).contains("quota exceeded").doesNotContain(SinkFixture.TOKEN);
        }
    }

    @Test
    void notAcceptableIsNotRetriedAndShowsTheStartOfTheBody() throws Exception {
        String body = "unparsable JSON: " + "b".repeat(183) + "THE-REST-IS-NOT-SHOWN";
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.server.then(status(406, body));
            f.log(Level.INFO, "x");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).hasSize(1);
            assertThat(f.stats().failed()).isEqualTo(1);
            assertThat(f.stderr.text()).contains("406").contains(body.substring(0, 200)).doesNotContain("THE-REST");
        }
    }

    @Test
    void anErrorBodyThatEchoesTheAuthorizationHeaderShowsNoTokenOnStderr() throws Exception {
        // The echoed header starts 10 chars before the 200-char cut: not even a prefix may show.
        String before = "e".repeat(190 - "Authorization: Bearer ".length());
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.server.then(IngestServer.Behaviour.echoingAuthorization(406, before));
            f.log(Level.INFO, "x");
            assertThat(f.flush()).isTrue();

            assertThat(f.stats().failed()).isEqualTo(1);
            assertThat(f.stderr.text()).contains("406").contains(before + "Authorization: Bearer [token hidden]")
                    .doesNotContain(SinkFixture.TOKEN.substring(0, 6));
        }
    }

    @Test
    void hidingTheTokenKeepsTheFirstCharsAndHidesEveryOccurrenceStartingInThem() {
        assertThat(ClassicTransport.withoutSecret("no secret here", "s3cr3t", 200)).isEqualTo("no secret here");
        assertThat(ClassicTransport.withoutSecret("a s3cr3t b s3cr3t", "s3cr3t", 200))
                .isEqualTo("a [token hidden] b [token hidden]");
        assertThat(ClassicTransport.withoutSecret("abcds3cr3t", "s3cr3t", 6)).isEqualTo("abcd[token hidden]");
        assertThat(ClassicTransport.withoutSecret("abcdefs3cr3t", "s3cr3t", 6)).isEqualTo("abcdef");
        assertThat(ClassicTransport.withoutSecret("x".repeat(300), "s3cr3t", 200)).hasSize(200);
    }

    @Test
    void otherClientErrorsAreNotRetried() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.server.then(status(400, "bad request"));
            f.log(Level.INFO, "x");
            assertThat(f.flush()).isTrue();
            assertThat(f.server.requests()).hasSize(1);
            assertThat(f.stats().failed()).isEqualTo(1);
            assertThat(f.stats().retried()).isZero();
        }
    }

    @Test
    void closeAtItsDeadlineCountsWhatIsStillUndeliveredAsFailed() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.timeout(Duration.ofSeconds(30)))) {
            f.server.otherwise(noAnswer());
            f.logMany(5, "stuck");
            Waiting.atMost(Duration.ofSeconds(5)).until(() -> f.server.requests().size() >= 1);

            long start = System.nanoTime();
            f.pipeline.shutdown(Duration.ofMillis(500));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(tookMillis).isLessThan(3000);
            assertThat(f.stats().failed()).isEqualTo(5);
            assertThat(f.stats().delivered()).isZero();
            assertThat(f.stderr.text()).contains("5 events undelivered");
        }
    }
}
