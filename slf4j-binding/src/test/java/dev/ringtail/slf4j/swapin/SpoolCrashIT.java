package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} while spooling: process A logs from four threads into its spool with the
 * endpoint down and is killed mid-stream; process B replays the directory. Nothing corrupt is
 * ever sent (every body the receiver got parses strictly), each thread's events arrive in order
 * and once each, as an unbroken prefix of what it logged unless A itself shed (counted, with its
 * line: a sender starved of CPU on a loaded 2-core machine; the ring of 50,000 makes that rare),
 * and a record the kill tore is skipped and counted, never sent.
 */
class SpoolCrashIT extends SpoolAppBase {
    private static final int THREADS = 4;
    private static final long SPOOLED_BEFORE_KILL = 4L << 20;
    @Test
    void afterAKillNineTheNextProcessReplaysAnUnbrokenPrefixOfEachThreadAndNothingCorrupt() throws Exception {
        ThreadSequences seen = new ThreadSequences();
        try (IngestServer receiver = IngestServer.start(SpoolChild.TOKEN).countOnly()) {
            receiver.observe(seen).down();
            List<String> properties = SpoolChild.properties(receiver.uri(), spool, 268_435_456L,
                    "-Dringtail.batch.maxEvents=200", "-Dringtail.ringSize=50000");
            Path dir = SpoolChild.sinkDir(spool);

            // far more than it can log before the kill, at a steady 20,000 a second
            String stderrOfA;
            try (SwapInApp.Running a = app.start("-Xmx128m", properties, List.of(), "drain", Integer.toString(THREADS),
                    "1000000", "20000", "600")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (SpoolChild.segmentBytes(dir) < SPOOLED_BEFORE_KILL && a.process.isAlive()
                        && System.nanoTime() < deadline) {
                    a.process.waitFor(5, TimeUnit.MILLISECONDS);
                }
                assertThat(a.process.isAlive()).as("still logging when killed; stderr:\n%s", a.err).isTrue();
                a.process.destroyForcibly(); // SIGKILL: no hook, no drain, a write may be cut short
                assertThat(a.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                stderrOfA = Files.readString(a.err, StandardCharsets.UTF_8);
            }

            receiver.up();
            SwapInApp.Result b = replayOnly(properties, 120, 180);
            assertThat(b.exitCode).as(b.toString()).isZero();
            SpoolChild.Counters counters = SpoolChild.counters(b.stdout, "final");
            assertThat(counters.get("spoolFound")).as(counters.toString()).isPositive();
            assertThat(counters.get("replayed")).isEqualTo(counters.get("spoolFound"));
            assertThat(counters.get("failed")).isZero();
            assertThat(counters.get("spooled")).isZero();
            counters.assertAccountedFor();

            assertThat(receiver.problems()).as("every body parses").isEmpty();
            assertThat(seen.events()).isEqualTo(counters.get("replayed"));
            assertThat(seen.backwards()).as("each thread in order, once: %s", seen).isZero();
            if (!stderrOfA.contains("not keeping up")) {
                // A counted nothing failed on its own (a starved sender on a loaded machine sheds,
                // counted, and its gap is then A's, not the spool's): what A spooled is unbroken
                assertThat(seen.outOfOrder()).as("each thread an unbroken prefix, once: %s; the killed process's"
                        + " stderr:%n%s", seen, stderrOfA).isZero();
            }
            assertThat(seen.next()).hasSize(THREADS);
            if (counters.get("torn") > 0) {
                assertThat(b.ringtailStderrLines()).as(b.toString()).anyMatch(l -> l.contains("bytes of a torn record"));
            }
        }
    }
}
