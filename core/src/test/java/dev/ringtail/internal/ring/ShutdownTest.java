package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShutdownTest {

    @Test
    void shutdownDrainsPendingEventsIntoSlowSink() throws Exception {
        CollectingSink sink = new CollectingSink().stall().pausePerEvent(20_000);
        Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink).build().start();
        for (int i = 0; i < 10_000; i++) {
            assertThat(log(pipeline, Level.WARN, "pending " + i)).isTrue(); // WARN: above the INFO reserve
        }
        assertThat(pipeline.pending()).isGreaterThan(9_000);
        sink.release();

        assertThat(pipeline.shutdown(Duration.ofSeconds(30))).isTrue();
        assertThat(sink.events()).hasSize(10_000);
        assertThat(sink.messages().get(9_999)).isEqualTo("pending 9999");
        PipelineStats stats = pipeline.stats();
        assertThat(stats.sink("test").orElseThrow().delivered()).isEqualTo(10_000);
        assertThat(stats.pending()).isZero();
    }

    @Test
    void shutdownGivesUpAtDeadlineWhenSinkNeverReturnsAndReportsLost() throws Exception {
        CapturedOutput err = new CapturedOutput();
        CollectingSink sink = new CollectingSink().stall(); // never released
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(err.diagnostics()).sink(sink).build().start();
        for (int i = 0; i < 100; i++) {
            log(pipeline, Level.INFO, "stuck " + i);
        }
        assertThat(sink.awaitEntered(5000)).isTrue();

        long started = System.nanoTime();
        boolean drained = pipeline.shutdown(Duration.ofMillis(500));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(drained).isFalse();
        assertThat(tookMillis).as("gave up near the deadline, did not hang").isLessThan(5_000);
        assertThat(pipeline.stats().sink("test").orElseThrow().failed()).isEqualTo(100);
        assertThat(err.text()).contains("100 events were not delivered");
        sink.release(); // let the daemon thread go
    }

    @Test
    void eventsAfterShutdownGoToStderrAndAreCountedDropped() {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink).build().start();
        pipeline.shutdown(Duration.ofSeconds(5));
        try (CapturedOutput stderr = CapturedOutput.systemErr()) {
            assertThat(log(pipeline, Level.WARN, "shop.checkout", "too late")).isFalse();
            // printed by the diagnostics' writer thread, so that a blocked stderr cannot block the call
            Waiting.atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(stderr.text()).contains("[WARN] shop.checkout: too late"));
        }
        assertThat(pipeline.stats().dropped(Level.WARN)).isEqualTo(1);
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void shutdownIsIdempotentAndSafeFromManyThreadsAtOnce() throws Exception {
        CollectingSink sink = new CollectingSink().pausePerEvent(100_000);
        Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink).build().start();
        for (int i = 0; i < 200; i++) {
            log(pipeline, Level.INFO, "e" + i);
        }
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> pipeline.shutdown(Duration.ofSeconds(20)));
        }
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> f : callers.invokeAll(calls)) {
            results.add(f.get());
        }
        callers.shutdown();
        assertThat(results).containsOnly(true);
        assertThat(sink.events()).hasSize(200);
        assertThat(pipeline.shutdown(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void flushHandsEverythingAcceptedToTheSink() {
        CollectingSink sink = new CollectingSink().pausePerEvent(10_000);
        Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink).build().start();
        for (int i = 0; i < 500; i++) {
            log(pipeline, Level.INFO, "f" + i);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(sink.events()).hasSize(500);
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    /**
     * A log call still formatting its event (a slow {@code toString()}) when the shutdown deadline
     * passes: shutdown cannot wait for it, and the event it publishes afterwards is no consumer's
     * any more. It must still be counted, failed for every sink, not left accepted and unaccounted.
     */
    @Test
    void anEventFormattedAcrossTheWholeShutdownIsCountedFailedWhenItIsPublishedAfterwards() throws Exception {
        CollectingSink first = new CollectingSink("first");
        CollectingSink second = new CollectingSink("second");
        CapturedOutput stderr = new CapturedOutput();
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics())
                .sink(first).sink(second).build().start();
        CountDownLatch formatting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventTranslator<String, Void, Void, Void> slowToString = (event, text, b, c, d) -> {
            formatting.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            event.message(text);
        };
        Thread producer = new Thread(() -> pipeline.publish(Level.INFO, "slow", slowToString, "late", null, null, null));
        producer.start();
        assertThat(formatting.await(5, TimeUnit.SECONDS)).isTrue();

        // the message is formatted before a slot is claimed: the slow call holds nothing the drain waits for
        assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
        release.countDown();
        producer.join(5_000);

        PipelineStats stats = pipeline.stats();
        assertThat(stats.accepted()).isEqualTo(1);
        for (String sink : List.of("first", "second")) {
            assertThat(stats.sink(sink).orElseThrow().failed(Level.INFO)).as(sink).isEqualTo(1);
            assertThat(stats.sink(sink).orElseThrow().delivered()).as(sink).isZero();
        }
        assertThat(String.join("\n", stderr.lines())).contains("counted failed");
    }

    @Test
    void shutdownNeverCountsADeliveredEventAsFailed() {
        // the shutdown event may share a consumer batch with the events before it: those were
        // delivered, and must not also be counted as left behind
        for (int round = 0; round < 200; round++) {
            CollectingSink sink = new CollectingSink();
            Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink).build().start();
            for (int i = 0; i < 500; i++) {
                log(pipeline, Level.WARN, "r" + round + "-" + i);
            }
            assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
            PipelineStats stats = pipeline.stats();
            assertThat(stats.sink("test").orElseThrow().delivered()).as("round %d", round).isEqualTo(500);
            assertThat(stats.sink("test").orElseThrow().failed()).as("round %d", round).isZero();
        }
    }
}
