package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Spool} as plain append-only segment files, {@code dir/<16 hex digits>.seg}, each
 * record checksummed with CRC32C ({@link RecordFormat}). Not Tape's QueueFile: it fsyncs on every
 * add (milliseconds a write, far below the ~500k events/s a sink sends) and is one file capped at
 * 2 GiB; not Chronicle Queue: a large dependency that needs {@code --add-opens} and off-heap
 * memory. A few hundred lines of file I/O do what the sink needs and nothing else.
 *
 * <p>At open every record on disk is checked, and appending starts in a new segment, so segments
 * of an earlier process are never written again: a torn tail there is skipped (reported once) and
 * cannot corrupt what comes after. The disk holds at most {@code maxBytes}, in segments of
 * {@code maxBytes / 8} (64 KiB to 64 MiB): an append that would pass it first deletes the oldest
 * segments, reporting their unread events. A segment's file goes when its last record is removed;
 * where reading stands in the oldest one is kept in {@code dir/cursor} ({@link Cursor}), so that
 * the next open resumes there instead of sending the removed part of that segment again.
 *
 * <p>Durability: {@link #sync} forces the current segment ({@code force(false)}; the sink calls it
 * about once a second) and, after a new segment was created, the directory, so that its name
 * survives too; a segment the next one replaced is forced by the sync after, and everything at
 * close. Forcing runs outside the spool's lock: appends never wait for a disk flush.
 * Records are written with plain {@code write}, which puts them in the OS page cache: a crash of
 * the process, even {@code kill -9}, loses nothing already appended. Only an OS crash or a power
 * loss can lose what was appended since the last sync, and a record torn by that fails its CRC
 * and is skipped at the next open. Forcing every append instead would cost a disk flush each.
 *
 * <p>Sync policy for removals: delivery is at-least-once, a record not yet removed is never
 * skipped, and what is sent again after a restart is what was removed since the read position
 * was last saved. It is saved at {@link #sync}, after the segments are forced and only if it
 * moved since it was last written, and at {@link #close}. After a clean close, nothing is sent
 * again. After a crash (of the process, even {@code kill -9}, or of the OS) the records removed
 * since the last sync are, and the one peeked but not removed: with the sink syncing about once
 * a second, what was removed in the last second, no more. A cursor that is missing, torn,
 * damaged, or names a segment that is gone or an offset that is not a record boundary there is
 * ignored, never an error: the oldest segment then comes back whole, as before the cursor (at
 * most one segment's worth; older segments left by a failed delete come back whole too).
 *
 * <p>Thread-safe: one lock for the public methods (appends come from sender threads, peek and
 * remove from the replay thread; a megabyte record is written under it, into the page cache,
 * which is fine at the rate batches fail; the flush to disk is not). {@link #events}, {@link #bytes} and {@link #found} never wait for it. The
 * listener is called under the lock: it must not call back into this spool's methods that take it.
 */
final class SegmentSpool implements Spool {
    static final long MIN_SEGMENT_BYTES = 64 * 1024;
    static final long MAX_SEGMENT_BYTES = 64 * 1024 * 1024;

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final GuardedListener listener;
    private final DirectoryLock lock;
    private final ChannelIo io;
    private final ByteBuffer header = ByteBuffer.allocate(RecordFormat.HEADER);
    private final Segments segments;
    private final Cursor cursor;
    private final long found;
    private final Object syncing = new Object();
    private StoredRecord peeked;
    private boolean closed;
    private volatile long events;

    private SegmentSpool(Path dir, long maxBytes, GuardedListener listener, DirectoryLock lock, ChannelIo io,
            Cursor cursor, Recovered recovered) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, maxBytes / 8));
        this.listener = listener;
        this.lock = lock;
        this.io = io;
        this.segments = new Segments(dir, io, listener, recovered);
        this.cursor = cursor;
        this.events = recovered.events();
        this.found = recovered.events();
    }

    static Spool open(Path dir, long maxBytes, Spool.Listener listener) throws SpoolLockedException, IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("spool maxBytes must be positive: " + maxBytes);
        }
        GuardedListener guarded = new GuardedListener(Objects.requireNonNull(listener, "listener"));
        Files.createDirectories(dir);
        DirectoryLock lock = DirectoryLock.acquire(dir);
        try {
            ChannelIo io = new ChannelIo();
            Cursor.Position position = Cursor.read(dir);
            return new SegmentSpool(dir, maxBytes, guarded, lock, io, new Cursor(dir, position),
                    Recovered.from(dir, position, io, guarded));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public synchronized boolean append(byte[] bytes, int offset, int length, int[] perLevel) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        RecordFormat.checkCounts(perLevel);
        if (closed) {
            return false;
        }
        long recordBytes = RecordFormat.recordBytes(length);
        if (RecordFormat.SEGMENT_HEADER + recordBytes > maxBytes) {
            return false;
        }
        try {
            boolean roll = segments.mustRoll(segmentBytes);
            while (segments.bytes() + recordBytes + (roll ? RecordFormat.SEGMENT_HEADER : 0) > maxBytes
                    && !segments.isEmpty()) {
                Segment oldest = segments.oldest();
                roll |= oldest == segments.writing();
                drop(oldest);
            }
            if (roll) {
                segments.roll();
            }
            RecordFormat.encodeHeader(header, bytes, offset, length, perLevel);
            segments.append(header, bytes, offset, length, perLevel);
            this.events += RecordFormat.events(perLevel);
            return true;
        } catch (IOException | RuntimeException e) {
            Segment writing = segments.writing();
            listener.failed("appending to spool " + (writing != null ? writing.path : dir), e);
            if (writing != null && writing.hasRecords()) {
                segments.seal(writing); // the next append starts a new file: a file-size limit is per file
            }
            return false;
        } finally {
            listener.reportFailure();
        }
    }

    /** A full spool deletes its oldest segment: its unread events are counted lost. */
    private void drop(Segment oldest) {
        if (oldest.unreadEvents() > 0) {
            listener.droppedOldest(oldest.unread(), oldest.earlier);
        }
        events -= oldest.unreadEvents();
        oldest.skipRest();
        discard(oldest);
    }

    /** {@link Segments#discard}; a record peeked from the segment can no longer be removed. */
    private void discard(Segment segment) {
        if (peeked != null && peeked.segment == segment) {
            peeked = null;
        }
        segments.discard(segment);
    }

    @Override
    public synchronized Record peek() {
        if (closed) {
            return null;
        }
        try {
            // each turn returns or gives up on one segment: bounded by their number
            while (peeked == null) {
                Segment head = segments.oldest();
                if (head == null || (head == segments.writing() && head.fullyRead())) {
                    return null;
                }
                if (head.fullyRead()) {
                    discard(head);
                    continue;
                }
                try {
                    peeked = head.read(io);
                    if (peeked == null) {
                        listener.skippedTorn(head.unreadBytes(), head.name());
                        abandon(head);
                    }
                } catch (IOException | RuntimeException e) {
                    listener.failed("reading spool segment " + head.path, e);
                    abandon(head);
                }
            }
            return peeked;
        } finally {
            listener.reportFailure();
        }
    }

    /** The rest of a segment cannot be read: its unread events are counted lost, the file goes. */
    private void abandon(Segment segment) {
        if (segment.unreadEvents() > 0) {
            listener.lost(segment.unread(), segment.earlier, segment.name());
        }
        events -= segment.unreadEvents();
        segment.skipRest();
        if (segment == segments.writing()) {
            segments.seal(segment);
        } else {
            discard(segment);
        }
    }

    @Override
    public synchronized boolean remove(Record record) {
        if (closed || record == null || record != peeked) {
            return false;
        }
        peeked = null;
        Segment segment = ((StoredRecord) record).segment;
        segment.advance((StoredRecord) record);
        events -= ((StoredRecord) record).events();
        if (segment.fullyRead() && segment != segments.writing()) {
            discard(segment);
            listener.reportFailure();
        }
        return true;
    }

    @Override
    public long events() {
        return events;
    }

    @Override
    public long bytes() {
        return segments.bytes();
    }

    @Override
    public long found() {
        return found;
    }

    /**
     * Forces outside the spool's lock, so that a slow disk flush (seconds, on a busy disk) never
     * holds up an append: a sender waiting here would leave the sink's batches out and the ring
     * filling. One sync or close at a time, so that the cursor is never rewritten by an older sync.
     */
    @Override
    public void sync() {
        synchronized (syncing) {
            List<FileChannel> channels;
            boolean directory;
            Cursor.Position position;
            synchronized (this) {
                if (closed) {
                    return;
                }
                channels = segments.takeUnforced();
                directory = segments.takeDirectoryUnsynced();
                position = segments.position();
            }
            IOException failure = Segments.force(channels, directory ? dir : null);
            synchronized (this) {
                if (failure != null) {
                    listener.failed("syncing spool " + dir, failure);
                }
                savePosition(position);
                listener.reportFailure();
            }
        }
    }

    /**
     * Written after the segments are forced, even if that failed: a position past what reached the
     * disk is not a record boundary there at the next open, and is ignored.
     */
    private void savePosition(Cursor.Position position) {
        try {
            cursor.write(position);
        } catch (IOException | RuntimeException e) {
            listener.failed("writing spool cursor " + dir.resolve(Cursor.FILE_NAME), e);
        }
    }

    @Override
    public void close() {
        synchronized (syncing) {
            closeNow();
        }
    }

    private synchronized void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        peeked = null;
        try {
            Segment writing = segments.writing();
            if (writing != null && writing.fullyRead()) {
                segments.discard(writing); // nothing in it to keep: the next open has one file fewer to look at
            }
            segments.force();
        } catch (IOException | RuntimeException e) {
            listener.failed("syncing spool " + dir, e);
        } finally {
            savePosition(segments.position());
            segments.close();
            lock.close();
            listener.reportFailure();
        }
    }

    @Override
    public String toString() {
        return "spool " + dir + " (" + events + " events, " + segments.bytes() + " bytes of " + maxBytes + ")";
    }
}
