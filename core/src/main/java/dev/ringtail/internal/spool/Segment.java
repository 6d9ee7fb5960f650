package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One segment file and what the spool knows of it without reading it: where its intact records
 * end, where the reader is, and the unread events per level (so a full spool can count what it
 * deletes). Records are located by offset only; their bytes stay on disk until read.
 *
 * <p>A segment is written by one process only, the one that created it, so every record in it
 * is {@link #earlier} or none is. Not thread-safe: the spool's lock guards it.
 */
final class Segment {
    private static final String SUFFIX = ".seg";

    final long id;
    final Path path;
    final boolean earlier;
    /** The file, opened when first read or written; null after {@link #close}. */
    private FileChannel channel;
    private long size;
    /** Records before this offset are intact (checked at open, or written by this process). */
    private long end;
    private long readOffset;
    private final long[] unread = new long[RecordFormat.LEVELS];
    private long unreadEvents;
    private boolean sealed;

    private Segment(long id, Path path, boolean earlier, FileChannel channel, long size, long end) {
        this.id = id;
        this.path = path;
        this.earlier = earlier;
        this.channel = channel;
        this.size = size;
        this.end = end;
        this.readOffset = RecordFormat.SEGMENT_HEADER;
    }

    static String fileName(long id) {
        return String.format("%016x%s", id, SUFFIX);
    }

    /** The id a file name stands for, or -1 if it is not a segment's name. */
    static long idOf(String fileName) {
        if (fileName.length() != 16 + SUFFIX.length() || !fileName.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(fileName.substring(0, 16), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A new, empty segment of this process; the file must not exist yet. */
    static Segment create(Path dir, long id, ChannelIo io) throws IOException {
        Path path = dir.resolve(fileName(id));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            io.write(channel, 0, RecordFormat.MAGIC);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return new Segment(id, path, false, channel, RecordFormat.SEGMENT_HEADER, RecordFormat.SEGMENT_HEADER);
    }

    /**
     * A segment an earlier process left, every record checked; null if nothing in it is left to
     * read (the file is then deleted). From the first record that fails the check to the end of the
     * file is torn: reported once and never read. If {@code resumeAt} is where an intact record
     * starts, or where they end, the records before it were removed (the {@link Cursor}): they are
     * neither read nor counted. Any other {@code resumeAt} is not a position in this file, and it is
     * read from its start.
     */
    static Segment recover(Path path, long id, long resumeAt, ChannelIo io, GuardedListener listener)
            throws IOException {
        long size;
        long end = RecordFormat.SEGMENT_HEADER;
        Segment segment;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            size = channel.size();
            if (size < RecordFormat.SEGMENT_HEADER) {
                Files.deleteIfExists(path); // created, the crash came before its header: nothing in it
                return null;
            }
            byte[] magic = new byte[RecordFormat.SEGMENT_HEADER];
            io.read(channel, 0, magic);
            if (!Arrays.equals(magic, RecordFormat.MAGIC)) {
                end = 0;
            }
            segment = new Segment(id, path, true, null, size, end);
            while (end > 0) {
                if (end == resumeAt) {
                    segment.skipTo(end); // what is counted so far is what was removed
                }
                RecordFormat.Header header = end < size ? intactAt(channel, end, size, io) : null;
                if (header == null) {
                    break;
                }
                segment.count(header.perLevel(), 1);
                end += RecordFormat.recordBytes(header.length());
            }
        }
        if (end < size) {
            listener.skippedTorn(size - end, path.getFileName().toString());
        }
        if (end <= segment.readOffset) {
            Files.deleteIfExists(path); // no records, or all of them removed
            return null;
        }
        segment.end = Math.max(end, RecordFormat.SEGMENT_HEADER);
        return segment;
    }

    /** The header of the record at {@code offset} if the whole record is intact, else null. */
    private static RecordFormat.Header intactAt(FileChannel channel, long offset, long size, ChannelIo io)
            throws IOException {
        if (size - offset < RecordFormat.HEADER) {
            return null;
        }
        RecordFormat.Header header = RecordFormat.Header.decode(io.read(channel, offset, RecordFormat.HEADER));
        if (header == null || offset + RecordFormat.recordBytes(header.length()) > size) {
            return null;
        }
        CRC32C crc = header.crcOfCounts();
        io.update(channel, offset + RecordFormat.HEADER, header.length(), crc);
        return header.matches(crc) ? header : null;
    }

    /**
     * Appends one record at the end. On failure the file is cut back to where the record began
     * (best effort: if that fails too, what lies beyond {@link #end} is never read, and is torn
     * to the next process), and the exception is thrown.
     */
    void append(ChannelIo io, ByteBuffer header, byte[] payload, int offset, int length, int[] perLevel)
            throws IOException {
        try {
            io.write(channel, end, header, payload, offset, length);
        } catch (IOException | RuntimeException e) {
            try {
                channel.truncate(end);
                size = end;
            } catch (IOException | RuntimeException truncate) {
                e.addSuppressed(truncate);
                size = Math.max(size, sizeOnDisk());
            }
            throw e;
        }
        end += RecordFormat.recordBytes(length);
        size = end;
        count(perLevel, 1);
    }

    private long sizeOnDisk() {
        try {
            return channel.size();
        } catch (IOException | RuntimeException e) {
            return size;
        }
    }

    /** The record at the read offset, or null if it fails its check (the segment is then corrupt). */
    StoredRecord read(ChannelIo io) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
        if (end - readOffset < RecordFormat.HEADER) {
            return null;
        }
        RecordFormat.Header header = RecordFormat.Header.decode(io.read(channel, readOffset, RecordFormat.HEADER));
        if (header == null || readOffset + RecordFormat.recordBytes(header.length()) > end) {
            return null;
        }
        byte[] payload = new byte[header.length()];
        io.read(channel, readOffset + RecordFormat.HEADER, payload);
        CRC32C crc = header.crcOfCounts();
        crc.update(payload);
        if (!header.matches(crc)) {
            return null;
        }
        return new StoredRecord(payload, header.perLevel(), earlier, this,
                readOffset + RecordFormat.recordBytes(header.length()));
    }

    /** Moves the reader past {@code record}, which {@link #read} returned. */
    void advance(StoredRecord record) {
        readOffset = record.next;
        count(record.perLevel(), -1);
    }

    /** Gives up on the unread rest (corrupt, or the file is gone): what it held is lost. */
    void skipRest() {
        skipTo(end);
    }

    /** Moves the reader to {@code offset}, where a record starts: everything counted so far lies before it. */
    private void skipTo(long offset) {
        readOffset = offset;
        Arrays.fill(unread, 0);
        unreadEvents = 0;
    }

    private void count(int[] perLevel, int sign) {
        for (int i = 0; i < unread.length; i++) {
            unread[i] += sign * (long) perLevel[i];
            unreadEvents += sign * (long) perLevel[i];
        }
    }

    /** No more appends: the next record goes to a new segment. The next sync forces what was written. */
    void seal() {
        sealed = true;
    }

    /** The channel holding this process's writes to this file, for a sync; null if there is none. */
    FileChannel unsyncedWrites() {
        return earlier ? null : channel;
    }

    boolean sealed() {
        return sealed;
    }

    boolean hasRecords() {
        return end > RecordFormat.SEGMENT_HEADER;
    }

    /** Where the next record to read starts, or where the intact records end if none is left. */
    long readOffset() {
        return readOffset;
    }

    boolean fullyRead() {
        return readOffset >= end;
    }

    long size() {
        return size;
    }

    /** Bytes between the reader and the end of the intact records. */
    long unreadBytes() {
        return end - readOffset;
    }

    long[] unread() {
        return unread.clone();
    }

    long unreadEvents() {
        return unreadEvents;
    }

    String name() {
        return path.getFileName().toString();
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing written is at stake: force came first where it mattered
            }
            channel = null;
        }
    }

    /** Closes and deletes the file. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }
}
