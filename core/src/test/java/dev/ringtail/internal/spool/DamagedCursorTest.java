package dev.ringtail.internal.spool;

import static dev.ringtail.internal.spool.CursorTest.MAX;
import static dev.ringtail.internal.spool.CursorTest.PER_SEGMENT;
import static dev.ringtail.internal.spool.CursorTest.events;
import static dev.ringtail.internal.spool.CursorTest.offsetOf;
import static dev.ringtail.internal.spool.CursorTest.range;
import static dev.ringtail.internal.spool.CursorTest.readAll;
import static dev.ringtail.internal.spool.CursorTest.remove;
import static dev.ringtail.internal.spool.CursorTest.write;
import static dev.ringtail.internal.spool.Payloads.segments;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cursor file that is not a position of this directory's records (damaged, torn, stale, or
 * pointing inside a record) is ignored, never an error: its segment comes back from the start,
 * every record of it, and the spool goes on.
 */
class DamagedCursorTest {
    private static final int RECORDS = 20; // one segment whole, and 6 records of the next

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();

    /** What is done to the cursor file of a spool whose first 5 records were removed. */
    interface Damage {
        void apply(Path dir) throws IOException;
    }

    static Stream<Named<Damage>> damages() {
        return Stream.of(
                Named.of("garbage", dir -> Files.write(cursor(dir), filled(Cursor.BYTES, (byte) 0x5a))),
                Named.of("zeros", dir -> Files.write(cursor(dir), new byte[Cursor.BYTES])),
                Named.of("a wrong CRC", dir -> flip(dir, Cursor.BYTES - 1)),
                Named.of("a flipped offset bit", dir -> flip(dir, 15)),
                Named.of("a flipped segment id bit", dir -> flip(dir, 7)),
                Named.of("torn, 19 of 20 bytes", dir -> truncate(dir, Cursor.BYTES - 1)),
                Named.of("torn, 8 bytes", dir -> truncate(dir, 8)),
                Named.of("empty", dir -> truncate(dir, 0)),
                Named.of("a byte too long", dir -> Files.write(cursor(dir), new byte[1], StandardOpenOption.APPEND)),
                Named.of("a segment that does not exist", dir -> position(dir, 7, offsetOf(5))),
                Named.of("an offset one past a record's start", dir -> position(dir, 0, offsetOf(5) + 1)),
                Named.of("an offset one before a record's start", dir -> position(dir, 0, offsetOf(5) - 1)),
                Named.of("an offset at a record's payload", dir -> position(dir, 0, offsetOf(5) + RecordFormat.HEADER)),
                Named.of("an offset inside the segment header", dir -> position(dir, 0, 4)),
                Named.of("offset 0", dir -> position(dir, 0, 0)),
                Named.of("a negative offset", dir -> position(dir, 0, -offsetOf(5))),
                Named.of("an offset past the file", dir -> position(dir, 0, offsetOf(PER_SEGMENT + 1))),
                Named.of("a directory", dir -> {
                    Files.delete(cursor(dir));
                    Files.createDirectory(cursor(dir));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aCursorThatIsNotAPositionIsIgnoredAndTheSegmentComesBackFromItsStart(Damage damage) throws Exception {
        write(dir, 0, RECORDS);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(remove(spool, 5)).isEqualTo(range(0, 5));
        }
        assertThat(Cursor.read(dir)).isEqualTo(new Cursor.Position(0, offsetOf(5)));
        damage.apply(dir);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isEqualTo(events(0, RECORDS));
            assertThat(readAll(spool, true)).as("at-least-once: the removed ones too").isEqualTo(range(0, RECORDS));
            assertThat(spool.events()).isZero();
        }
        assertThat(recorder.torn()).isEmpty();
        assertThat(recorder.lost()).containsOnly(0);
        if (!Files.isDirectory(cursor(dir))) {
            assertThat(recorder.failures()).isEmpty();
            assertThat(Cursor.read(dir)).as("written anew at close").isNotNull();
        }
    }

    @Test
    void theSegmentsStartIsAPositionToo() throws Exception {
        write(dir, 0, RECORDS);
        position(dir, 0, offsetOf(0));
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(readAll(spool, true)).isEqualTo(range(0, RECORDS));
        }
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void aCursorPastATornRecordIsIgnoredAndWhatIsIntactComesBack() throws Exception {
        write(dir, 0, RECORDS);
        position(dir, 0, offsetOf(5));
        Path first = segments(dir).get(0);
        try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x7f}), offsetOf(3) + RecordFormat.HEADER + 10);
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            List<Integer> expected = new ArrayList<>(range(0, 3));
            expected.addAll(range(PER_SEGMENT, RECORDS));
            assertThat(readAll(spool, true)).isEqualTo(expected);
        }
        assertThat(recorder.torn()).singleElement().extracting(Recorder.Torn::segment)
                .isEqualTo(first.getFileName().toString());
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void aCursorInTheSecondSegmentLeavesAnOlderOneLeftOnDiskWhole() throws Exception {
        write(dir, 0, RECORDS);
        position(dir, 1, offsetOf(2)); // as if the first one's deletion had failed
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isEqualTo(events(0, PER_SEGMENT) + events(PER_SEGMENT + 2, RECORDS));
            List<Integer> expected = new ArrayList<>(range(0, PER_SEGMENT));
            expected.addAll(range(PER_SEGMENT + 2, RECORDS));
            assertThat(readAll(spool, true)).isEqualTo(expected);
        }
        assertThat(recorder.failures()).isEmpty();
    }

    private static Path cursor(Path dir) {
        return dir.resolve(Cursor.FILE_NAME);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static void flip(Path dir, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(cursor(dir));
        bytes[at] ^= 0x01;
        Files.write(cursor(dir), bytes);
    }

    private static void truncate(Path dir, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(cursor(dir), StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    /** A cursor file that is intact, its CRC right, naming this position. */
    private static void position(Path dir, long segment, long offset) throws IOException {
        ByteBuffer bytes = Cursor.encode(new Cursor.Position(segment, offset));
        Files.write(cursor(dir), Arrays.copyOf(bytes.array(), bytes.remaining()));
    }
}
