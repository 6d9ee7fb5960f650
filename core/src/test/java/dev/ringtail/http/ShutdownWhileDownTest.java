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

            boolean drained = f.pipeline.shutdown(Duration.ofMillis(500));

            PipelineStats stats = f.pipeline.stats();
            SinkStats sink = f.stats();
            assertThat(drained).isFalse();
            assertThat(sink.delivered()).isZero();
            assertThat(sink.failed()).as("every accepted event accounted for").isEqualTo(stats.accepted());
            assertThat(stats.accepted() + stats.dropped()).isEqualTo(500);
            assertThat(f.stderr.text()).contains("were not delivered");
        }
    }
}
