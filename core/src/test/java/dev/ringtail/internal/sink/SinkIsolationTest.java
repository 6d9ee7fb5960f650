package dev.ringtail.internal.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.Waiting;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Guarantee 9: a sink that cannot keep up never silences another, and its own losses are counted for it. */
@Timeout(120)
class SinkIsolationTest {
    private static final int EVENTS = 20_000;
    private static final String TOKEN = "tok-isolation-0123456789abcdef";
    /** A producer retries a refused call this long at most: long enough for any drain, bounded all the same. */
    private static final long RETRY_NANOS = 30_000_000_000L;
    private static final long PACE_NANOS = 100_000;

    @Test
    void aStdoutNobodyReadsNeverKeepsEventsFromBetterStack() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        OutputStream pipeNobodyReads = new OutputStream() {
            @Override
            public void write(int b) {
                block();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                block();
            }

            private void block() {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CapturedOutput stderr = new CapturedOutput(1000); // rate limited, as on a real stderr
        try (IngestServer server = IngestServer.start()) {
            ConsoleSink console = new ConsoleSink(pipeNobodyReads, ZoneOffset.UTC, 1000, stderr.diagnostics());
            Pipeline pipeline = pipeline(console, betterStack(server, stderr), stderr);
            try {
                logAll(pipeline);
                assertThat(pipeline.flush(Duration.ofSeconds(1))).as("the console cannot drain").isFalse();
                Waiting.atMost(Duration.ofSeconds(30)).until(() -> server.events().size() >= EVENTS);
            } finally {
                pipeline.shutdown(Duration.ofSeconds(2));
                unblock.countDown();
            }
            PipelineStats stats = pipeline.stats();
            SinkStats betterstack = stats.sink(BetterStackSink.NAME).orElseThrow();
            SinkStats stdout = stats.sink(ConsoleSink.NAME).orElseThrow();
            assertThat(stats.accepted()).isEqualTo(EVENTS);
            assertThat(betterstack.delivered()).isEqualTo(EVENTS);
            assertThat(server.events()).hasSize(EVENTS);
            assertThat(stdout.delivered() + stdout.failed()).as("the console's own count adds up").isEqualTo(EVENTS);
            assertThat(stdout.failed()).isPositive();
            assertThat(stats.pending()).isZero();
            assertThat(String.join("\n", stderr.lines())).contains("console: the stream is not taking lines");
        }
    }

    @Test
    void theConsoleKeepsPrintingEveryEventWhileBetterStackIsDown() throws Exception {
        CapturedOutput stderr = new CapturedOutput(1000); // rate limited, as on a real stderr
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (IngestServer server = IngestServer.start()) {
            server.down();
            ConsoleSink console = new ConsoleSink(printed, ZoneOffset.UTC, 1000, stderr.diagnostics());
            BetterStackSink betterstack = betterStack(server, stderr);
            Pipeline pipeline = pipeline(console, betterstack, stderr);
            logAll(pipeline);
            pipeline.shutdown(Duration.ofSeconds(2));

            PipelineStats stats = pipeline.stats();
            SinkStats down = stats.sink(BetterStackSink.NAME).orElseThrow();
            SinkStats stdout = stats.sink(ConsoleSink.NAME).orElseThrow();
            assertThat(stats.accepted()).isEqualTo(EVENTS);
            assertThat(stdout.delivered()).as(stats + "\n" + stderr.lines()).isEqualTo(EVENTS);
            assertThat(printed.toString().lines().filter(l -> l.contains("isolated-"))).hasSize(EVENTS);
            assertThat(down.delivered()).isZero();
            assertThat(down.failed()).as("BetterStack's losses are its own, and counted").isEqualTo(EVENTS);
        }
    }

    private static Pipeline pipeline(ConsoleSink console, BetterStackSink betterstack, CapturedOutput stderr) {
        return Pipeline.builder().jmx(false).idleTimeout(Duration.ofMillis(20)).diagnostics(stderr.diagnostics())
                .sink(console).sink(betterstack).build().start();
    }

    private static BetterStackSink betterStack(IngestServer server, CapturedOutput stderr) {
        return BetterStackSink.builder().endpoint(server.uri()).token(TOKEN).flush(Duration.ofMillis(50))
                .timeout(Duration.ofSeconds(2)).maxAttempts(1000).baseBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50)).diagnostics(stderr.diagnostics()).build();
    }

    // Two producers at an application's pace (10,000 events/s each); a refused call is retried
    // (bounded), so every event is accepted once the sinks let the ring move: a ring held full by
    // one sink fails the test.
    private static void logAll(Pipeline pipeline) throws InterruptedException {
        Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++) {
            int id = p;
            producers[p] = new Thread(() -> {
                long until = System.nanoTime() + RETRY_NANOS;
                for (int i = 0; i < EVENTS / producers.length; i++) {
                    String message = "isolated-" + id + "-" + i;
                    while (!Events.log(pipeline, Level.INFO, message) && System.nanoTime() < until) {
                        LockSupport.parkNanos(PACE_NANOS);
                    }
                    LockSupport.parkNanos(PACE_NANOS);
                }
            });
            producers[p].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
    }
}
