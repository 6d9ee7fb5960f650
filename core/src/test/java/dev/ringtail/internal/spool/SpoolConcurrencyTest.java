package dev.ringtail.internal.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.testing.Races;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sender threads appending while the replay thread reads: every record read once, each thread's in its order. */
class SpoolConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int RECORDS = 10_000;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsAreReadExactlyOnceInEachThreadsOrder() throws Exception {
        Recorder recorder = new Recorder();
        long[] read = new long[Level.count()];
        int[] next = new int[WRITERS];
        AtomicLong lowestEventsSeen = new AtomicLong();
        try (Spool spool = Spool.open(dir, 64L * 1024 * 1024, recorder)) {
            List<Runnable> tasks = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                tasks.add(() -> {
                    for (int seq = 0; seq < RECORDS; seq++) {
                        byte[] payload = ByteBuffer.allocate(8).putInt(writer).putInt(seq).array();
                        int[] perLevel = new int[Level.count()];
                        perLevel[seq % Level.count()] = 1 + writer;
                        assertThat(spool.append(payload, 0, payload.length, perLevel)).isTrue();
                    }
                });
            }
            tasks.add(() -> {
                int total = 0;
                long deadline = System.nanoTime() + Races.TIMEOUT.toNanos();
                while (total < WRITERS * RECORDS && System.nanoTime() < deadline) {
                    lowestEventsSeen.accumulateAndGet(spool.events(), Math::min); // read without the lock
                    Spool.Record record = spool.peek();
                    if (record == null) {
                        Thread.yield(); // the writers are behind: nothing to wait on but them
                        continue;
                    }
                    ByteBuffer payload = ByteBuffer.wrap(record.bytes());
                    int writer = payload.getInt();
                    int seq = payload.getInt();
                    assertThat(seq).as("writer %d's next record", writer).isEqualTo(next[writer]);
                    next[writer]++;
                    int[] perLevel = record.perLevel();
                    assertThat(perLevel[seq % Level.count()]).isEqualTo(1 + writer);
                    for (int i = 0; i < perLevel.length; i++) {
                        read[i] += perLevel[i];
                    }
                    assertThat(spool.remove(record)).isTrue();
                    total++;
                }
            });
            Races.all(tasks);
            assertThat(next).containsOnly(RECORDS);
            assertThat(spool.peek()).isNull();
            assertThat(spool.events()).isZero();
            assertThat(spool.bytes()).isEqualTo(Payloads.bytesOnDisk(dir));
        }
        long perLevel = (long) RECORDS / Level.count() * (1 + 2 + 3 + 4);
        assertThat(read).containsOnly(perLevel);
        assertThat(lowestEventsSeen.get()).isZero();
        assertThat(recorder.failures()).isEmpty();
        assertThat(recorder.droppedReports()).isZero();
    }
}
