package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
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
            Waiting.atMost(Duration.ofSeconds(30)).until(f.sink::waitingForBatch);

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
        }
    }
}
