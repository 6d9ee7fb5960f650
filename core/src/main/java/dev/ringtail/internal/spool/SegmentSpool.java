package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
 * segments, reporting their unread events. Removal is kept in memory: a segment's file goes when
 * its last record is removed, so after a restart the rest of a partly removed segment comes back
 * whole (at-least-once, as across a crash).
 *
 * <p>Durability: {@link #sync} forces the current segment ({@code force(false)}; the sink calls it
 * about once a second) and, after a new segment was created, the directory, so that its name
 * survives too; a segment is also forced when the next one starts and at close.
 * Records are written with plain {@code write}, which puts them in the OS page cache: a crash of
 * the process, even {@code kill -9}, loses nothing already appended. Only an OS crash or a power
 * loss can lose what was appended since the last sync, and a record torn by that fails its CRC
 * and is skipped at the next open. Forcing every append instead would cost a disk flush each.
 *
 * <p>Thread-safe: one lock for the public methods (appends come from sender threads, peek and
 * remove from the replay thread; a megabyte record is written under it, which is fine at the
 * rate batches fail). {@link #events}, {@link #bytes} and {@link #found} never wait for it. The
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
    /** Oldest first; {@link #writing}, when there is one, is the last. */
    private final ArrayDeque<Segment> segments;
    private final long found;
    private Segment writing;
    private long nextId;
    private StoredRecord peeked;
    private boolean closed;
    /** A segment was created since the directory was last forced: its name is not durable yet. */
    private boolean directoryUnsynced;
    private volatile long events;
    private volatile long bytes;

    private SegmentSpool(Path dir, long maxBytes, GuardedListener listener, DirectoryLock lock, ChannelIo io,
            Recovered recovered) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, maxBytes / 8));
        this.listener = listener;
        this.lock = lock;
        this.io = io;
        this.segments = recovered.segments();
        this.nextId = recovered.nextId();
        this.bytes = recovered.bytes();
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
            return new SegmentSpool(dir, maxBytes, guarded, lock, io, Recovered.from(dir, io, guarded));
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
            boolean roll = writing == null || writing.sealed() || writing.size() >= segmentBytes;
            while (this.bytes + recordBytes + (roll ? RecordFormat.SEGMENT_HEADER : 0) > maxBytes
                    && !segments.isEmpty()) {
                Segment oldest = segments.peekFirst();
                roll |= oldest == writing;
                drop(oldest);
            }
            if (roll) {
                roll();
            }
            long before = writing.size();
            RecordFormat.encodeHeader(header, bytes, offset, length, perLevel);
            try {
                writing.append(io, header, bytes, offset, length, perLevel);
            } finally {
                this.bytes += writing.size() - before;
            }
            this.events += RecordFormat.events(perLevel);
            return true;
        } catch (IOException | RuntimeException e) {
            listener.failed("appending to spool " + (writing != null ? writing.path : dir), e);
            if (writing != null && writing.hasRecords()) {
                sealQuietly(writing); // the next append starts a new file: a file-size limit is per file
            }
            return false;
        } finally {
            listener.reportFailure();
        }
    }

    /** Starts a new segment; the one before it is forced and, if nothing in it is left to read, deleted. */
    private void roll() throws IOException {
        Segment previous = writing;
        writing = null;
        if (previous != null) {
            sealQuietly(previous); // reported, but the new record need not fail for the old file's sake
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

    /** A full spool deletes its oldest segment: its unread events are counted lost. */
    private void drop(Segment oldest) {
        if (oldest.unreadEvents() > 0) {
            listener.droppedOldest(oldest.unread(), oldest.earlier);
        }
        events -= oldest.unreadEvents();
        oldest.skipRest();
        discard(oldest);
    }

    /** Removes a segment with nothing left to read from the index and the disk. */
    private void discard(Segment segment) {
        segments.remove(segment);
        if (segment == writing) {
            writing = null;
        }
        if (peeked != null && peeked.segment == segment) {
            peeked = null;
        }
        bytes -= segment.size();
        try {
            segment.delete();
        } catch (IOException | RuntimeException e) {
            listener.failed("deleting spool segment " + segment.path, e);
        }
    }

    @Override
    public synchronized Record peek() {
        if (closed) {
            return null;
        }
        try {
            // each turn returns or gives up on one segment: bounded by their number
            while (peeked == null) {
                Segment head = segments.peekFirst();
                if (head == null || (head == writing && head.fullyRead())) {
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
        if (segment == writing) {
            sealQuietly(segment);
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
        if (segment.fullyRead() && segment != writing) {
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
        return bytes;
    }

    @Override
    public long found() {
        return found;
    }

    @Override
    public synchronized void sync() {
        if (closed || writing == null) {
            return;
        }
        try {
            force();
        } catch (IOException | RuntimeException e) {
            listener.failed("syncing spool " + dir, e);
        } finally {
            listener.reportFailure();
        }
    }

    /** The current segment's data, and the directory entry of any segment created since the last time. */
    private void force() throws IOException {
        writing.force();
        if (directoryUnsynced) {
            directoryUnsynced = false;
            Segment.forceDirectory(dir);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        peeked = null;
        try {
            if (writing != null && writing.fullyRead()) {
                discard(writing); // nothing in it to keep: the next open has one file fewer to look at
            } else if (writing != null) {
                force();
            }
        } catch (IOException | RuntimeException e) {
            listener.failed("syncing spool " + dir, e);
        } finally {
            for (Segment segment : segments) {
                segment.close();
            }
            lock.close();
            listener.reportFailure();
        }
    }

    private void sealQuietly(Segment segment) {
        try {
            segment.seal();
        } catch (IOException | RuntimeException e) {
            listener.failed("syncing spool segment " + segment.path, e);
        }
    }

    @Override
    public String toString() {
        return "spool " + dir + " (" + events + " events, " + bytes + " bytes of " + maxBytes + ")";
    }
}
