package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.SinkStats;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.MemorySpool;
import dev.ringtail.testing.Waiting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What goes wrong with a spool, and what the sink makes of it: a directory another process owns,
 * a disk that fails, a spool that fills, a torn record, an endpoint that hangs at shutdown, a
 * record the endpoint refuses for good. Each is counted, and said once on stderr; none stops the
 * sink.
 */
@Timeout(60)
class SpoolFaultsTest {

    @Test
    void aDirectoryAnotherProcessOwnsMeansNoSpoolUntilItLetsGo() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk().lockedByAnother();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).maxAttempts(2)
                .spool(SpoolOutageTest.DIR, 1L << 20).spoolOpener(disk::open))) {
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.stderr.text().contains("is in use"));
            Path dir = SpoolOutageTest.DIR.resolve("betterstack");
            assertThat(f.stderr.lines()).as("said once").filteredOn(l -> l.contains("is in use"))
                    .containsExactly("ringtail: betterstack: the spool " + dir + " is in use (" + dir + " is locked);"
                            + " running without a spool (events that cannot be delivered are counted failed, as without"
                            + " one), and trying again every second");
            f.server.down();
            f.logMany(10, "unspooled");
            assertThat(f.flush()).isTrue();
            assertThat(f.stats().failed()).as("retried in memory and given up on, as without a spool").isEqualTo(10);
            assertThat(f.stats().spool().orElseThrow().held()).isFalse();

            disk.release();
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.stats().spool().orElseThrow().held());
            assertThat(f.stderr.text()).contains("took over the spool");
            f.logMany(10, "spooled");
            assertThat(f.flush()).isTrue();
            assertThat(f.stats().spooled()).isEqualTo(10);
            assertThat(f.stats().failed()).isEqualTo(10);
        }
    }

    @Test
    void aDiskThatFailsCountsTheEventsFailedAndSaysWhyNeverBlocking() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk().failAppends(true);
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).spool(SpoolOutageTest.DIR, 1L << 20)
                .spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(100, "lost");
            assertThat(f.flush()).isTrue();
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isEqualTo(100);
            assertThat(stats.spooled()).isZero();
            assertThat(f.stderr.text()).contains("could not write 10 events to the spool (counted failed)")
                    .contains("No space left on device");
            SpoolOutageTest.assertIdentity(f.pipeline.stats(), stats);
        }
    }

    @Test
    void aDirectoryThatCannotBeOpenedMeansNoSpoolWithOneLine() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk().failOpen();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).maxAttempts(1).spool(SpoolOutageTest.DIR, 1L << 20)
                .spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(10, "unspooled");
            assertThat(f.flush()).isTrue();
            assertThat(f.stats().failed()).isEqualTo(10);
            assertThat(f.stderr.lines()).filteredOn(l -> l.contains("could not open the spool")).hasSize(1);
            assertThat(disk.opened()).as("not tried again: only a lock is worth waiting for").hasSize(1);
        }
    }

    @Test
    void aFullSpoolDeletesTheOldestEventsCountsThemFailedAndNeverPassesItsBound() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        long maxBytes = 16 * 1024;
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).spool(SpoolOutageTest.DIR, maxBytes)
                .spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(1_000, "full");
            assertThat(f.flush()).isTrue();
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isPositive();
            assertThat(stats.spooled()).isPositive();
            assertThat(disk.highWater()).isLessThanOrEqualTo(maxBytes);
            assertThat(f.stderr.text()).contains("is full (ringtail.spool.maxBytes=16384): deleted its oldest 10 events"
                    + " (counted failed, reason spool-full)");
            SpoolOutageTest.assertIdentity(f.pipeline.stats(), stats);

            f.server.up();
            long spooled = stats.spooled();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> f.stats().spooled() == 0);
            List<String> arrived = SpoolOutageTest.messages(f.server.events());
            List<String> newest = Events.names(1_000, "full").subList(1_000 - (int) spooled, 1_000);
            // The record the replay thread was retrying when the spool deleted it may still go out
            // (counted failed all the same, when it was deleted): at most that one batch more.
            assertThat(arrived.size() - newest.size()).isBetween(0, 10);
            assertThat(arrived.subList(arrived.size() - newest.size(), arrived.size())).as("the newest survive")
                    .isEqualTo(newest);
            SpoolOutageTest.assertIdentity(f.pipeline.stats(), f.stats());
        }
    }

    @Test
    void aTornRecordFoundAtStartIsCountedInBytesAndReported() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk().tornAtNextOpen(123);
        try (SinkFixture f = SinkFixture.start(b -> b.spool(SpoolOutageTest.DIR, 1L << 20).spoolOpener(disk::open))) {
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.stats().spool().orElseThrow().held());
            assertThat(f.stats().spool().orElseThrow().tornBytes()).isEqualTo(123);
            assertThat(f.stderr.text()).contains("skipped 123 bytes of a torn record in spool segment 00000001.seg");
        }
    }

    @Test
    void whileSpoolingTheSpoolIsSyncedAboutOnceASecondNotPerBatch() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).spool(SpoolOutageTest.DIR, 1L << 20)
                .spoolOpener(disk::open))) {
            f.server.down();
            long start = System.nanoTime();
            f.logMany(500, "synced");
            assertThat(f.flush()).isTrue();
            Waiting.atMost(Duration.ofSeconds(5)).until(() -> disk.syncs() >= 1);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(disk.records()).isEqualTo(50);
            assertThat(disk.syncs()).as("at most one a second, not one per record").isLessThanOrEqualTo((int) seconds + 2);
        }
    }

    @Test
    void aReplayedRecordTheEndpointRefusesForGoodIsRemovedAndCountedFailed() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).spool(SpoolOutageTest.DIR, 1L << 20)
                .spoolOpener(disk::open))) {
            f.server.down();
            f.logMany(30, "refused");
            assertThat(f.flush()).isTrue();
            f.server.then(IngestServer.Behaviour.status(400, "bad"));
            f.server.up();
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> f.stats().spooled() == 0);
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isEqualTo(10);
            assertThat(stats.delivered()).isEqualTo(20);
            assertThat(SpoolOutageTest.messages(f.server.events())).isEqualTo(Events.names(30, "refused").subList(10, 30));
            SpoolOutageTest.assertIdentity(f.pipeline.stats(), stats);
        }
    }

    @Test
    void atTheCloseDeadlineRequestsThatHangAreSpooledNotFailedAndTheNextStartSendsThem() throws Exception {
        MemorySpool.Disk disk = new MemorySpool.Disk();
        try (SinkFixture f = SinkFixture.start(b -> b.maxEvents(10).maxInFlight(2).timeout(Duration.ofSeconds(30))
                .spool(SpoolOutageTest.DIR, 1L << 20).spoolOpener(disk::open))) {
            f.server.stall();
            f.logMany(25, "hanging");
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> f.server.requests().size() >= 2);

            long started = System.nanoTime();
            f.pipeline.shutdown(Duration.ofMillis(500));
            assertThat((System.nanoTime() - started) / 1_000_000).as("within the deadline").isLessThan(3_000);
            SinkStats stats = f.stats();
            assertThat(stats.failed()).isZero();
            assertThat(stats.spooled()).isEqualTo(25).isEqualTo(disk.events());
            assertThat(f.stderr.text()).contains("close deadline passed with 25 events still out; written to the spool")
                    .doesNotContain("counted failed");
        }
        try (SinkFixture next = SinkFixture.start(b -> b.spool(SpoolOutageTest.DIR, 1L << 20).spoolOpener(disk::open))) {
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> next.stats().replayed() == 25);
            assertThat(SpoolOutageTest.messages(next.server.events())).isEqualTo(Events.names(25, "hanging"));
        }
    }
}
