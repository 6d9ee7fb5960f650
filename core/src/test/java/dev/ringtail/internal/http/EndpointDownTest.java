package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The endpoint is down for 30 s while 1M events are offered: producers never block, the sink
 * holds no more than its bounded batches, the overflow is dropped and counted at the producer,
 * and delivery resumes when the endpoint comes back. The one deliberately long test here.
 */
class EndpointDownTest {
    private static final int PRODUCERS = 4;
    private static final int EVENTS = 1_000_000;
    private static final int MAX_IN_FLIGHT = 2;
    private static final long DOWN_MILLIS = 30_000;

    @Test
    void whileTheEndpointIsDownTheSinkShedsItsOwnEventsAndMemoryStaysBounded() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(MAX_IN_FLIGHT).maxEvents(1000)
                .timeout(Duration.ofSeconds(1)).maxAttempts(1000).maxBackoff(Duration.ofMillis(500)))) {
            f.server.down();
            long start = System.nanoTime();

            AtomicBoolean sampling = new AtomicBoolean(true);
            AtomicInteger maxHeld = new AtomicInteger();
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    maxHeld.accumulateAndGet(f.sink.batches().held(), Math::max);
                    sleep(20);
                }
            });
            sampler.start();

            // Each producer offers its share in chunks spread over the outage; a publish that
            // blocked would keep its loop from finishing.
            AtomicLong accepted = new AtomicLong();
            Thread[] producers = new Thread[PRODUCERS];
            int perProducer = EVENTS / PRODUCERS;
            int chunks = 250;
            long pauseMillis = (DOWN_MILLIS - 5_000) / chunks;
            for (int p = 0; p < PRODUCERS; p++) {
                int id = p;
                producers[p] = new Thread(() -> {
                    int sent = 0;
                    for (int c = 0; c < chunks; c++) {
                        for (int i = 0; i < perProducer / chunks; i++, sent++) {
                            if (f.log(i % 50 == 0 ? Level.WARN : Level.INFO, "p" + id + "-" + sent)) {
                                accepted.incrementAndGet();
                            }
                        }
                        sleep(pauseMillis);
                    }
                }, "producer-" + p);
                producers[p].start();
            }
            for (Thread producer : producers) {
                producer.join(DOWN_MILLIS + 20_000);
                assertThat(producer.isAlive()).as("a producer never finished its bounded loop").isFalse();
            }
            long left = DOWN_MILLIS - (System.nanoTime() - start) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left);
            }

            PipelineStats during = f.pipeline.stats();
            assertThat(during.accepted() + during.dropped()).isEqualTo(EVENTS);
            // the sink holds its batches and sheds the rest, counted failed for it alone: the ring is
            // never left full for the other sinks (guarantee 9)
            assertThat(f.stats().failed()).isGreaterThan(EVENTS / 2);
            assertThat(during.dropped()).isLessThan(EVENTS / 2);
            assertThat(f.stats().delivered()).isZero();
            assertThat(f.sink.batches().heldHighWater()).isLessThanOrEqualTo(MAX_IN_FLIGHT + 1);
            assertThat(f.sink.batches().size()).isEqualTo(MAX_IN_FLIGHT + 1);
            assertThat(f.server.requests()).isEmpty();

            f.server.up();
            AtomicBoolean logged = new AtomicBoolean();
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> {
                logged.set(f.log(Level.ERROR, "after the outage"));
                return logged.get();
            });
            assertThat(logged.get()).isTrue();
            assertThat(f.pipeline.flush(Duration.ofSeconds(30))).isTrue();
            sampling.set(false);
            sampler.join();

            PipelineStats after = f.pipeline.stats();
            SinkStats sink = f.stats();
            assertThat(sink.delivered() + sink.failed()).isEqualTo(after.accepted());
            assertThat(sink.delivered()).as("the held batches and what came after").isPositive();
            assertThat(sink.retried()).isPositive();
            assertThat(f.server.events()).anySatisfy(e -> assertThat(e.get("message")).isEqualTo("after the outage"));
            assertThat(maxHeld.get()).isLessThanOrEqualTo(MAX_IN_FLIGHT + 1);
            assertThat(accepted.get() + 1).isEqualTo(after.accepted());
            assertThat(during.dropped()).isEqualTo(EVENTS - accepted.get());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
