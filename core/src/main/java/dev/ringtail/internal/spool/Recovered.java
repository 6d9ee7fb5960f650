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
 * first, and the id this process's first segment takes (past every segment file's, readable or
 * not, so that nothing on disk is ever appended to again).
 */
record Recovered(ArrayDeque<Segment> segments, long nextId) {

    static Recovered from(Path dir, ChannelIo io, GuardedListener listener) throws IOException {
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
                Segment segment = Segment.recover(file.getValue(), file.getKey(), io, listener);
                if (segment != null) {
                    segments.addLast(segment);
                }
            } catch (IOException | RuntimeException e) {
                // left on disk, uncounted: one unreadable file must not cost the spool the others
                listener.ioFailed("reading spool segment " + file.getValue(), e);
            }
        }
        return new Recovered(segments, files.isEmpty() ? 0 : files.lastKey() + 1);
    }

    long bytes() {
        return segments.stream().mapToLong(Segment::size).sum();
    }

    /** The events in intact records: what {@link Spool#found} tells. */
    long events() {
        return segments.stream().mapToLong(Segment::unreadEvents).sum();
    }
}
