package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.MemorySpool;
import dev.ringtail.testing.Waiting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With a disk spool, an outage costs nothing: what the sink cannot deliver goes to the spool,
 * nothing is counted failed, the consumer keeps taking the ring, and once the endpoint answers
 * again the spool is replayed in order, every event counted once.
 */
@Timeout(60)
class SpoolOutageTest {
    static final Path DIR = Path.of("spool-parent");
    private static final int EVENTS = 3_000;

    @Test
    void whileTheEndpointIsDownBatchesGoToTheSpoolAndWhenItIsBackTheyAreReplayedInOrder() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(100).maxAttempts(3)
                .spool(DIR, 64L << 20).spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(EVENTS, "down");
            assertThat(f.flush()).as("every batch is back: spooled, not held").isTrue();

            SinkStats during = f.stats();
            assertThat(during.failed()).as("nothing is given up on").isZero();
            assertThat(during.delivered()).isZero();
            assertThat(during.spooled()).isEqualTo(EVENTS).isEqualTo(disk.events());
            assertThat(f.pipeline.stats().dropped()).isZero();
            assertThat(f.sink.batches().waiting()).isFalse();
            assertThat(disk.opened()).containsExactly(DIR.resolve("betterstack"));

            f.server.up();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> f.stats().delivered() == EVENTS);
            SinkStats after = f.stats();
            assertThat(after.spooled()).isZero();
            assertThat(after.failed()).isZero();
            assertThat(after.replayed()).as("this process's own events count as delivered").isZero();
            assertThat(messages(f.server.events())).isEqualTo(Events.names(EVENTS, "down"));
            assertThat(f.stderr.text()).as(f.stderr.text()).doesNotContain("gave up", "failed");
        }
    }

    @Test
    void afterTheSpoolIsReplayedTheSinkSendsLiveAgain() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).spool(DIR, 1L << 20).spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(50, "down");
            assertThat(f.flush()).isTrue();
            f.server.up();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> f.stats().spooled() == 0 && f.stats().delivered() == 50);
            int records = disk.records();

            f.logMany(50, "up");
            assertThat(f.flush()).isTrue();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> f.stats().delivered() == 100);
            assertThat(disk.records()).isEqualTo(records).isZero();
            assertThat(f.stats().spooled()).isZero();
            // live again: two senders, so two requests at once may land in either order, as without a spool
            assertThat(messages(f.server.events()).subList(50, 100)).containsExactlyInAnyOrderElementsOf(Events.names(50, "up"));
        }
    }

    @Test
    void aTransientStatusSpoolsAtOnceInsteadOfRetryingInMemory() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).maxAttempts(100).maxBackoff(Duration.ofSeconds(30))
                .spool(DIR, 1L << 20).spoolOpener(disk::open))) {
            f.server.otherwise(dev.ringtail.testing.IngestServer.Behaviour.retryAfter(503, "30"));
            f.logMany(10, "busy");
            assertThat(f.flush()).as("the batch is on disk, not waiting 30 s for its retry").isTrue();
            assertThat(f.stats().spooled()).isEqualTo(10);
            assertThat(f.stats().failed()).isZero();
            // the live attempt, and perhaps the replay's first, which then waits its 30 s: nothing resent
            assertThat(f.stats().retried()).isZero();
            assertThat(f.server.requests()).hasSizeBetween(1, 2);
        }
    }

    @Test
    void eventsAnEarlierProcessLeftAreReplayedFirstAndCountedReplayed() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture first = SinkFixture.start(b -> b.maxEvents(10).spool(DIR, 1L << 20).spoolOpener(disk::open))) {
            first.server.down();
            first.logMany(40, "earlier");
            first.pipeline.shutdown(Duration.ofSeconds(5));
            assertThat(first.stats().spooled()).isEqualTo(40);
            assertThat(first.stats().failed()).isZero();
        }
        assertThat(disk.locked()).as("close let go of the directory").isFalse();

        try (SinkFixture next = SinkFixture.start(b -> b.maxEvents(10).spool(DIR, 1L << 20).spoolOpener(disk::open))) {
            next.logMany(25, "later");
            assertThat(next.flush()).isTrue();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> next.stats().delivered() == 25 && next.stats().spooled() == 0);

            SinkStats stats = next.stats();
            assertThat(stats.spool().orElseThrow().found()).isEqualTo(40);
            assertThat(stats.replayed()).isEqualTo(40);
            assertThat(stats.replayed(Level.INFO)).isEqualTo(40);
            assertThat(stats.delivered()).as("delivered excludes Replayed").isEqualTo(25);
            List<String> arrived = messages(next.server.events());
            assertThat(arrived.subList(0, 40)).as("the earlier events first").isEqualTo(Events.names(40, "earlier"));
            assertThat(arrived.subList(40, 65)).as("queued behind them on disk, so in order too")
                    .isEqualTo(Events.names(25, "later"));
            assertThat(next.stderr.text()).contains("holds 40 events left by its previous owner; replaying them");
            assertIdentity(next.pipeline.stats(), stats);
        }
    }

    /** {@code accepted + found == delivered + replayed + failed + spooled}, after a drain. */
    static void assertIdentity(PipelineStats pipeline, SinkStats sink) {
        long found = sink.spool().map(s -> s.found()).orElse(0L);
        assertThat(pipeline.accepted() + found).as(sink.toString())
                .isEqualTo(sink.delivered() + sink.replayed() + sink.failed() + sink.spooled());
    }

    static List<String> messages(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("message")).toList();
    }
}
