package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * What earlier processes left in a spool directory: its segments, every record checked, oldest
 * first, the records before the {@link Cursor}'s position left out, and the id this process's
 * first segment takes: past every segment file's, readable or not, so that nothing on disk is
 * ever appended to again, and past the cursor's, so that no position on disk can ever name a
 * segment it was not written for. Segments before the cursor's (left by a failed delete, or
 * unreadable at an earlier open) come back whole.
 */
record Recovered(ArrayDeque<Segment> segments, long nextId) {

    /** {@code cursor}: the position {@link Cursor#read} found, or null. */
    static Recovered from(Path dir, Cursor.Position cursor, ChannelIo io, GuardedListener listener)
            throws IOException {
        TreeMap<Long, Path> files = new TreeMap<>(Long::compareUnsigned);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.seg")) {
            for (Path file : stream) {
                long id = Segment.idOf(file.getFileName().toString());
                if (id >= 0) {
                    files.put(id, file);
                }
            }
        }
        ArrayDeque<Segment> segments = new ArrayDeque<>();
        for (Map.Entry<Long, Path> file : files.entrySet()) {
            try {
                long resumeAt = cursor != null && cursor.segment() == file.getKey() ? cursor.offset() : -1;
                Segment segment = Segment.recover(file.getValue(), file.getKey(), resumeAt, io, listener);
                if (segment != null) {
                    segments.addLast(segment);
                }
            } catch (IOException | RuntimeException e) {
                // left on disk, uncounted: one unreadable file must not cost the spool the others
                listener.ioFailed("reading spool segment " + file.getValue(), e);
            }
        }
        long nextId = files.isEmpty() ? 0 : files.lastKey() + 1;
        if (cursor != null && Long.compareUnsigned(cursor.segment() + 1, nextId) > 0) {
            nextId = cursor.segment() + 1;
        }
        return new Recovered(segments, nextId);
    }

    long bytes() {
        return segments.stream().mapToLong(Segment::size).sum();
    }

    /** The events in intact records: what {@link Spool#found} tells. */
    long events() {
        return segments.stream().mapToLong(Segment::unreadEvents).sum();
    }
}
