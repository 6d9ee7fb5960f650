package dev.ringtail.slf4j;

import static dev.ringtail.testing.Events.names;
import static dev.ringtail.testing.IngestServer.Behaviour.noAnswer;
import static dev.ringtail.testing.IngestServer.Behaviour.reset;
import static dev.ringtail.testing.IngestServer.Behaviour.retryAfter;
import static dev.ringtail.testing.IngestServer.Behaviour.slow;
import static dev.ringtail.testing.IngestServer.Behaviour.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.IngestServer.Request;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * The HTTP fault matrix (docs/contract.md), end to end: an application logging through SLF4J, ringtail
 * configured through system properties, a loopback receiver misbehaving on cue. Each test ends
 * with guarantee 2 checked on the counters the application can read ({@link Ringtail#stats()}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EndToEndFaultsTest {
    /** Batches go out only when flushed: each test decides what a request holds. */
    private static final String[] ON_FLUSH_ONLY = {RingtailConfig.BATCH_FLUSH_MILLIS, "600000"};

    @RegisterExtension
    final FreshSlf4jExtension fresh = new FreshSlf4jExtension();

    @Test
    void fiveHundredThreeTimesThen202DeliversEveryEventOnce() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver, ON_FLUSH_ONLY)) {
            receiver.then(status(500), status(500), status(500));
            log(slf4j, 10, "retried");
            assertThat(Ringtail.flush()).isTrue();

            assertThat(receiver.requests()).extracting(Request::status).containsExactly(500, 500, 500, 202);
            assertThat(messages(receiver)).containsExactlyElementsOf(names(10, "retried"));
            assertThat(slf4j.betterstack().delivered()).isEqualTo(10);
            assertThat(slf4j.betterstack().retried()).isEqualTo(3);
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void status429WithRetryAfterOneSecondWaitsAtLeastOneSecond() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver, RingtailConfig.BATCH_FLUSH_MILLIS, "600000",
                     RingtailConfig.RETRY_MAX_BACKOFF_MILLIS, "5000")) {
            receiver.then(retryAfter(429, "1"));
            log(slf4j, 1, "later");
            assertThat(Ringtail.flush()).isTrue();

            List<Request> requests = receiver.requests();
            assertThat(requests).extracting(Request::status).containsExactly(429, 202);
            assertThat(requests.get(1).receivedNanos() - requests.get(0).receivedNanos())
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
            assertThat(messages(receiver)).containsExactly("later-0");
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void payloadTooLargeIsSplitAndBothHalvesDelivered() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver, ON_FLUSH_ONLY)) {
            String padded = "part-" + "p".repeat(300);
            log(slf4j, 8, padded);
            receiver.rejectBodiesOver(2400); // 8 events (~3.2 KB) are too big, 4 (~1.6 KB) are not
            assertThat(Ringtail.flush()).isTrue();

            assertThat(receiver.requests()).extracting(Request::status).containsExactly(413, 202, 202);
            assertThat(receiver.bodies()).extracting(List::size).containsExactly(4, 4);
            assertThat(messages(receiver)).containsExactlyElementsOf(names(8, padded));
            assertThat(slf4j.betterstack().delivered()).isEqualTo(8);
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void connectionDroppedMidRequestIsRetriedAndDelivered() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver, ON_FLUSH_ONLY)) {
            receiver.then(reset());
            log(slf4j, 5, "reset");
            assertThat(Ringtail.flush()).isTrue();

            assertThat(receiver.requests()).extracting(Request::status).containsExactly(0, 202);
            assertThat(messages(receiver)).containsExactlyElementsOf(names(5, "reset"));
            assertThat(slf4j.betterstack().retried()).isEqualTo(1);
            assertThat(slf4j.betterstack().failed()).isZero();
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void endpointThatNeverAnswersIsGivenUpOnAfterMaxAttempts() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN).otherwise(noAnswer());
             LiveSlf4j slf4j = fresh.shippingTo(receiver, RingtailConfig.BATCH_FLUSH_MILLIS, "600000",
                     RingtailConfig.HTTP_TIMEOUT_MILLIS, "300", RingtailConfig.RETRY_MAX_ATTEMPTS, "3")) {
            log(slf4j, 4, "lost");
            assertThat(Ringtail.flush()).as("failing is an outcome: flush waits for it").isTrue();

            assertThat(receiver.requests()).hasSize(3);
            assertThat(slf4j.betterstack().failed()).isEqualTo(4);
            assertThat(slf4j.betterstack().delivered()).isZero();
            assertThat(slf4j.console().delivered()).as("the console is unaffected").isEqualTo(4);
            assertThat(slf4j.ringtailLines()).anyMatch(l -> l.contains("gave up on 4 events after 3 attempts"));
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void tokenRejectedIsOneStderrLineWithoutTheTokenAndCountedFailed() throws Exception {
        notRetriedAndSaidOnce(403, "betterstack: token rejected (HTTP 403)");
    }

    @Test
    void quotaExceededIsOneStderrLineAndCountedFailed() throws Exception {
        notRetriedAndSaidOnce(402, "betterstack: quota exceeded (HTTP 402)");
    }

    private void notRetriedAndSaidOnce(int status, String line) throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN).otherwise(status(status));
             LiveSlf4j slf4j = fresh.shippingTo(receiver, ON_FLUSH_ONLY)) {
            log(slf4j, 3, "refused");
            assertThat(Ringtail.flush()).isTrue();
            log(slf4j, 2, "refused-again");
            assertThat(Ringtail.flush()).isTrue();

            assertThat(receiver.requests()).extracting(Request::status).containsExactly(status, status);
            assertThat(slf4j.betterstack().failed()).isEqualTo(5);
            assertThat(slf4j.betterstack().retried()).isZero();
            assertThat(slf4j.ringtailLines().stream().filter(l -> l.contains("HTTP " + status)))
                    .as("at most once a minute").hasSize(1)
                    .allMatch(l -> l.startsWith("ringtail: " + line));
            slf4j.assertTokenNeverPrinted();
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void endpointDownThenBackDeliveryResumes() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver, RingtailConfig.RETRY_MAX_ATTEMPTS, "1000")) {
            log(slf4j, 3, "before");
            assertThat(Ringtail.flush()).isTrue();

            receiver.down();
            log(slf4j, 5, "while-down");
            // connection refused, retried with backoff
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> slf4j.betterstack().retried() >= 3);
            assertThat(slf4j.betterstack().retried()).as("refused and retried while down").isGreaterThanOrEqualTo(3);
            receiver.up();
            log(slf4j, 5, "after");
            assertThat(Ringtail.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(messages(receiver)).containsExactlyInAnyOrderElementsOf(concat(List.of(names(3, "before"),
                    names(5, "while-down"), names(5, "after"))));
            assertThat(slf4j.betterstack().delivered()).isEqualTo(13);
            assertThat(slf4j.betterstack().failed()).isZero();
            slf4j.assertEveryEventAccountedFor();
        }
    }

    /**
     * The receiver takes a second per request. The application's loop of 20,000 log calls still
     * completes while the receiver has answered only a handful of requests: a log call that waited
     * for the network could not have got past the first few hundred events by then. The ring
     * (1,000) fills and the rest is dropped, counted.
     */
    @Test
    void oneSecondPerRequestNeverHoldsUpTheApplication() throws Exception {
        int events = 20_000;
        int perRequest = 100;
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN).otherwise(slow(Duration.ofSeconds(1)));
             LiveSlf4j slf4j = fresh.shippingTo(receiver, RingtailConfig.RING_SIZE, "1000",
                     RingtailConfig.BATCH_MAX_EVENTS, String.valueOf(perRequest), RingtailConfig.CONSOLE, "false")) {
            Logger logger = slf4j.logger("app");
            for (int i = 0; i < events; i++) {
                logger.info("event {}", i);
            }
            long answered = receiver.requests().stream().filter(r -> r.status() != 0).count();

            assertThat(answered * perRequest).as("events the receiver had taken when the loop ended")
                    .isLessThan(events / 4);
            assertThat(slf4j.stats().attempted()).isEqualTo(events);
            assertThat(slf4j.stats().dropped()).as("a full ring drops instead of waiting").isPositive();
            Ringtail.shutdown(Duration.ofSeconds(3));
            slf4j.assertEveryEventAccountedFor();
        }
    }

    @Test
    void shutdownWhileRequestsAreInFlightDrainsThem() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN).otherwise(slow(Duration.ofMillis(300)));
             LiveSlf4j slf4j = fresh.shippingTo(receiver, RingtailConfig.BATCH_MAX_EVENTS, "50")) {
            log(slf4j, 200, "drained");
            Waiting.atMost(Duration.ofSeconds(5)).until(() -> receiver.requests().size() >= 1);

            assertThat(Ringtail.shutdown(Duration.ofSeconds(10))).isTrue();

            assertThat(messages(receiver)).containsExactlyInAnyOrderElementsOf(names(200, "drained"));
            assertThat(slf4j.betterstack().delivered()).isEqualTo(200);
            slf4j.assertEveryEventAccountedFor();
        }
    }

    /**
     * Both in-flight requests hang (the receiver never answers, the HTTP timeout is a minute):
     * shutdown returns at its deadline plus a small margin, says how many events it left behind,
     * and those are counted failed.
     */
    @Test
    void shutdownAtTheDeadlineWithRequestsHangingCountsThemFailedAndReturns() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN).otherwise(noAnswer());
             LiveSlf4j slf4j = fresh.shippingTo(receiver, RingtailConfig.BATCH_MAX_EVENTS, "50",
                     RingtailConfig.HTTP_TIMEOUT_MILLIS, "60000")) {
            log(slf4j, 300, "stuck");
            Waiting.atMost(Duration.ofSeconds(5)).alias("two requests in flight")
                    .until(() -> receiver.requests().size() >= 2);

            long start = System.nanoTime();
            boolean drained = Ringtail.shutdown(Duration.ofSeconds(1));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(drained).isFalse();
            assertThat(tookMillis).as("deadline 1000 ms + margin").isLessThan(2500);
            assertThat(slf4j.stats().accepted()).isEqualTo(300);
            assertThat(slf4j.betterstack().failed()).isEqualTo(300);
            assertThat(slf4j.console().delivered()).isEqualTo(300);
            assertThat(slf4j.ringtailLines()).anyMatch(l -> l.contains("deadline passed"));
            slf4j.assertEveryEventAccountedFor();
        }
    }

    private static void log(LiveSlf4j slf4j, int count, String prefix) {
        Logger logger = slf4j.logger("faults");
        for (int i = 0; i < count; i++) {
            logger.info("{}-{}", prefix, i);
        }
    }

    private static List<String> concat(List<List<String>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }

    private static List<Object> messages(IngestServer receiver) {
        return receiver.events().stream().filter(e -> "faults".equals(e.get("logger_name")))
                .map((Map<String, Object> e) -> e.get("message")).toList();
    }
}
