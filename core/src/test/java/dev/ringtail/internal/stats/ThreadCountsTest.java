package dev.ringtail.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringtail.Level;
import dev.ringtail.testing.Races;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadCountsTest {
    private final ThreadCounts counts = new ThreadCounts();

    @Test
    void manyThreadsCountExactlyWhileTheSumsAreRead() throws InterruptedException {
        int threads = 8;
        int perThread = 200_000;
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Level level = Level.ofOrdinal(t % Level.count());
            tasks.add(() -> {
                ThreadCounts.Cell cell = counts.newCell(Thread.currentThread());
                for (int i = 0; i < perThread; i++) {
                    cell.increment(level);
                }
            });
        }
        long[] seen = new long[Level.count()];
        tasks.add(() -> { // a reader while they count: the sums only ever grow
            for (int i = 0; i < 1_000; i++) {
                long[] now = counts.sums();
                for (int l = 0; l < now.length; l++) {
                    assertThat(now[l]).isGreaterThanOrEqualTo(seen[l]);
                    seen[l] = now[l];
                }
            }
        });
        Races.all(tasks);

        long[] sums = counts.sums();
        for (int l = 0; l < sums.length; l++) {
            long expected = 0;
            for (int t = 0; t < threads; t++) {
                expected += t % Level.count() == l ? perThread : 0;
            }
            assertThat(sums[l]).as(Level.ofOrdinal(l).name()).isEqualTo(expected);
        }
    }

    @Test
    void aCollectedThreadsCountsAreKeptAndItsCellLetGo() throws InterruptedException {
        int threads = 50;
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                ThreadCounts.Cell cell = counts.newCell(Thread.currentThread());
                for (int i = 0; i < 1_000; i++) {
                    cell.increment(Level.WARN);
                }
            });
            thread.start();
            thread.join();
        }
        assertThat(counts.sums()[Level.WARN.ordinal()]).isEqualTo(threads * 1_000L);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc(); // the threads are dead and unreferenced: a collection clears their cells
            return counts.cells() == 0;
        });
        assertThat(counts.sums()[Level.WARN.ordinal()]).isEqualTo(threads * 1_000L);
        assertThat(counts.sums()[Level.INFO.ordinal()]).isZero();
    }
}
