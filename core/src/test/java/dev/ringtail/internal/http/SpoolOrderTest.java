package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.MemorySpool;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two senders spool at once, yet the spool gets the batches in the order the consumer sealed
 * them: with the outage starting before the first batch, the receiver sees each producer
 * thread's events in the order they were logged, every one exactly once.
 */
@Timeout(90)
class SpoolOrderTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 5_000;

    @Test
    void withTwoSendersSpoolingEachThreadsEventsArriveInTheOrderTheyWereLogged() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxInFlight(2).maxEvents(50)
                .spool(SpoolOutageTest.DIR, 256L << 20).spoolOpener(disk::open), p -> p.ringSize(100_000))) {
            f.server.down();
            Thread[] producers = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                producers[t] = new Thread(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        Events.log(f.pipeline, Level.INFO, "order.t" + thread, thread + " " + i);
                    }
                }, "producer-" + t);
                producers[t].start();
            }
            for (Thread producer : producers) {
                producer.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(producer.isAlive()).isFalse();
            }
            assertThat(f.flush()).isTrue();
            assertThat(f.pipeline.stats().accepted()).as("the ring holds them all").isEqualTo(THREADS * PER_THREAD);
            assertThat(f.stats().spooled()).isEqualTo(THREADS * PER_THREAD);

            f.server.up();
            Waiting.atMost(Duration.ofSeconds(60)).until(() -> f.stats().delivered() == THREADS * PER_THREAD);

            Map<String, Integer> last = new HashMap<>();
            for (Map<String, Object> event : f.server.events()) {
                String[] parts = ((String) event.get("message")).split(" ");
                int previous = last.getOrDefault(parts[0], -1);
                assertThat(Integer.parseInt(parts[1])).as("thread %s after %d", parts[0], previous).isEqualTo(previous + 1);
                last.put(parts[0], previous + 1);
            }
            assertThat(last.values()).containsOnly(PER_THREAD - 1);
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isZero();
            assertThat(stats.spooled()).isZero();
            SpoolOutageTest.assertIdentity(f.pipeline.stats(), stats);
        }
    }
}
