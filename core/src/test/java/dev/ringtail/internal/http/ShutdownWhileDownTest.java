package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShutdownWhileDownTest {

    @Test
    void shutdownAtTheDeadlineCountsEveryEventTheSinkHeldOrNeverSaw() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(1).maxEvents(10)
                .timeout(Duration.ofMillis(200)).maxAttempts(1000).maxBackoff(Duration.ofMillis(100)))) {
            f.server.down();
            // More than the sink's two batches hold. Their sender retries for far longer than the
            // deadline, so once the consumer waits for a free batch it stays there: the one state
            // this test is about, waited for rather than slept into.
            f.logMany(500, "down");
            Waiting.atMost(Duration.ofSeconds(30)).until(f.sink.batches()::waiting);

            long started = System.nanoTime();
            f.pipeline.shutdown(Duration.ofMillis(500));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            PipelineStats stats = f.pipeline.stats();
            SinkStats sink = f.stats();
            assertThat(stats.accepted()).as("a 10,000-event ring takes all 500").isEqualTo(500);
            assertThat(tookMillis).as("returns near the deadline").isLessThan(3_000);
            assertThat(sink.delivered()).isZero();
            assertThat(sink.failed()).as("every accepted event accounted for").isEqualTo(500);
            assertThat(f.stderr.text()).contains("shutdown deadline passed: ")
                    .contains(" events were not delivered (counted failed)");
            // The lines together account for every failed event, the one the consumer held while
            // it waited for a free batch included.
            assertThat(reportedLost(f.stderr.lines())).as(f.stderr.text()).isEqualTo(sink.failed());
        }
    }

    @Test
    void aCloseDuringTheBackoffCountsNoRetryForTheResendThatNeverHappens() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(1).maxAttempts(10)
                .maxBackoff(Duration.ofSeconds(30)))) {
            f.server.otherwise(IngestServer.Behaviour.retryAfter(503, "30")); // a 30 s wait before the resend
            f.log(Level.INFO, "once");
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.server.requests().size() >= 1);

            f.pipeline.shutdown(Duration.ofMillis(300));

            assertThat(f.server.requests()).hasSize(1);
            assertThat(f.stats().retried()).as("no request was repeated").isZero();
            assertThat(f.stats().failed()).isEqualTo(1);
        }
    }

    /** The sum of N over the lines {@code ... N events were not delivered ...} and {@code ... N events undelivered ...}. */
    private static long reportedLost(List<String> lines) {
        Pattern count = Pattern.compile("(\\d+) events (were not delivered|undelivered)");
        long total = 0;
        for (String line : lines) {
            Matcher m = count.matcher(line);
            while (m.find()) {
                total += Long.parseLong(m.group(1));
            }
        }
        return total;
    }
}
