package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.testing.CollectingSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AdmissionTest {

    private static Pipeline stalledPipeline(CollectingSink sink, int ringSize) throws InterruptedException {
        Pipeline pipeline = Pipeline.builder().ringSize(ringSize).jmx(false).sink(sink.stall()).build().start();
        // the first event is taken by the consumer and held: from then on nothing drains
        log(pipeline, Level.ERROR, "plug");
        assertThat(sink.awaitEntered(5000)).isTrue();
        return pipeline;
    }

    @Test
    void acceptsExactlyRingSizeWhenTheConsumerIsStalled() throws Exception {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink.stall()).build();
        // not started: nothing consumes, so the limit alone decides
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            if (log(pipeline, Level.ERROR, "e" + i)) {
                accepted++;
            }
        }
        PipelineStats stats = pipeline.stats();
        assertThat(accepted).isEqualTo(10_000);
        assertThat(stats.accepted()).isEqualTo(10_000);
        assertThat(stats.dropped()).isEqualTo(10_000);
        assertThat(stats.attempted()).isEqualTo(20_000);
        assertThat(stats.pending()).isEqualTo(10_000);
        assertThat(pipeline.capacity()).isEqualTo(16_384);
    }

    @Test
    void dropsWhenTheRingOfTheConfiguredSizeIsFull() throws Exception {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = stalledPipeline(sink, 1000);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            if (log(pipeline, Level.ERROR, "e" + i)) {
                accepted++;
            }
        }
        // the plug is being consumed, so it no longer counts as pending... but it is not done either:
        // the consumer holds its slot until onEvent returns, so exactly 999 more fit
        assertThat(accepted + 1).isEqualTo(1000);
        assertThat(pipeline.stats().dropped(Level.ERROR)).isEqualTo(20_000 - accepted);
        sink.release();
        assertThat(pipeline.shutdown(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.events()).hasSize(1000);
    }

    @Test
    void keepsTheReserveForWarnAndErrorWhenTheRingIsNinetyPercentFull() throws Exception {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().ringSize(1000).jmx(false).sink(sink).build();
        for (int i = 0; i < 900; i++) {
            assertThat(log(pipeline, Level.INFO, "fill " + i)).isTrue();
        }
        assertThat(log(pipeline, Level.INFO, "info at 90%")).isFalse();
        assertThat(log(pipeline, Level.DEBUG, "debug at 90%")).isFalse();
        assertThat(log(pipeline, Level.WARN, "warn at 90%")).isTrue();
        assertThat(log(pipeline, Level.ERROR, "error at 90%")).isTrue();
        PipelineStats stats = pipeline.stats();
        assertThat(stats.dropped(Level.INFO)).isEqualTo(1);
        assertThat(stats.dropped(Level.DEBUG)).isEqualTo(1);
        assertThat(stats.accepted(Level.ERROR)).isEqualTo(1);
        assertThat(stats.accepted(Level.WARN)).isEqualTo(1);
    }

    @Test
    void fillsTheReserveWithErrorsUpToTheExactLimit() {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().ringSize(1000).jmx(false).sink(sink).build();
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            if (log(pipeline, Level.ERROR, "e")) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(1000);
    }

    @Test
    void enforcesAPowerOfTwoLimitWithoutSlack() {
        Pipeline pipeline = Pipeline.builder().ringSize(1024).jmx(false).sink(new CollectingSink()).build();
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            if (log(pipeline, Level.ERROR, "e")) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(1024);
        assertThat(pipeline.capacity()).isEqualTo(1024);
    }
}
