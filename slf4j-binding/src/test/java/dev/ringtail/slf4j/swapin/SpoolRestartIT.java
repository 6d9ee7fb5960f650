package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restart during an outage: process A spools everything it logs while the endpoint refuses
 * connections and is stopped with SIGTERM; process B, started on the same directory with the
 * endpoint back, replays it. The receiver gets every event of A, in order, and B counts them
 * {@code Replayed}, not {@code Delivered}.
 */
class SpoolRestartIT extends SpoolAppBase {
    private static final int THREADS = 2;
    private static final int PER_THREAD = 10_000;
    private static final int EVENTS = THREADS * PER_THREAD;
    @Test
    void whatProcessASpooledBeforeSigtermProcessBReplaysOnTheSameDirectory() throws Exception {
        ThreadSequences seen = new ThreadSequences();
        try (IngestServer receiver = IngestServer.start(SpoolChild.TOKEN)) {
            receiver.observe(seen).down();
            // a ring that holds all of A's events: a sender starved of CPU cannot make it shed
            List<String> properties = SpoolChild.properties(receiver.uri(), spool, 268_435_456L,
                    "-Dringtail.ringSize=50000");

            SwapInApp.Result first;
            try (SwapInApp.Running a = app.start("-Xmx128m", properties, List.of(), "hold", Integer.toString(THREADS),
                    Integer.toString(PER_THREAD), "10000")) {
                SpoolChild.awaitLine(a, "APP ready", 60);
                SpoolChild.Counters held = SpoolChild.counters(a.stdout(), "held");
                assertThat(held.get("accepted")).as("the ring held them all").isEqualTo(EVENTS);
                assertThat(held.get("spooled")).isEqualTo(EVENTS);
                assertThat(held.get("failed")).isZero();
                a.process.destroy(); // SIGTERM: the shutdown hook drains into the spool and lets go of it
                first = SpoolChild.awaitExit(a, 30);
            }
            SpoolChild.Counters afterShutdown = SpoolChild.counters(first.stdout, "after-shutdown");
            assertThat(afterShutdown.get("spooled")).as(first.toString()).isEqualTo(EVENTS);
            assertThat(afterShutdown.get("failed")).isZero();
            afterShutdown.assertAccountedFor();
            assertThat(SpoolChild.segmentBytes(SpoolChild.sinkDir(spool))).isPositive();

            receiver.up();
            SwapInApp.Result second = replayOnly(properties, 60, 90);
            assertThat(second.exitCode).as(second.toString()).isZero();
            SpoolChild.Counters b = SpoolChild.counters(second.stdout, "final");
            assertThat(b.get("spoolFound")).as(b.toString()).isEqualTo(EVENTS);
            assertThat(b.get("replayed")).isEqualTo(EVENTS);
            assertThat(b.get("delivered")).as("B's own: none").isZero();
            assertThat(b.get("failed")).isZero();
            assertThat(b.get("spooled")).isZero();
            b.assertAccountedFor();
            assertThat(second.ringtailStderrLines()).as(second.toString())
                    .anyMatch(l -> l.contains("holds " + EVENTS + " events left by its previous owner; replaying them"));

            assertThat(seen.events()).isEqualTo(EVENTS);
            assertThat(seen.outOfOrder()).as(seen.toString()).isZero();
            assertThat(seen.next()).isEqualTo(ThreadSequences.each(THREADS, PER_THREAD));
            assertThat(receiver.problems()).isEmpty();
        }
    }
}
