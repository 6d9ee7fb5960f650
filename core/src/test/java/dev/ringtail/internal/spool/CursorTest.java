package dev.ringtail.internal.spool;

import static dev.ringtail.internal.spool.Payloads.append;
import static dev.ringtail.internal.spool.Payloads.bytesOnDisk;
import static dev.ringtail.internal.spool.Payloads.numberOf;
import static dev.ringtail.internal.spool.Payloads.segments;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read position kept in {@code dir/cursor}: after a clean close nothing removed is sent
 * again, after a crash only what was removed since the last sync, and a position that a full
 * spool or anything else made stale costs resends at most, never a record.
 */
class CursorTest {
    static final long MAX = 1024 * 1024; // segments of 128 KiB
    static final int SIZE = 10_000; // 14 records a segment
    static final int PER_SEGMENT = 14;

    @TempDir
    Path dir;

    @TempDir
    Path crashImage;

    private final Recorder recorder = new Recorder();

    @Test
    void everyCleanRestartOfAReplayResumesWhereItStood() throws Exception {
        write(dir, 0, 40); // three segments, the last partly full
        int removed = 0;
        for (int restart = 0; restart < 6; restart++) {
            try (Spool spool = Spool.open(dir, MAX, recorder)) {
                assertThat(spool.found()).as("restart %d", restart).isEqualTo(events(removed, 40));
                assertThat(spool.events()).isEqualTo(spool.found());
                assertThat(spool.bytes()).isEqualTo(bytesOnDisk(dir));
                for (int i = 0; i < 5; i++, removed++) { // 5 at a time: some restarts fall inside a segment, some not
                    Spool.Record record = spool.peek();
                    assertThat(record.earlier()).isTrue();
                    assertThat(numberOf(record)).as("restart %d", restart).isEqualTo(removed);
                    assertThat(spool.remove(record)).isTrue();
                }
            }
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isEqualTo(events(30, 40));
            assertThat(readAll(spool, true)).isEqualTo(range(30, 40));
            assertThat(spool.events()).isZero();
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isZero();
            assertThat(spool.peek()).isNull();
        }
        assertThat(segments(dir)).isEmpty();
        assertThat(recorder.failures()).isEmpty();
        assertThat(recorder.torn()).isEmpty();
        assertThat(recorder.lost()).containsOnly(0);
    }

    @Test
    void aRestartResumesInsideTheSegmentTheLastProcessWroteAndReadFrom() throws Exception {
        write(dir, 0, 10);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(remove(spool, 3)).isEqualTo(range(0, 3));
            for (int n = 10; n < 20; n++) {
                assertThat(append(spool, n, SIZE)).isTrue();
            }
            assertThat(remove(spool, 10)).as("the earlier segment, then into this one's").isEqualTo(range(3, 13));
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isEqualTo(events(13, 20));
            assertThat(spool.bytes()).as("the file's size, removed records and all").isEqualTo(bytesOnDisk(dir));
            assertThat(readAll(spool, true)).isEqualTo(range(13, 20));
        }
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void afterACrashWhatWasRemovedSinceTheLastSyncComesBackAndNothingBefore() throws Exception {
        write(dir, 0, 30);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(remove(spool, 17)).isEqualTo(range(0, 17)); // the first segment whole, then 3 of the next
            spool.sync();
            assertThat(remove(spool, 3)).isEqualTo(range(17, 20)); // never synced
            assertThat(numberOf(spool.peek())).isEqualTo(20); // sent, not removed
            copyFiles(dir, crashImage); // what a kill -9 leaves: everything written is in the page cache
        }
        Recorder afterCrash = new Recorder();
        try (Spool spool = Spool.open(crashImage, MAX, afterCrash)) {
            assertThat(spool.found()).isEqualTo(events(17, 30));
            assertThat(readAll(spool, true)).isEqualTo(range(17, 30));
        }
        assertThat(afterCrash.failures()).isEmpty();
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(readAll(spool, true)).as("closed cleanly: from the record peeked").isEqualTo(range(20, 30));
        }
    }

    @Test
    void afterAKillMinus9WhatWasRemovedSinceTheLastSyncComesBackAndNothingBefore() throws Exception {
        write(dir, 0, 30);
        try (ChildJvm child = ChildJvm.start(SpoolReplayer.class, dir.toString(), "17", "3", Long.toString(MAX))) {
            assertThat(child.readLine(Duration.ofSeconds(60))).isEqualTo("synced");
            child.kill();
            assertThat(child.exitValue(Duration.ofSeconds(60))).isNotZero();
        }
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isEqualTo(events(17, 30));
            assertThat(readAll(spool, true)).isEqualTo(range(17, 30));
        }
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void syncWritesThePositionOnlyWhenItMoved() throws Exception {
        write(dir, 0, 5);
        Path file = dir.resolve(Cursor.FILE_NAME);
        assertThat(Cursor.read(dir)).as("written at close").isEqualTo(new Cursor.Position(0, offsetOf(0)));
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            Files.delete(file);
            spool.sync();
            assertThat(file).as("nothing moved since the file was written").doesNotExist();
            remove(spool, 2);
            spool.sync();
            assertThat(Cursor.read(dir)).isEqualTo(new Cursor.Position(0, offsetOf(2)));
            assertThat(dir.resolve(Cursor.TEMP_NAME)).doesNotExist();
        }
        assertThat(Files.size(file)).isEqualTo(Cursor.BYTES);
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void aSegmentWhoseRecordsWereAllRemovedIsDeletedAtOpen() throws Exception {
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            for (int n = 0; n < 5; n++) {
                append(spool, n, SIZE);
            }
            remove(spool, 5); // the segment being written stays until the next one starts, or close
            spool.sync();
            copyFiles(dir, crashImage);
        }
        try (Spool spool = Spool.open(crashImage, MAX, recorder)) {
            assertThat(spool.found()).isZero();
            assertThat(spool.bytes()).isZero();
            assertThat(spool.peek()).isNull();
            assertThat(segments(crashImage)).isEmpty();
        }
        assertThat(recorder.failures()).isEmpty();
    }

    @Test
    void aFullSpoolDeletingTheCursorsSegmentCountsOnlyWhatWasNotRemoved() throws Exception {
        write(dir, 0, 40);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            remove(spool, 20); // the cursor ends up 6 records into the second segment
        }
        assertThat(Cursor.read(dir)).isEqualTo(new Cursor.Position(1, offsetOf(20 - PER_SEGMENT)));
        Recorder full = new Recorder();
        List<Integer> rest;
        try (Spool spool = Spool.open(dir, MAX, full)) {
            assertThat(spool.found()).isEqualTo(events(20, 40));
            for (int n = 100; n < 200; n++) {
                assertThat(append(spool, n, SIZE)).isTrue();
                assertThat(spool.bytes()).isLessThanOrEqualTo(MAX);
            }
            long[] earlier = new long[RecordFormat.LEVELS];
            IntStream.range(20, 40).forEach(n -> Payloads.addTo(earlier, n));
            assertThat(full.droppedEarlier()).as("what was removed before the restart is not counted").isEqualTo(earlier);
            copyFiles(dir, crashImage); // the cursor on disk names a segment that is gone
            rest = readAll(spool, false);
            assertThat(rest).isEqualTo(range(rest.get(0), 200));
        }
        assertThat(full.failures()).isEmpty();
        Recorder afterCrash = new Recorder();
        try (Spool spool = Spool.open(crashImage, MAX, afterCrash)) {
            assertThat(spool.found()).isEqualTo(events(rest.get(0), 200));
            assertThat(readAll(spool, true)).as("the stale cursor ignored").isEqualTo(rest);
        }
        assertThat(afterCrash.failures()).isEmpty();
        try (Spool spool = Spool.open(dir, MAX, full)) {
            assertThat(spool.found()).isZero();
            assertThat(spool.peek()).isNull();
        }
    }

    @Test
    void aStaleCursorNeverNamesASegmentCreatedAfterIt() throws Exception {
        write(dir, 0, 5);
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            remove(spool, 2);
        }
        assertThat(Cursor.read(dir)).isEqualTo(new Cursor.Position(0, offsetOf(2)));
        Files.delete(segments(dir).get(0)); // as if its deletion, and not the cursor's next write, reached the disk
        try (Spool spool = Spool.open(dir, MAX, recorder)) {
            assertThat(spool.found()).isZero();
            for (int n = 10; n < 15; n++) {
                assertThat(append(spool, n, SIZE)).isTrue();
            }
            assertThat(segments(dir)).singleElement().extracting(p -> p.getFileName().toString())
                    .as("past the cursor's segment, though no file is left").isEqualTo("0000000000000001.seg");
            copyFiles(dir, crashImage); // a crash before the cursor is written again
        }
        try (Spool spool = Spool.open(crashImage, MAX, recorder)) {
            assertThat(readAll(spool, true)).isEqualTo(range(10, 15));
        }
        assertThat(recorder.failures()).isEmpty();
    }

    static void write(Path dir, int from, int to) throws IOException, SpoolLockedException {
        try (Spool spool = Spool.open(dir, MAX, new Recorder())) {
            for (int n = from; n < to; n++) {
                assertThat(append(spool, n, SIZE)).isTrue();
            }
        }
    }

    /** Where the {@code k}th record of a segment starts. */
    static long offsetOf(int k) {
        return RecordFormat.SEGMENT_HEADER + k * RecordFormat.recordBytes(SIZE);
    }

    static List<Integer> remove(Spool spool, int count) {
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Spool.Record record = spool.peek();
            removed.add(numberOf(record));
            assertThat(spool.remove(record)).isTrue();
        }
        return removed;
    }

    /** Reads and removes everything; {@code earlier}: what every record must say it is. */
    static List<Integer> readAll(Spool spool, boolean earlier) {
        List<Integer> read = new ArrayList<>();
        for (Spool.Record record = spool.peek(); record != null && read.size() < 1_000; record = spool.peek()) {
            assertThat(record.earlier()).isEqualTo(earlier);
            read.add(numberOf(record));
            assertThat(spool.remove(record)).isTrue();
        }
        return read;
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    static long events(int from, int to) {
        return IntStream.range(from, to).mapToLong(Payloads::events).sum();
    }

    /** Every file of {@code from}, as it is now, into {@code to}. */
    static void copyFiles(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
