package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a spool: its segments, oldest first, the one being written last, and the bytes
 * they take on disk. Creates, appends to, forces and deletes them; what their records mean to
 * the sink (events lost, dropped, removed) is {@link SegmentSpool}'s business. Not thread-safe:
 * the spool's lock guards it, except {@link #bytes}, which may be read without it.
 */
final class Segments {
    private final Path dir;
    private final ChannelIo io;
    private final GuardedListener listener;
    /** Oldest first; {@link #writing}, when there is one, is the last. */
    private final ArrayDeque<Segment> segments;
    private Segment writing;
    private long nextId;
    /** A segment was created since the directory was last forced: its name is not durable yet. */
    private boolean directoryUnsynced;
    /** Sealed segments of this process whose writes the next sync forces. */
    private final List<Segment> unforced = new ArrayList<>();
    private volatile long bytes;

    Segments(Path dir, ChannelIo io, GuardedListener listener, Recovered recovered) {
        this.dir = dir;
        this.io = io;
        this.listener = listener;
        this.segments = recovered.segments();
        this.nextId = recovered.nextId();
        this.bytes = recovered.bytes();
    }

    /** The segment read next; null if there is none. */
    Segment oldest() {
        return segments.peekFirst();
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The segment appended to; null before the first append and after it was deleted or failed. */
    Segment writing() {
        return writing;
    }

    /** True if a record appended now must start a new segment of at most {@code segmentBytes}. */
    boolean mustRoll(long segmentBytes) {
        return writing == null || writing.sealed() || writing.size() >= segmentBytes;
    }

    /**
     * Starts a new segment; the one before it is sealed and, if nothing in it is left to read,
     * deleted, else left for the next sync to force: an append never waits for a disk flush.
     */
    void roll() throws IOException {
        Segment previous = writing;
        writing = null;
        if (previous != null) {
            seal(previous);
            if (previous.fullyRead()) {
                discard(previous);
            }
        }
        Segment next = Segment.create(dir, nextId++, io);
        directoryUnsynced = true;
        segments.addLast(next);
        writing = next;
        bytes += next.size();
    }

    /** Appends one encoded record to the current segment (see {@link Segment#append}), counting its bytes. */
    void append(ByteBuffer header, byte[] payload, int offset, int length, int[] perLevel) throws IOException {
        long before = writing.size();
        try {
            writing.append(io, header, payload, offset, length, perLevel);
        } finally {
            bytes += writing.size() - before;
        }
    }

    /** Removes a segment with nothing left to read from the index and the disk. */
    void discard(Segment segment) {
        segments.remove(segment);
        unforced.remove(segment);
        if (segment == writing) {
            writing = null;
        }
        bytes -= segment.size();
        try {
            segment.delete();
        } catch (IOException | RuntimeException e) {
            listener.failed("deleting spool segment " + segment.path, e);
        }
    }

    /** No more appends to {@code segment}; what was written to it is forced at the next sync. */
    void seal(Segment segment) {
        if (!segment.sealed()) {
            segment.seal();
            if (segment.unsyncedWrites() != null && !unforced.contains(segment)) {
                unforced.add(segment);
            }
        }
    }

    /**
     * What the next sync must force, taken under the spool's lock so that the forcing itself can
     * run outside it: the channels of the sealed segments and of the current one.
     */
    List<FileChannel> takeUnforced() {
        List<FileChannel> channels = new ArrayList<>(unforced.size() + 1);
        for (Segment segment : unforced) {
            FileChannel writes = segment.unsyncedWrites();
            if (writes != null) {
                channels.add(writes);
            }
        }
        unforced.clear();
        FileChannel current = writing == null ? null : writing.unsyncedWrites();
        if (current != null) {
            channels.add(current);
        }
        return channels;
    }

    /** True (once) if a segment was created since the directory was last forced. */
    boolean takeDirectoryUnsynced() {
        boolean unsynced = directoryUnsynced;
        directoryUnsynced = false;
        return unsynced;
    }

    /** Every unforced segment's data and the directory entries, on the calling thread: at close. */
    void force() throws IOException {
        IOException failure = force(takeUnforced(), takeDirectoryUnsynced() ? dir : null);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Forces {@code channels} and, unless null, the directory {@code newNames}; returns the first
     * failure, after trying them all. A channel closed meanwhile is skipped: its segment was
     * deleted since, or the spool closed and forced it itself.
     */
    static IOException force(List<FileChannel> channels, Path newNames) {
        IOException failure = null;
        for (FileChannel channel : channels) {
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                // nothing left to keep, or kept by whoever closed it
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (newNames != null) {
            forceDirectory(newNames);
        }
        return failure;
    }

    /**
     * Where reading stands: at the oldest segment's reader; with no segment left, at the start of
     * the next one (nothing of it removed, everything before it gone).
     */
    Cursor.Position position() {
        Segment oldest = segments.peekFirst();
        return oldest == null ? new Cursor.Position(nextId, RecordFormat.SEGMENT_HEADER)
                : new Cursor.Position(oldest.id, oldest.readOffset());
    }

    /**
     * Makes the names of new files (segments, the cursor) durable: forcing a file does not force
     * its directory entry. Best effort: where a directory cannot be opened as a file (Windows)
     * there is nothing to do.
     */
    static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | RuntimeException e) {
            // see above: the data itself was forced
        }
    }

    long bytes() {
        return bytes;
    }

    /** Closes every file; they stay on disk. */
    void close() {
        for (Segment segment : segments) {
            segment.close();
        }
    }
}
