package dev.ringtail.internal.ring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;
import dev.ringtail.testing.CollectingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int EVENTS_PER_THREAD = 100_000;
    private static final Level[] LEVELS = {Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};

    /** Carries (producer, sequence) as two longs in key-value pairs: no message parsing needed. */
    private static final EventTranslator<Integer, Integer, Void, Void> TAGGED = (event, producer, seq, c, d) -> {
        event.message("event");
        event.addKeyValue("producer", producer);
        event.addKeyValue("seq", seq);
    };

    @Test
    void accountsForEveryEventExactlyUnderSixteenProducers() throws Exception {
        OrderCheckingSink sink = new OrderCheckingSink(THREADS, 2_000);
        Pipeline pipeline = Pipeline.builder().ringSize(4096).jmx(false).sink(sink).build().start();
        ExecutorService producers = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int producer = t;
            results.add(producers.submit(() -> {
                start.await();
                long[] acceptedPerLevel = new long[Level.count()];
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    Level level = LEVELS[i & 3];
                    if (pipeline.publish(level, "load", TAGGED, producer, i, null, null)) {
                        acceptedPerLevel[level.ordinal()]++;
                    }
                }
                return acceptedPerLevel;
            }));
        }
        start.countDown();
        long[] acceptedByProducers = new long[Level.count()];
        for (Future<long[]> result : results) {
            long[] perLevel = result.get(100, TimeUnit.SECONDS);
            for (int i = 0; i < perLevel.length; i++) {
                acceptedByProducers[i] += perLevel[i];
            }
        }
        producers.shutdown();
        assertThat(pipeline.flush(Duration.ofSeconds(60))).isTrue();

        PipelineStats stats = pipeline.stats();
        assertThat(stats.attempted()).isEqualTo((long) THREADS * EVENTS_PER_THREAD);
        assertThat(stats.accepted() + stats.dropped()).isEqualTo(stats.attempted());
        assertThat(stats.dropped()).as("a slow sink must make producers drop").isPositive();
        for (Level level : LEVELS) {
            assertThat(stats.accepted(level)).isEqualTo(acceptedByProducers[level.ordinal()]);
            assertThat(stats.sink("ordered").orElseThrow().delivered(level)).isEqualTo(stats.accepted(level));
        }
        assertThat(sink.received).isEqualTo(stats.accepted());
        assertThat(sink.violations).as("duplicated or reordered events").isEmpty();
        assertThat(pipeline.shutdown(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void keepsTheCountsOfThreadsThatLoggedAndWereCollected() throws Exception {
        CollectingSink sink = new CollectingSink("kept");
        Pipeline pipeline = Pipeline.builder().ringSize(4096).jmx(false).sink(sink).build().start();
        int threads = 200;
        for (int t = 0; t < threads; t++) { // a thread per task, as some pools and servers do
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 8; i++) { // two of each level
                    pipeline.publish(LEVELS[i & 3], "short-lived", TAGGED, 0, i, null, null);
                }
            });
            thread.start();
            thread.join();
        }
        for (int i = 0; i < 5; i++) {
            System.gc(); // collects the dead threads; their counts must not go with them
        }
        assertThat(pipeline.flush(Duration.ofSeconds(30))).isTrue();
        PipelineStats stats = pipeline.stats();
        assertThat(stats.accepted()).isEqualTo(threads * 8L);
        for (Level level : LEVELS) {
            assertThat(stats.accepted(level)).isEqualTo(threads * 2L);
        }
        assertThat(stats.sink("kept").orElseThrow().delivered()).isEqualTo(stats.accepted());
        assertThat(pipeline.shutdown(Duration.ofSeconds(10))).isTrue();
    }

    /** Checks, per producer, that sequence numbers only ever increase: no duplicate, no reordering. */
    private static final class OrderCheckingSink implements Sink {
        private final SinkCounters counters = new SinkCounters("ordered");
        private final long[] lastSeq;
        private final long pauseNanos;
        final List<String> violations = new ArrayList<>();
        long received;

        OrderCheckingSink(int producers, long pauseNanos) {
            this.lastSeq = new long[producers];
            java.util.Arrays.fill(lastSeq, -1);
            this.pauseNanos = pauseNanos;
        }

        @Override
        public SinkCounters counters() {
            return counters;
        }

        @Override
        public void onEvent(EventView event) {
            if (event.isSynthetic()) {
                return;
            }
            int producer = (int) event.longValue(0);
            long seq = event.longValue(1);
            if (seq <= lastSeq[producer] && violations.size() < 10) {
                violations.add("producer " + producer + ": " + seq + " after " + lastSeq[producer]);
            }
            lastSeq[producer] = seq;
            received++;
            counters.delivered(event.level(), 1);
            if ((received & 63) == 0) {
                LockSupport.parkNanos(pauseNanos * 64); // slow: ~2 µs an event, in coarse steps
            }
        }
    }
}
