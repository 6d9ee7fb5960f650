package dev.ringtail.internal.spool;

import static dev.ringtail.internal.spool.Payloads.addTo;
import static dev.ringtail.internal.spool.Payloads.append;
import static dev.ringtail.internal.spool.Payloads.numberOf;
import static dev.ringtail.internal.spool.Payloads.segments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A segment file deleted behind a live spool's back: reported, its events counted lost, the spool goes on. */
class VanishedSegmentTest {
    private static final long MAX = 1024 * 1024; // segments of 128 KiB
    private static final int RECORDS = 60; // 10 KB each: five segments

    @TempDir
    Path dir;

    @Test
    void aDeletedSegmentIsReportedItsEventsCountedLostAndTheRestStillComesBack() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, new Recorder())) {
            for (int n = 0; n < RECORDS; n++) {
                assertThat(append(spool, n, 10_000)).isTrue();
            }
        }
        List<Path> files = segments(dir);
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        Recorder recorder = new Recorder();
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            long bytes = spool.bytes();
            Files.delete(files.get(1));
            List<Integer> read = new ArrayList<>();
            for (Spool.Record record = spool.peek(); record != null && read.size() < RECORDS; record = spool.peek()) {
                read.add(numberOf(record));
                assertThat(spool.remove(record)).isTrue();
            }
            int perSegment = (int) ((128 * 1024 - RecordFormat.SEGMENT_HEADER) / RecordFormat.recordBytes(10_000)) + 1;
            List<Integer> missing = IntStream.range(perSegment, 2 * perSegment).boxed().toList();
            assertThat(read).doesNotContainAnyElementsOf(missing).hasSize(RECORDS - missing.size()).isSorted();
            long[] lost = new long[Level.count()];
            missing.forEach(n -> addTo(lost, n));
            assertThat(recorder.lost()).isEqualTo(lost);
            assertThat(recorder.failures()).singleElement().asString()
                    .contains(files.get(1).toString(), "NoSuchFileException");
            assertThat(spool.events()).isZero();
            assertThat(bytes).isGreaterThan(0);
            assertThat(spool.bytes()).isZero();
            assertThat(append(spool, 100, 10)).isTrue();
            assertThat(numberOf(spool.peek())).isEqualTo(100);
        }
    }

    @Test
    void aListenerThatDoesNotTellLostFromDroppedCountsLostEventsAsDropped() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, new Recorder())) {
            append(spool, 3, 100);
        }
        long[] dropped = new long[Level.count()];
        Spool.Listener plain = new Spool.Listener() {
            @Override
            public void droppedOldest(int[] perLevel, boolean earlier) {
                for (int i = 0; i < perLevel.length; i++) {
                    dropped[i] += perLevel[i];
                }
            }

            @Override
            public void skippedTorn(long bytes, String segment) {
            }

            @Override
            public void ioFailed(String what, Exception cause) {
            }
        };
        try (Spool spool = Spool.open(dir, MAX, plain)) {
            Files.delete(segments(dir).get(0));
            assertThat(spool.peek()).isNull();
        }
        assertThat(dropped).isEqualTo(java.util.Arrays.stream(Payloads.perLevel(3)).asLongStream().toArray());
    }

    @Test
    void aListenerThatThrowsCannotBreakTheSpool() throws Exception {
        Spool.Listener throwing = new Spool.Listener() {
            @Override
            public void droppedOldest(int[] perLevel, boolean earlier) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void skippedTorn(long bytes, String segment) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void ioFailed(String what, Exception cause) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (Spool spool = Spool.open(dir, 256 * 1024, throwing)) {
            for (int n = 0; n < 1_000; n++) {
                assertThat(append(spool, n, 1_000)).isTrue();
                assertThat(spool.bytes()).isLessThanOrEqualTo(256 * 1024);
            }
            assertThat(numberOf(spool.peek())).isGreaterThan(0);
        }
    }
}
