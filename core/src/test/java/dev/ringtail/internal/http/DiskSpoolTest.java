package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.SinkStats;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink on the real segment store: what one sink spooled to disk while the endpoint was down,
 * the next sink on the same directory replays; and while one sink owns the directory, a second
 * one in the same JVM runs without it and takes it over once the first let go.
 */
@Timeout(60)
class DiskSpoolTest {
    @TempDir
    Path dir;

    @Test
    void whatOneSinkSpooledToDiskTheNextOneOnTheDirectoryReplays() throws Exception {
        try (SinkFixture first = SinkFixture.start(b -> b.maxEvents(100).spool(dir, 8L << 20))) {
            first.server.down();
            first.logMany(1_000, "disk");
            first.pipeline.shutdown(Duration.ofSeconds(5));
            assertThat(first.stats().spooled()).isEqualTo(1_000);
            assertThat(first.stats().spool().orElseThrow().bytes()).isPositive().isLessThanOrEqualTo(8L << 20);
        }
        assertThat(segments(dir.resolve("betterstack"))).isPositive();

        try (SinkFixture next = SinkFixture.start(b -> b.maxEvents(100).spool(dir, 8L << 20))) {
            Waiting.atMost(Duration.ofSeconds(30)).until(() -> next.stats().replayed() == 1_000);
            SinkStats stats = next.stats();
            assertThat(stats.spool().orElseThrow().found()).isEqualTo(1_000);
            assertThat(stats.spooled()).isZero();
            assertThat(stats.failed()).isZero();
            assertThat(SpoolOutageTest.messages(next.server.events())).isEqualTo(Events.names(1_000, "disk"));
        }
    }

    @Test
    void aSecondSinkOnTheSameDirectoryRunsWithoutItUntilTheFirstLetsGo() throws Exception {
        try (SinkFixture owner = SinkFixture.start(b -> b.spool(dir, 8L << 20));
             SinkFixture second = SinkFixture.start(b -> b.spool(dir, 8L << 20))) {
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> owner.stats().spool().orElseThrow().held()
                    || second.stats().spool().orElseThrow().held());
            SinkFixture waiting = owner.stats().spool().orElseThrow().held() ? second : owner;
            SinkFixture holding = waiting == owner ? second : owner;
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> waiting.stderr.text().contains("is in use"));
            assertThat(waiting.stderr.text()).contains("already open in this process").contains("running without a spool");

            holding.pipeline.shutdown(Duration.ofSeconds(5));
            Waiting.atMost(Duration.ofSeconds(10)).until(() -> waiting.stats().spool().orElseThrow().held());
            assertThat(waiting.stderr.text()).contains("took over the spool " + dir.resolve("betterstack"));
        }
    }

    private static long segments(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".seg")).count();
        }
    }
}
