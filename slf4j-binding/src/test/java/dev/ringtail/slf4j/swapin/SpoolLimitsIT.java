package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The spool at its limits, each in a separate JVM with the endpoint refusing connections: a spool
 * that fills deletes its oldest events, counts them failed and never holds more than
 * {@code ringtail.spool.maxBytes} on disk; a second process on a directory the first owns runs
 * without the spool and says so; a file-size limit (a disk that fills) is counted, and neither
 * crashes the JVM nor blocks a log call.
 */
class SpoolLimitsIT extends SpoolAppBase {
    private static final Pattern SLOWEST = Pattern.compile("slowest call (\\d+) us");
    @Test
    void aFullSpoolDeletesItsOldestEventsCountsThemAndNeverPassesItsBound() throws Exception {
        long maxBytes = 1 << 20;
        try (IngestServer receiver = IngestServer.start(SpoolChild.TOKEN)) {
            receiver.down();
            Path dir = SpoolChild.sinkDir(spool);
            AtomicLong largest = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    largest.accumulateAndGet(SpoolChild.segmentBytes(dir), Math::max);
                    samples.incrementAndGet();
                }
            }, "spool-size-sampler");
            sampler.setDaemon(true);
            sampler.start();
            SwapInApp.Result run;
            // some 5 MB of events into a 1 MiB spool, spread over a few seconds for the sampler
            try (SwapInApp.Running running = app.start("-Xmx128m", SpoolChild.properties(receiver.uri(), spool, maxBytes,
                    "-Dringtail.batch.maxEvents=100"), List.of(), "exit", "2", "20000", "10000")) {
                run = SpoolChild.awaitExit(running, 90);
            } finally {
                sampling.set(false);
                sampler.join(TimeUnit.SECONDS.toMillis(10));
            }

            assertThat(run.exitCode).as(run.toString()).isZero();
            SpoolChild.Counters flushed = SpoolChild.counters(run.stdout, "flushed");
            assertThat(flushed.get("accepted")).isEqualTo(40_000);
            assertThat(flushed.get("failed")).as("the oldest, deleted").isPositive();
            assertThat(flushed.get("spooled")).as("the newest, kept").isPositive();
            assertThat(flushed.get("spoolBytes")).isLessThanOrEqualTo(maxBytes);
            flushed.assertAccountedFor();
            assertThat(samples.get()).as("the directory was looked at while it filled").isGreaterThan(100);
            assertThat(largest.get()).as("the most the segment files ever held").isPositive().isLessThanOrEqualTo(maxBytes);
            assertThat(run.ringtailStderrLines()).as(run.toString())
                    .anyMatch(l -> l.contains("is full (ringtail.spool.maxBytes=1048576)") && l.contains("reason spool-full"));
        }
    }

    @Test
    void aSecondProcessOnADirectoryTheFirstOwnsRunsWithoutTheSpoolAndSaysSo() throws Exception {
        try (IngestServer receiver = IngestServer.start(SpoolChild.TOKEN)) {
            receiver.down();
            List<String> properties = SpoolChild.properties(receiver.uri(), spool, 268_435_456L,
                    "-Dringtail.retry.maxAttempts=1");
            try (SwapInApp.Running owner = app.start("-Xmx128m", properties, List.of(), "hold", "1", "100", "0")) {
                SpoolChild.awaitLine(owner, "APP ready", 60);
                SwapInApp.Result second;
                try (SwapInApp.Running next = app.start("-Xmx128m", properties, List.of(), "exit", "1", "100", "0")) {
                    second = SpoolChild.awaitExit(next, 60);
                }

                assertThat(second.exitCode).as(second.toString()).isZero();
                assertThat(second.ringtailStderrLines()).as(second.toString()).anyMatch(l -> l.startsWith(
                        "ringtail: betterstack: the spool " + SpoolChild.sinkDir(spool) + " is in use (")
                        && l.contains("owned by another process, pid " + owner.process.pid())
                        && l.endsWith("running without a spool (events that cannot be delivered are counted failed, as"
                                + " without one), and trying again every second"));
                SpoolChild.Counters counters = SpoolChild.counters(second.stdout, "flushed");
                assertThat(counters.get("spooled")).isZero();
                assertThat(counters.get("failed")).as("as without a spool").isEqualTo(100);
                counters.assertAccountedFor();
                assertThat(SpoolChild.counters(owner.stdout(), "held").get("spooled")).isEqualTo(100);
            }
        }
    }

    @Test
    void aFileSizeLimitIsCountedNeverACrashNorABlockedLogCall() throws Exception {
        try (IngestServer receiver = IngestServer.start(SpoolChild.TOKEN)) {
            receiver.down();
            // HotSpot ignores SIGXFSZ, so a write past the limit fails with "File too large"
            // instead of killing the JVM: every segment of this spool stops at 512 KiB
            SwapInApp.Result run;
            try (SwapInApp.Running running = app.startWithFileSizeLimit(512, "-Xmx128m",
                    SpoolChild.properties(receiver.uri(), spool, 64L << 20), "exit", "2", "20000", "10000")) {
                run = SpoolChild.awaitExit(running, 90);
            }

            assertThat(run.exitCode).as(run.toString()).isZero();
            SpoolChild.Counters counters = SpoolChild.counters(run.stdout, "flushed");
            assertThat(counters.get("accepted")).isEqualTo(40_000);
            assertThat(counters.get("failed")).as("what could not be written").isPositive();
            assertThat(counters.get("spooled")).as("what could").isPositive();
            assertThat(counters.get("dropped")).isZero();
            counters.assertAccountedFor();
            assertThat(run.stderr).as(run.toString()).contains("File too large")
                    .contains("events to the spool (counted failed)").doesNotContain("Exception in thread");
            Matcher slowest = SLOWEST.matcher(run.stdout);
            assertThat(slowest.find()).isTrue();
            assertThat(Long.parseLong(slowest.group(1))).as("the slowest log call, in microseconds").isLessThan(500_000);
        }
    }
}
