package dev.ringtail.internal.spool;

import static dev.ringtail.internal.spool.Payloads.append;
import static dev.ringtail.internal.spool.Payloads.bytesOnDisk;
import static dev.ringtail.internal.spool.Payloads.events;
import static dev.ringtail.internal.spool.Payloads.numberOf;
import static dev.ringtail.internal.spool.Payloads.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records go in and come back out, in order and intact, within one process and across a restart. */
class SegmentSpoolTest {
    private static final long MAX = 16L * 1024 * 1024;

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();

    @Test
    void recordsComeBackInOrderWithTheirBytesAndCounts() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.peek()).isNull();
            assertThat(spool.events()).isZero();
            assertThat(spool.bytes()).isZero();
            long events = 0;
            long bytes = RecordFormat.SEGMENT_HEADER;
            int[] sizes = {0, 1, 100, 5_000, 300_000, 17};
            for (int n = 0; n < sizes.length; n++) {
                assertThat(append(spool, n, sizes[n])).isTrue();
                events += events(n);
                bytes += RecordFormat.recordBytes(sizes[n]);
                assertThat(spool.events()).isEqualTo(events);
                assertThat(spool.bytes()).isEqualTo(bytes).isEqualTo(bytesOnDisk(dir));
            }
            for (int n = 0; n < sizes.length; n++) {
                Spool.Record record = spool.peek();
                assertThat(spool.peek()).as("peek again, nothing removed").isSameAs(record);
                assertThat(record.bytes()).hasSize(sizes[n]);
                if (sizes[n] >= 4) {
                    assertThat(numberOf(record)).isEqualTo(n);
                }
                assertThat(record.perLevel()).isEqualTo(Payloads.perLevel(n));
                assertThat(record.earlier()).isFalse();
                assertThat(spool.remove(record)).isTrue();
                assertThat(spool.remove(record)).as("removed once only").isFalse();
                events -= events(n);
                assertThat(spool.events()).isEqualTo(events);
            }
            assertThat(spool.peek()).isNull();
            assertThat(spool.events()).isZero();
            assertThat(spool.found()).isZero();
        }
        assertThat(segments(dir)).as("nothing left to keep").isEmpty();
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void aRecordTakesItsPayloadRangeOnly() throws Exception {
        byte[] buffer = new byte[100];
        byte[] inner = Payloads.payload(7, 40);
        System.arraycopy(inner, 0, buffer, 30, 40);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.append(buffer, 30, 40, Payloads.perLevel(7))).isTrue();
            assertThat(numberOf(spool.peek())).isEqualTo(7);
        }
    }

    @Test
    void recordsOfAnEarlierProcessComeBackFirstMarkedEarlier() throws Exception {
        long written = 0;
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < 50; n++) {
                assertThat(append(spool, n, 10_000)).isTrue();
                written += events(n);
            }
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isEqualTo(written);
            assertThat(spool.events()).isEqualTo(written);
            assertThat(spool.bytes()).isEqualTo(bytesOnDisk(dir));
            for (int n = 50; n < 60; n++) {
                assertThat(append(spool, n, 10_000)).isTrue();
            }
            assertThat(spool.found()).as("found stays what was found at open").isEqualTo(written);
            List<Integer> read = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Spool.Record record = spool.peek();
                int n = numberOf(record);
                assertThat(record.earlier()).as("record %d", n).isEqualTo(n < 50);
                read.add(n);
                assertThat(spool.remove(record)).isTrue();
            }
            assertThat(read).isEqualTo(java.util.stream.IntStream.range(0, 60).boxed().toList());
            assertThat(spool.peek()).isNull();
        }
        assertThat(recorder.torn()).isEmpty();
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void afterACleanRestartReadingResumesWhereItStoodInAPartlyRemovedSegment() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < 5; n++) {
                append(spool, n, 100);
            }
            assertThat(spool.remove(spool.peek())).isTrue();
            assertThat(spool.remove(spool.peek())).isTrue();
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(numberOf(spool.peek())).as("what was removed is not sent again").isEqualTo(2);
            assertThat(spool.found()).isEqualTo(events(2) + events(3) + events(4));
        }
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void appendingAfterARestartStartsANewSegmentAndNeverWritesAnOldOne() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            append(spool, 0, 100);
        }
        Path first = segments(dir).get(0);
        byte[] before = Files.readAllBytes(first);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            append(spool, 1, 100);
        }
        assertThat(segments(dir)).hasSize(2).first().isEqualTo(first);
        assertThat(Files.readAllBytes(first)).isEqualTo(before);
        assertThat(segments(dir).get(1).getFileName().toString()).isEqualTo("0000000000000001.seg");
    }

    @Test
    void leftoverEmptyAndHeaderOnlySegmentsAreDeletedAtOpen() throws Exception {
        Files.write(dir.resolve("0000000000000003.seg"), new byte[0]);
        Files.write(dir.resolve("0000000000000004.seg"), RecordFormat.MAGIC);
        Files.write(dir.resolve("0000000000000005.seg"), new byte[] {'R', 'T'});
        Files.writeString(dir.resolve("notes.txt"), "not a segment");
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isZero();
            assertThat(spool.bytes()).isZero();
            assertThat(segments(dir)).isEmpty();
            append(spool, 0, 10);
            assertThat(segments(dir)).singleElement().extracting(p -> p.getFileName().toString())
                    .as("ids keep increasing past the deleted ones").isEqualTo("0000000000000006.seg");
        }
        assertThat(dir.resolve("notes.txt")).exists();
        assertThat(recorder.torn()).isEmpty();
    }

    @Test
    void openCreatesTheDirectoryOrSaysWhyNot() throws Exception {
        Path nested = dir.resolve("a/b/spool");
        try (Spool spool = Spool.open(nested, MAX, recorder)) {
            assertThat(append(spool, 0, 10)).isTrue();
        }
        assertThat(nested.resolve("lock")).exists();
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Spool.open(file.resolve("spool"), MAX, recorder)).isInstanceOf(IOException.class);
    }

    @Test
    void aSecondSpoolOnTheSameDirectoryInThisProcessIsRefusedUntilTheFirstCloses() throws Exception {
        Spool first = Spool.open(dir, MAX, recorder);
        append(first, 0, 10);
        assertThatThrownBy(() -> Spool.open(dir, MAX, recorder)).isInstanceOf(SpoolLockedException.class)
                .hasMessageContaining(dir.toString());
        assertThat(first.append(Payloads.payload(1, 10), 0, 10, Payloads.perLevel(1))).as("the owner is unharmed").isTrue();
        first.close();
        try (Spool second = Spool.open(dir, MAX, recorder)) {
            assertThat(numberOf(second.peek())).isZero();
            assertThat(second.found()).isEqualTo(events(0) + events(1));
        }
    }

    @Test
    void nothingThrowsAfterClose() throws Exception {
        Spool spool = Spool.open(dir, MAX, recorder);
        append(spool, 0, 10);
        Spool.Record peeked = spool.peek();
        spool.close();
        assertThat(append(spool, 1, 10)).isFalse();
        assertThat(spool.peek()).isNull();
        assertThat(spool.remove(peeked)).isFalse();
        spool.sync();
        spool.close();
        assertThat(spool.events()).isEqualTo(events(0));
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void aCallersBugIsRefusedLoudly() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThatThrownBy(() -> spool.append(new byte[4], 0, 4, new int[2])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> spool.append(new byte[4], 0, 4, new int[] {0, -1, 0, 0, 0}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> spool.append(new byte[4], 2, 4, new int[5])).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(spool.events()).isZero();
        }
        assertThatThrownBy(() -> Spool.open(dir, 0, recorder)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void syncForcesWithoutChangingAnything() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            spool.sync();
            append(spool, 0, 1000);
            spool.sync();
            assertThat(numberOf(spool.peek())).isZero();
            assertThat(spool.bytes()).isEqualTo(bytesOnDisk(dir));
        }
        assertThat(recorder.failures()).isEmpty();
    }
}
