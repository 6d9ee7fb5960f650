package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The all jar swapped into a slf4j-api-only application that ships to a loopback
 * BetterStack-compatible receiver: every field of every event arrives, delivered by the shutdown
 * hook's drain; and with the receiver stalled the application still finishes, its drops counted
 * in JMX and reported in the drop summary event.
 */
class BetterStackSwapInIT {
    private static final String TOKEN = "it-source-token-0123456789wxyz";
    private static final String DT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
    private static SwapInApp app;

    @BeforeAll
    static void compileApp() {
        app = new SwapInApp();
    }

    @Test
    void everyEventArrivesWithEveryFieldDrainedByTheShutdownHook() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            Instant start = Instant.now();
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                    // nothing is sent before exit unless the hook drains it
                    "-Dringtail.batch.flushMillis=600000",
                    // a wrong mapping of the relocated httpclient loggers would let their debug lines through
                    "-Dringtail.level=trace", "-Dringtail.level.shop=info",
                    // JUL is bridged: at trace, the JDK's MBean server would report the app's JMX reads,
                    // and its security events the trust store the HTTP sink loads on its own thread
                    "-Dringtail.level.javax.management=info", "-Dringtail.level.jdk.event.security=info"), List.of());

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.ringtailStderrLines()).as(run.toString()).containsExactly(
                    "ringtail: logs go to console (stdout) and BetterStack 127.0.0.1 (token ****wxyz)");
            assertThat(run.stdout + run.stderr).doesNotContain(TOKEN.substring(0, 20));
            assertThat(run.stderr).as("httpclient logged nothing, nothing failed")
                    .doesNotContain("logged from inside the pipeline", "Exception", "SLF4J(W)");
            assertThat(run.stdout).contains("APP shaded httpclient logger info enabled: false",
                    "APP JMX attempted=4 accepted=4 dropped=0");
            assertThat(receiver.problems()).isEmpty();

            List<Map<String, Object>> events = receiver.events();
            assertThat(events).hasSize(4);
            for (Map<String, Object> event : events) {
                assertThat((String) event.get("dt")).matches(DT);
                assertThat(Instant.parse((String) event.get("dt"))).isBetween(start, Instant.now());
            }

            Map<String, Object> placed = events.get(0);
            assertThat(placed).containsOnlyKeys("dt", "level", "message", "logger_name", "thread_name",
                    "request_id", "tenant");
            assertThat(placed).containsEntry("level", "info").containsEntry("message", "Order 42 placed")
                    .containsEntry("logger_name", "shop.checkout").containsEntry("thread_name", "main")
                    .containsEntry("request_id", "c0ffee").containsEntry("tenant", "acme");

            Map<String, Object> failed = events.get(1);
            assertThat(failed).containsOnlyKeys("dt", "level", "message", "logger_name", "thread_name",
                    "request_id", "tenant", "markers", "order_id", "retry", "amount", "coupon", "_level");
            assertThat(failed).containsEntry("level", "warning")
                    .containsEntry("message", "Payment failed for order 42")
                    .containsEntry("logger_name", "shop.checkout").containsEntry("thread_name", "main")
                    .containsEntry("markers", List.of("AUDIT"))
                    .containsEntry("order_id", 42).containsEntry("retry", true)
                    .containsEntry("amount", new BigDecimal("12.5")) // the kit's parser reads numbers exactly
                    .containsEntry("coupon", null)
                    .containsEntry("request_id", "c0ffee")
                    .containsEntry("tenant", "override") // a key-value pair wins over the MDC entry
                    .containsEntry("_level", "user-level"); // a user key equal to a reserved name

            Map<String, Object> crashed = events.get(2);
            assertThat(crashed).containsOnlyKeys("dt", "level", "message", "logger_name", "thread_name",
                    "request_id", "tenant", "markers", "exception");
            assertThat(crashed).containsEntry("level", "error")
                    .containsEntry("message", "Checkout crashed for ann")
                    .containsEntry("logger_name", "shop.checkout").containsEntry("thread_name", "main")
                    .containsEntry("markers", List.of("PAGER"))
                    .containsEntry("request_id", "c0ffee").containsEntry("tenant", "acme");
            @SuppressWarnings("unchecked")
            Map<String, Object> exception = (Map<String, Object>) crashed.get("exception");
            assertThat(exception).containsOnlyKeys("class", "message", "stacktrace")
                    .containsEntry("class", "java.lang.IllegalStateException")
                    .containsEntry("message", "card declined");
            assertThat((String) exception.get("stacktrace"))
                    .startsWith("java.lang.IllegalStateException: card declined\n\tat SwapInApp.events(SwapInApp.java:")
                    .contains("\nCaused by: java.lang.RuntimeException: root cause\n");

            Map<String, Object> worker = events.get(3);
            assertThat(worker).containsOnlyKeys("dt", "level", "message", "logger_name", "thread_name");
            assertThat(worker).containsEntry("level", "info").containsEntry("message", "from worker")
                    .containsEntry("logger_name", "shop.worker").containsEntry("thread_name", "worker-1");
        }
    }

    /** The counter-proof of the test above: with {@code ringtail.shutdownHook=false} nothing drains at exit. */
    @Test
    void withoutTheShutdownHookPendingEventsAreNotSentAtExit() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                    "-Dringtail.batch.flushMillis=600000",
                    "-Dringtail.shutdownHook=false"), List.of());

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.stdout).contains("APP JMX attempted=4 accepted=4 dropped=0");
            assertThat(receiver.events()).isEmpty();
        }
    }

    /**
     * The receiver holds every request until the test ends, so a log call that waited for the
     * network would never return and the app would never exit. It exits, after the hook's
     * bounded drain, and says how much it dropped.
     */
    @Test
    void stalledEndpointNeverBlocksTheAppAndDropsAreCountedAndReported() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN).stall()) {
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                    "-Dringtail.ringSize=100",
                    "-Dringtail.batch.maxEvents=10",
                    "-Dringtail.http.timeoutMillis=60000",
                    "-Dringtail.shutdownTimeoutMillis=2000"), List.of(), "flood", "2000");

            assertThat(run.exitCode).as(run.toString()).isZero();
            Matcher jmx = Pattern.compile("APP JMX attempted=(\\d+) accepted=(\\d+) dropped=(\\d+) droppedInfo=(\\d+)")
                    .matcher(run.stdout);
            assertThat(jmx.find()).as(run.toString()).isTrue();
            long attempted = Long.parseLong(jmx.group(1));
            long accepted = Long.parseLong(jmx.group(2));
            long dropped = Long.parseLong(jmx.group(3));
            assertThat(attempted).isEqualTo(2000);
            assertThat(accepted + dropped).isEqualTo(attempted);
            assertThat(dropped).as("a 100-event ring in front of a stalled endpoint").isGreaterThan(1000);
            assertThat(Long.parseLong(jmx.group(4))).isEqualTo(dropped);
            assertThat(run.stdout).as("the drop summary event, as the console sink printed it")
                    .containsPattern("\\[WARN\\] dev\\.ringtail: ringtail dropped \\d+ events \\(trace=0, debug=0, info=\\d+");
            assertThat(receiver.requests()).isNotEmpty();
            assertThat(receiver.events()).isEmpty();
        }
    }
}
