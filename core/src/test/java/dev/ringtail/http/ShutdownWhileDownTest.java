package dev.ringtail.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
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
            // more than the sink's batches hold: its consumer ends up waiting for a free batch
            f.logMany(500, "down");
            Thread.sleep(300);

            long started = System.nanoTime();
            f.pipeline.shutdown(Duration.ofMillis(500));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            // Usually the consumer is still waiting for a free batch at the deadline and is
            // abandoned; if the sink happened to reach its close in time, close() gives up on what
            // it holds instead. Either way every accepted event is counted, and stderr says so.
            PipelineStats stats = f.pipeline.stats();
            SinkStats sink = f.stats();
            assertThat(tookMillis).as("returns near the deadline").isLessThan(3_000);
            assertThat(sink.delivered()).isZero();
            assertThat(sink.failed()).as("every accepted event accounted for").isEqualTo(stats.accepted());
            assertThat(stats.accepted() + stats.dropped()).isEqualTo(500);
            assertThat(f.stderr.text()).containsAnyOf("were not delivered", "events undelivered");
        }
    }
}
