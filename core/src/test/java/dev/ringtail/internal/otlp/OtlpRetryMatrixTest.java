package dev.ringtail.internal.otlp;

import static dev.ringtail.testing.Events.names;
import static dev.ringtail.testing.IngestServer.Behaviour.noAnswer;
import static dev.ringtail.testing.IngestServer.Behaviour.reset;
import static dev.ringtail.testing.IngestServer.Behaviour.retryAfter;
import static dev.ringtail.testing.IngestServer.Behaviour.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.IngestServer.Request;
import dev.ringtail.testing.OtlpFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OTLP's retry rules (docs/contract.md) against a real receiver that answers on cue: 429, 502,
 * 503, 504, connection failures and timeouts retried; every other status not retried, counted
 * failed, one line; a partial success counts its rejected records failed and is not retried.
 */
class OtlpRetryMatrixTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"429, PROTOBUF", "502, PROTOBUF", "503, PROTOBUF", "504, PROTOBUF",
        "429, JSON", "502, JSON", "503, JSON", "504, JSON"})
    void aRetriedStatusIsResentUntilAcceptedAndEveryEventArrivesOnce(int status, OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.maxInFlight(1).flush(Duration.ofHours(1)))) {
            f.server.times(2, status(status));
            f.logMany(10, "retry");
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).extracting(Request::status).containsExactly(status, status, 200);
            assertThat(f.records()).extracting(r -> r.get("body")).containsExactlyElementsOf(names(10, "retry"));
            SinkStats stats = f.stats();
            assertThat(stats.delivered()).isEqualTo(10);
            assertThat(stats.failed()).isZero();
            assertThat(stats.retried()).isEqualTo(2);
            assertThat(f.stderr.text()).as("a retry is not a problem to report").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void status429WithRetryAfterWaitsAsLongAsTheEndpointAsks(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.maxBackoff(Duration.ofSeconds(5)))) {
            f.server.then(retryAfter(429, "1"));
            f.log(Level.INFO, "later");
            assertThat(f.flush()).isTrue();

            List<Request> requests = f.server.requests();
            assertThat(requests).extracting(Request::status).containsExactly(429, 200);
            long waitedMillis = (requests.get(1).receivedNanos() - requests.get(0).receivedNanos()) / 1_000_000;
            assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
            assertThat(f.stats().delivered()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void aResetConnectionATimeoutAndARefusedConnectionAreRetried(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.maxInFlight(1).timeout(Duration.ofMillis(500))
                .maxAttempts(100))) {
            f.server.then(reset(), noAnswer());
            f.log(Level.INFO, "through faults");
            assertThat(f.flush()).isTrue();
            assertThat(f.server.requests()).extracting(Request::status).containsExactly(0, 0, 200);

            f.server.down();
            f.log(Level.ERROR, "while down");
            dev.ringtail.testing.Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.stats().retried() >= 4);
            f.server.up();
            assertThat(f.flush()).isTrue();

            assertThat(f.records()).extracting(r -> r.get("body")).containsExactly("through faults", "while down");
            assertThat(f.stats().delivered()).isEqualTo(2);
            assertThat(f.stats().failed()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"400, PROTOBUF", "401, PROTOBUF", "500, PROTOBUF", "408, PROTOBUF", "413, PROTOBUF",
        "400, JSON", "401, JSON", "500, JSON"})
    void anyOtherStatusIsNotRetriedItsEventsAreCountedFailedAndOneLineSaysSo(int status, OtlpEncoding encoding)
            throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.flush(Duration.ofHours(1)))) {
            f.server.then(status(status, "bad request: field 6"));
            for (int i = 0; i < 6; i++) {
                f.log(i < 2 ? Level.ERROR : Level.INFO, "rejected-" + i);
            }
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).extracting(Request::status).containsExactly(status);
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isEqualTo(6);
            assertThat(stats.failed(Level.ERROR)).isEqualTo(2);
            assertThat(stats.failed(Level.INFO)).isEqualTo(4);
            assertThat(stats.delivered()).isZero();
            assertThat(stats.retried()).isZero();
            assertThat(f.stderr.lines()).hasSize(1);
            assertThat(f.stderr.text()).contains("otlp: HTTP " + status + ", 6 events not sent (not retried")
                    .contains("bad request: field 6");
            if (status == 401) {
                assertThat(f.stderr.text()).contains("check ringtail.otlp.token and ringtail.otlp.headers");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void aPartialSuccessCountsItsRejectedRecordsFailedAtTheMostSevereLevelsAndIsNotRetried(OtlpEncoding encoding)
            throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.flush(Duration.ofHours(1)))) {
            f.server.then(OtlpFormat.partialSuccess(4, "4 records had an attribute over the limit"));
            for (int i = 0; i < 10; i++) {
                f.log(i < 3 ? Level.ERROR : i < 5 ? Level.WARN : Level.INFO, "partial-" + i);
            }
            assertThat(f.flush()).isTrue();

            assertThat(f.server.requests()).extracting(Request::status).containsExactly(200);
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isEqualTo(4);
            assertThat(stats.failed(Level.ERROR)).isEqualTo(3);
            assertThat(stats.failed(Level.WARN)).isEqualTo(1);
            assertThat(stats.delivered()).isEqualTo(6);
            assertThat(stats.delivered(Level.WARN)).isEqualTo(1);
            assertThat(stats.delivered(Level.INFO)).isEqualTo(5);
            assertThat(stats.retried()).isZero();
            assertThat(f.stderr.lines()).hasSize(1);
            assertThat(f.stderr.text()).contains("rejected 4 of its 10 events (partial success, not retried")
                    .contains("4 records had an attribute over the limit");
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void aPartialSuccessRejectingNothingDeliversEverythingAndPrintsTheEndpointsWarning(OtlpEncoding encoding)
            throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.flush(Duration.ofHours(1)))) {
            f.server.then(OtlpFormat.partialSuccess(0, "severity_text will be ignored"), OtlpFormat.partialSuccess(99, "all"));
            f.logMany(3, "warned");
            assertThat(f.flush()).isTrue();
            f.logMany(2, "over-rejected");
            assertThat(f.flush()).isTrue();

            SinkStats stats = f.stats();
            assertThat(stats.delivered()).isEqualTo(3);
            assertThat(stats.failed()).as("a count past the request's events is capped at them").isEqualTo(2);
            assertThat(f.stderr.text()).contains("accepted every event and says: severity_text will be ignored");
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void manyBatchesThroughInterleavedFaultsArriveExactlyOnceInOrder(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.maxInFlight(1).maxEvents(50).maxAttempts(10)
                .timeout(Duration.ofMillis(500)))) {
            f.server.then(status(503), status(200), reset(), status(429), status(200), status(502), noAnswer(), status(504));
            f.logMany(500, "once");
            assertThat(f.flush()).isTrue();

            assertThat(f.records()).extracting(r -> r.get("body")).containsExactlyElementsOf(names(500, "once"));
            assertThat(f.server.problems()).isEmpty();
            SinkStats stats = f.stats();
            assertThat(stats.delivered()).isEqualTo(500);
            assertThat(stats.failed()).isZero();
            assertThat(stats.batches()).isEqualTo(10);
        }
    }
}
