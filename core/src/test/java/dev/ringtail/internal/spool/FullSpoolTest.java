package dev.ringtail.internal.spool;

import static dev.ringtail.internal.spool.Payloads.addTo;
import static dev.ringtail.internal.spool.Payloads.append;
import static dev.ringtail.internal.spool.Payloads.bytesOnDisk;
import static dev.ringtail.internal.spool.Payloads.numberOf;
import static dev.ringtail.internal.spool.Payloads.segments;
import static dev.ringtail.internal.spool.Payloads.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool given far more than it holds: it never takes more than {@code maxBytes} on disk, it
 * keeps the newest records, and every event it deleted is reported, exactly, per level.
 */
class FullSpoolTest {
    private static final long MAX = 256 * 1024; // segments of 64 KiB, the smallest

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();

    @Test
    void aFullSpoolDeletesTheOldestAndCountsEveryEventItDeleted() throws Exception {
        long[] appended = new long[Level.count()];
        long[] removed = new long[Level.count()];
        List<Integer> read = new ArrayList<>();
        int last = 2_000;
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < last; n++) {
                assertThat(append(spool, n, 900 + n % 300)).as("append %d", n).isTrue();
                addTo(appended, n);
                assertThat(spool.bytes()).as("after append %d", n).isLessThanOrEqualTo(MAX).isEqualTo(bytesOnDisk(dir));
                if (n % 7 == 0) { // the replay thread takes some now and then: partly read segments get deleted too
                    Spool.Record record = spool.peek();
                    int taken = numberOf(record);
                    assertThat(spool.remove(record)).isTrue();
                    addTo(removed, taken);
                    read.add(taken);
                }
                assertThat(spool.events()).isEqualTo(sum(appended) - sum(removed) - sum(recorder.dropped()));
            }
            assertThat(recorder.droppedReports()).as("a full spool deleted segments").isGreaterThan(10);
            List<Integer> remaining = new ArrayList<>();
            for (Spool.Record record = spool.peek(); record != null && remaining.size() < last; record = spool.peek()) {
                int n = numberOf(record);
                remaining.add(n);
                addTo(removed, n);
                assertThat(spool.remove(record)).isTrue();
            }
            int first = remaining.get(0);
            assertThat(remaining).as("the newest, in order").isEqualTo(java.util.stream.IntStream.range(first, last).boxed().toList());
            assertThat(first).as("most were deleted").isGreaterThan(last / 2);
            assertThat(read).as("what was read before is older and in order").isSorted().allMatch(n -> n < first);
            assertThat(spool.events()).isZero();
        }
        long[] accounted = recorder.dropped();
        for (int i = 0; i < accounted.length; i++) {
            accounted[i] += removed[i];
        }
        assertThat(accounted).as("dropped + removed, per level").isEqualTo(appended);
        assertThat(recorder.droppedEarlier()).containsOnly(0);
        assertThat(recorder.failures()).isEmpty();
        assertThat(segments(dir)).isEmpty();
    }

    @Test
    void aFullSpoolDeletesAnEarlierProcessesSegmentsFirstAndSaysSo() throws Exception {
        long[] earlier = new long[Level.count()];
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < 100; n++) {
                append(spool, n, 1_000);
                addTo(earlier, n);
            }
        }
        Recorder reopened = new Recorder();
        try (Spool spool = Spool.open(dir, MAX, reopened)) {
            for (int n = 100; n < 1_000; n++) {
                assertThat(append(spool, n, 1_000)).isTrue();
                assertThat(spool.bytes()).isLessThanOrEqualTo(MAX);
            }
            assertThat(reopened.droppedEarlier()).isEqualTo(earlier);
            assertThat(spool.peek().earlier()).isFalse();
        }
    }

    @Test
    void aRecordLargerThanTheSpoolIsRefusedAndNothingIsDeleted() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < 10; n++) {
                append(spool, n, 10_000);
            }
            long events = spool.events();
            long bytes = spool.bytes();
            int tooLarge = (int) (MAX - RecordFormat.SEGMENT_HEADER - RecordFormat.HEADER + 1);
            assertThat(append(spool, 99, tooLarge)).isFalse();
            assertThat(append(spool, 99, 10 * 1024 * 1024)).isFalse();
            assertThat(spool.events()).isEqualTo(events);
            assertThat(spool.bytes()).isEqualTo(bytes).isEqualTo(bytesOnDisk(dir));
            assertThat(numberOf(spool.peek())).isZero();
            assertThat(recorder.droppedReports()).isZero();
            assertThat(recorder.failures()).isEmpty();

            int fits = tooLarge - 1; // exactly maxBytes with its segment header: everything else must go
            assertThat(append(spool, 100, fits)).isTrue();
            assertThat(spool.bytes()).isEqualTo(MAX).isEqualTo(bytesOnDisk(dir));
            assertThat(sum(recorder.dropped())).isEqualTo(events);
            assertThat(numberOf(spool.peek())).isEqualTo(100);
            assertThat(append(spool, 101, 1)).as("and the next one replaces it").isTrue();
            assertThat(spool.bytes()).isLessThanOrEqualTo(MAX).isEqualTo(bytesOnDisk(dir));
        }
    }

    @Test
    void aRecordDeletedWhilePeekedCannotBeRemovedAndIsCountedOnce() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            append(spool, 0, 1_000);
            Spool.Record peeked = spool.peek();
            assertThat(numberOf(peeked)).isZero();
            long[] appended = new long[Level.count()];
            addTo(appended, 0);
            int n = 1;
            while (recorder.droppedReports() == 0 && n < 10_000) {
                append(spool, n, 1_000);
                addTo(appended, n++);
            }
            assertThat(recorder.droppedReports()).isOne();
            assertThat(spool.remove(peeked)).as("its segment is gone").isFalse();
            Spool.Record next = spool.peek();
            int oldest = numberOf(next);
            assertThat(oldest).isGreaterThan(0);
            long[] dropped = new long[Level.count()];
            for (int i = 0; i < oldest; i++) {
                addTo(dropped, i);
            }
            assertThat(recorder.dropped()).as("the peeked record among them, once").isEqualTo(dropped);
            assertThat(spool.remove(next)).isTrue();
            assertThat(spool.events()).isEqualTo(sum(appended) - sum(dropped) - Payloads.events(oldest));
        }
    }

    @Test
    void theSegmentBeingWrittenGoesTooWhenItIsTheOnlyOneLeft() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(append(spool, 0, 65_000)).isTrue(); // its segment (64 KiB = 65,536) is not full yet
            assertThat(append(spool, 1, 200_000)).as("the first record, alone in its segment, has to go").isTrue();
            assertThat(sum(recorder.dropped())).isEqualTo(Payloads.events(0));
            assertThat(numberOf(spool.peek())).isEqualTo(1);
            assertThat(segments(dir)).hasSize(1);
            assertThat(spool.bytes()).isEqualTo(bytesOnDisk(dir));
        }
    }
}
