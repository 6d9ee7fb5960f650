package dev.ringtail.testing;

import dev.ringtail.internal.spool.Spool;
import dev.ringtail.internal.spool.SpoolLockedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A {@link Spool} in memory, for the sink's unit tests: the same contract as the segment store
 * (bounded in bytes, oldest records deleted first and reported, one owner at a time, records of an
 * earlier owner marked so, failures reported to the listener and the return value, never thrown),
 * none of its files. A {@link Disk} is the directory: it outlives the spools opened on it, so a
 * test can close one owner and open the next, as a restart would.
 *
 * <p>Each record costs its bytes plus {@value #RECORD_OVERHEAD} on the disk, as a segment's
 * header and checksum would.
 */
public final class MemorySpool implements Spool {
    /** Bytes a record costs beyond its payload. */
    public static final int RECORD_OVERHEAD = 16;

    private final Disk disk;
    private final long maxBytes;
    private final Listener listener;
    private final long found;
    private boolean closed;

    /** One spool directory, and what a test makes it do. */
    public static final class Disk {
        private final Deque<Entry> records = new ArrayDeque<>();
        private MemorySpool owner;
        private long bytes;
        private long highWater;
        private boolean failAppends;
        private boolean failOpen;
        private long tornAtOpen;
        private int syncs;
        private final List<Path> opened = new ArrayList<>();

        /** Opens a spool on this disk ({@link dev.ringtail.internal.http.SpoolSettings.Opener}). */
        public synchronized Spool open(Path dir, long maxBytes, Listener listener) throws SpoolLockedException, IOException {
            opened.add(dir);
            if (failOpen) {
                throw new IOException("a disk that cannot be opened");
            }
            if (owner != null) {
                throw new SpoolLockedException(dir + " is locked");
            }
            long found = 0;
            for (Entry entry : records) {
                entry.earlier = true;
                found += entry.events();
            }
            owner = new MemorySpool(this, maxBytes, listener, found);
            if (tornAtOpen > 0) {
                listener.skippedTorn(tornAtOpen, "00000001.seg");
                tornAtOpen = 0;
            }
            return owner;
        }

        /** From now on appends fail, as on a full disk, and are reported. */
        public synchronized Disk failAppends(boolean fail) {
            this.failAppends = fail;
            return this;
        }

        /** Opening fails with an I/O error (permissions, a read-only volume). */
        public synchronized Disk failOpen() {
            this.failOpen = true;
            return this;
        }

        /** The next open reports a torn record of {@code bytes}, as after a crash mid-write. */
        public synchronized Disk tornAtNextOpen(long bytes) {
            this.tornAtOpen = bytes;
            return this;
        }

        /** Takes the lock as another process would, until {@link #release()}. */
        public synchronized Disk lockedByAnother() {
            owner = new MemorySpool(this, Long.MAX_VALUE, null, 0);
            return this;
        }

        public synchronized void release() {
            owner = null;
        }

        /** Events on the disk now. */
        public synchronized long events() {
            long events = 0;
            for (Entry entry : records) {
                events += entry.events();
            }
            return events;
        }

        public synchronized int records() {
            return records.size();
        }

        /** The most bytes it ever held. */
        public synchronized long highWater() {
            return highWater;
        }

        public synchronized int syncs() {
            return syncs;
        }

        /** The directories spools were opened on, in order. */
        public synchronized List<Path> opened() {
            return List.copyOf(opened);
        }

        public synchronized boolean locked() {
            return owner != null;
        }
    }

    private MemorySpool(Disk disk, long maxBytes, Listener listener, long found) {
        this.disk = disk;
        this.maxBytes = maxBytes;
        this.listener = listener;
        this.found = found;
    }

    @Override
    public boolean append(byte[] bytes, int offset, int length, int[] perLevel) {
        synchronized (disk) {
            if (closed) {
                return false;
            }
            long size = (long) length + RECORD_OVERHEAD;
            if (disk.failAppends) {
                listener.ioFailed("append", new IOException("No space left on device"));
                return false;
            }
            if (size > maxBytes) {
                return false;
            }
            while (disk.bytes + size > maxBytes) {
                Entry oldest = disk.records.poll();
                disk.bytes -= oldest.size();
                listener.droppedOldest(oldest.perLevel.clone(), oldest.earlier);
            }
            disk.records.add(new Entry(Arrays.copyOfRange(bytes, offset, offset + length), perLevel.clone()));
            disk.bytes += size;
            disk.highWater = Math.max(disk.highWater, disk.bytes);
            return true;
        }
    }

    @Override
    public Record peek() {
        synchronized (disk) {
            return closed ? null : disk.records.peek();
        }
    }

    @Override
    public boolean remove(Record record) {
        synchronized (disk) {
            if (closed || disk.records.peek() != record) {
                return false;
            }
            Entry entry = disk.records.poll();
            disk.bytes -= entry.size();
            return true;
        }
    }

    @Override
    public long events() {
        return disk.events();
    }

    @Override
    public long bytes() {
        synchronized (disk) {
            return disk.bytes;
        }
    }

    @Override
    public long found() {
        return found;
    }

    @Override
    public void sync() {
        synchronized (disk) {
            disk.syncs++;
        }
    }

    @Override
    public void close() {
        synchronized (disk) {
            if (!closed) {
                closed = true;
                disk.syncs++;
                if (disk.owner == this) {
                    disk.owner = null;
                }
            }
        }
    }

    /** One record; the spool hands out the entry itself, which a removal identifies. */
    private static final class Entry implements Record {
        final byte[] bytes;
        final int[] perLevel;
        boolean earlier;

        Entry(byte[] bytes, int[] perLevel) {
            this.bytes = bytes;
            this.perLevel = perLevel;
        }

        long size() {
            return (long) bytes.length + RECORD_OVERHEAD;
        }

        long events() {
            return Arrays.stream(perLevel).asLongStream().sum();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public int[] perLevel() {
            return perLevel.clone();
        }

        @Override
        public boolean earlier() {
            return earlier;
        }
    }

    @Override
    public String toString() {
        return "MemorySpool{records=" + disk.records() + ", bytes=" + bytes() + '}';
    }
}
