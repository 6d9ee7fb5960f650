package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The read position, kept on disk so that a restart does not send again what was removed:
 * {@code dir/cursor}, {@value #BYTES} bytes, big-endian
 * {@code [long segment id][long offset][int crc32c of the 16 bytes before it]}. The offset is
 * where the first record not yet removed starts in that segment (or where its records end, if
 * none is left). Written to {@code cursor.tmp}, forced, and moved over {@code cursor}
 * atomically, so the file holds one whole position or another, never a mix; then the directory
 * is forced (best effort, as for a new segment).
 *
 * <p>At open the position is a claim, checked while {@link Segment#recover} walks the records: it
 * holds if its segment exists and the offset is where one of its intact records starts or
 * where they end. Anything else (no file, a wrong length or CRC, a segment gone, an offset inside
 * a record or past the intact ones) is ignored, never an error: the segment comes back from its
 * start (at-least-once). An old position can only cause resends, never skip a record, because a
 * segment id is never used twice in a directory: the next id is past the cursor's as well as
 * past every segment file's ({@link Recovered}), so a position can only ever name the segment it
 * was written for. Not thread-safe: the spool's lock guards it.
 */
final class Cursor {
    static final String FILE_NAME = "cursor";
    static final String TEMP_NAME = "cursor.tmp";
    static final int BYTES = 20;

    /** The record at {@code offset} of segment {@code segment} is the first not removed. */
    record Position(long segment, long offset) {
    }

    private final Path dir;
    /** What the file holds, as far as this process knows; null if nothing valid. */
    private Position written;

    /** {@code onDisk}: what {@link #read} found at open. */
    Cursor(Path dir, Position onDisk) {
        this.dir = dir;
        this.written = onDisk;
    }

    /** The position in {@code dir}'s cursor file; null if there is none or it is not intact. Never throws. */
    static Position read(Path dir) {
        try (FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.READ)) {
            if (channel.size() != BYTES) {
                return null;
            }
            ByteBuffer bytes = ByteBuffer.allocate(BYTES);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // a regular file of BYTES bytes: a read returns at least one or reaches its end
            }
            return bytes.hasRemaining() ? null : decode(bytes.flip());
        } catch (IOException | RuntimeException e) {
            return null; // missing, unreadable or not a file: replayed from the segments' starts
        }
    }

    static ByteBuffer encode(Position position) {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES).putLong(position.segment()).putLong(position.offset());
        return bytes.putInt(crcOf(bytes)).flip();
    }

    /** Null if the CRC does not match. */
    static Position decode(ByteBuffer bytes) {
        Position position = new Position(bytes.getLong(0), bytes.getLong(8));
        return bytes.getInt(16) == crcOf(bytes) ? position : null;
    }

    private static int crcOf(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.array(), bytes.arrayOffset(), 16);
        return (int) crc.getValue();
    }

    /** Writes {@code position}, unless the file holds it already. */
    void write(Position position) throws IOException {
        if (position.equals(written)) {
            return;
        }
        Path temp = dir.resolve(TEMP_NAME);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = encode(position);
            while (bytes.hasRemaining()) {
                channel.write(bytes, bytes.position());
            }
            channel.force(false);
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // a rename all the same on most file systems; a torn file fails its CRC and is ignored
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        written = position;
        Segments.forceDirectory(dir);
    }
}
