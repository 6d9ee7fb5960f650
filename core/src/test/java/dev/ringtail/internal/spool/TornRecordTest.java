package dev.ringtail.internal.spool;

import static dev.ringtail.internal.spool.Payloads.append;
import static dev.ringtail.internal.spool.Payloads.events;
import static dev.ringtail.internal.spool.Payloads.numberOf;
import static dev.ringtail.internal.spool.Payloads.segments;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment damaged after it was written (a crash mid-write, a lost page, rot): from the first
 * record that fails its check to the end of that segment nothing is ever returned, what is
 * skipped is reported once with its size, and every record before it, and in other segments,
 * still comes back byte for byte.
 */
class TornRecordTest {
    private static final long MAX = 16L * 1024 * 1024;
    private static final int RECORDS = 10;

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();

    private static int size(int n) {
        return 1_000 + 37 * n;
    }

    /** Where record {@code n} of {@link #writeRecords} starts in its segment. */
    private static long offsetOf(int n) {
        long offset = RecordFormat.SEGMENT_HEADER;
        for (int i = 0; i < n; i++) {
            offset += RecordFormat.recordBytes(size(i));
        }
        return offset;
    }

    private Path writeRecords(int from) throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < RECORDS; n++) {
                assertThat(append(spool, from + n, size(n))).isTrue();
            }
        }
        List<Path> segments = segments(dir);
        return segments.get(segments.size() - 1);
    }

    @Test
    void aLastRecordCutShortIsSkipped() throws Exception {
        Path segment = writeRecords(0);
        long cut = offsetOf(RECORDS - 1) + RecordFormat.HEADER + size(RECORDS - 1) / 2;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }
        assertReadBackAfterReopen(IntStream.range(0, RECORDS - 1).boxed().toList(),
                new Recorder.Torn(cut - offsetOf(RECORDS - 1), segment.getFileName().toString()));
    }

    @Test
    void aRecordCutInsideItsHeaderIsSkipped() throws Exception {
        Path segment = writeRecords(0);
        long cut = offsetOf(RECORDS - 1) + 5;
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }
        assertReadBackAfterReopen(IntStream.range(0, RECORDS - 1).boxed().toList(),
                new Recorder.Torn(5, segment.getFileName().toString()));
    }

    @Test
    void aFlippedPayloadByteSkipsTheRestOfItsSegment() throws Exception {
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        flip(segment, offsetOf(5) + RecordFormat.HEADER + 123);
        assertReadBackAfterReopen(List.of(0, 1, 2, 3, 4), new Recorder.Torn(size - offsetOf(5), segment.getFileName().toString()));
    }

    @Test
    void aFlippedCountIsCaughtByTheChecksumToo() throws Exception {
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        flip(segment, offsetOf(3) + 8 + 4 * 2); // the INFO count
        assertReadBackAfterReopen(List.of(0, 1, 2), new Recorder.Torn(size - offsetOf(3), segment.getFileName().toString()));
    }

    @Test
    void aGarbageLengthPointingPastTheFileIsSkipped() throws Exception {
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        writeInt(segment, offsetOf(7), Integer.MAX_VALUE);
        assertReadBackAfterReopen(List.of(0, 1, 2, 3, 4, 5, 6), new Recorder.Torn(size - offsetOf(7), segment.getFileName().toString()));
    }

    @Test
    void aGarbageLengthInsideTheFileFailsTheChecksum() throws Exception {
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        writeInt(segment, offsetOf(4), 3);
        assertReadBackAfterReopen(List.of(0, 1, 2, 3), new Recorder.Torn(size - offsetOf(4), segment.getFileName().toString()));
    }

    @Test
    void aNegativeLengthIsSkipped() throws Exception {
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        writeInt(segment, offsetOf(2), -8);
        assertReadBackAfterReopen(List.of(0, 1), new Recorder.Torn(size - offsetOf(2), segment.getFileName().toString()));
    }

    @Test
    void zerosWhereARecordShouldBeAreSkipped() throws Exception {
        // what a file system may leave after a power loss: the size grew, the data never came
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(100), size);
        }
        assertReadBackAfterReopen(IntStream.range(0, RECORDS).boxed().toList(),
                new Recorder.Torn(100, segment.getFileName().toString()));
    }

    @Test
    void aSegmentWithoutTheFormatsHeaderIsSkippedWhole() throws Exception {
        Path segment = writeRecords(0);
        long size = java.nio.file.Files.size(segment);
        flip(segment, 2);
        assertReadBackAfterReopen(List.of(), new Recorder.Torn(size, segment.getFileName().toString()));
        assertThat(segments(dir)).as("nothing in it to keep").isEmpty();
    }

    @Test
    void damageInAnOlderSegmentCostsOnlyThatSegmentsTail() throws Exception {
        Path older = writeRecords(0);
        writeRecords(RECORDS);
        long size = java.nio.file.Files.size(older);
        flip(older, offsetOf(2) + RecordFormat.HEADER);
        List<Integer> expected = new ArrayList<>(List.of(0, 1));
        IntStream.range(RECORDS, 2 * RECORDS).forEach(expected::add);
        assertReadBackAfterReopen(expected, new Recorder.Torn(size - offsetOf(2), older.getFileName().toString()));
    }

    @Test
    void corruptionFoundAtReadTimeIsSkippedAndItsEventsCountedLost() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < RECORDS; n++) {
                append(spool, n, size(n));
            }
            Path segment = segments(dir).get(0);
            flip(segment, offsetOf(6) + RecordFormat.HEADER + 1); // after open, behind the spool's back
            List<Integer> read = new ArrayList<>();
            for (Spool.Record record = spool.peek(); record != null && read.size() <= RECORDS; record = spool.peek()) {
                read.add(numberOf(record));
                assertThat(spool.remove(record)).isTrue();
            }
            assertThat(read).containsExactly(0, 1, 2, 3, 4, 5);
            long[] lost = new long[5];
            IntStream.range(6, RECORDS).forEach(n -> Payloads.addTo(lost, n));
            assertThat(recorder.lost()).isEqualTo(lost);
            assertThat(recorder.torn()).containsExactly(
                    new Recorder.Torn(offsetOf(RECORDS) - offsetOf(6), segment.getFileName().toString()));
            assertThat(spool.events()).isZero();
            assertThat(append(spool, 100, 50)).as("appending goes on, in a new segment").isTrue();
            assertThat(numberOf(spool.peek())).isEqualTo(100);
        }
    }

    private void assertReadBackAfterReopen(List<Integer> expected, Recorder.Torn torn) throws Exception {
        Recorder reopened = new Recorder();
        try (Spool spool = Spool.open(dir, MAX, reopened)) {
            assertThat(reopened.torn()).as("reported at open, once").containsExactly(torn);
            assertThat(spool.found()).isEqualTo(expected.stream().mapToLong(Payloads::events).sum());
            assertThat(append(spool, 1_000, 10)).isTrue();
            List<Integer> read = new ArrayList<>();
            for (Spool.Record record = spool.peek(); record != null && read.size() <= 3 * RECORDS; record = spool.peek()) {
                read.add(numberOf(record)); // every byte checked: nothing read back is damaged
                assertThat(spool.remove(record)).isTrue();
            }
            List<Integer> all = new ArrayList<>(expected);
            all.add(1_000);
            assertThat(read).isEqualTo(all);
            assertThat(spool.events()).isZero();
            assertThat(reopened.torn()).as("and never again").hasSize(1);
            assertThat(reopened.lost()).containsOnly(0);
        }
        assertThat(reopened.failures()).isEmpty();
    }

    private static void flip(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x40));
            one.rewind();
            channel.write(one, position);
        }
    }

    private static void writeInt(Path file, long position, int value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).putInt(0, value), position);
        }
    }
}
