package dev.ringtail.internal.ring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.testing.CollectingSink;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Guarantee 1: a slow or never-returning {@code toString()} delays only its own thread. */
@Timeout(60)
class SlowToStringTest {
    private static final int OTHERS = 20_000;

    @Test
    void aToStringThatNeverReturnsHoldsUpNoOtherThreadsEvents() throws Exception {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).ringSize(1024).sink(sink).build().start();
        CountDownLatch formatting = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Object stuck = new Object() {
            @Override
            public String toString() {
                formatting.countDown();
                try {
                    never.await(); // until the test ends: "never" for the pipeline's purposes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "stuck";
            }
        };
        Thread blocked = new Thread(() -> pipeline.publish(Level.INFO, "stuck", (event, arg, b, c, d) ->
                event.format("value {}", arg), stuck, null, null, null), "blocked-producer");
        blocked.setDaemon(true);
        blocked.start();
        try {
            assertThat(formatting.await(5, TimeUnit.SECONDS)).isTrue();
            // two other threads log many times the ring's size while the first is still in toString()
            Thread[] others = new Thread[2];
            for (int t = 0; t < others.length; t++) {
                others[t] = new Thread(() -> {
                    for (int i = 0; i < OTHERS / 2; i++) {
                        while (!pipeline.publish(Level.INFO, "other", (event, text, b, c, d) -> event.message(text),
                                "event", null, null, null)) {
                            Thread.onSpinWait(); // a full ring: the consumer is draining it
                        }
                    }
                });
                others[t].setDaemon(true); // without the guarantee they would spin until the JVM exits
                others[t].start();
            }
            for (Thread other : others) {
                other.join(30_000);
                assertThat(other.isAlive()).as("a producer finished").isFalse();
            }
            assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
            PipelineStats stats = pipeline.stats();
            assertThat(sink.events()).hasSize(OTHERS);
            assertThat(stats.accepted()).isEqualTo(OTHERS);
            assertThat(stats.pending()).isZero();
        } finally {
            never.countDown();
            blocked.join(5_000);
            pipeline.shutdown(Duration.ofSeconds(5));
        }
    }
}
