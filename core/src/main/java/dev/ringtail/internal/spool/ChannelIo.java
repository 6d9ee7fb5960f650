package dev.ringtail.internal.spool;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Positional reads and writes through one direct buffer of the spool's own. A heap buffer
 * handed to a {@link FileChannel} is copied into a temporary direct buffer that the JDK caches
 * per thread at the size of the largest write ever made; with several sender threads writing
 * megabyte records that is memory nobody accounts for. This buffer is used under the spool's
 * lock only, so one suffices, and records larger than it go through in chunks.
 */
final class ChannelIo {
    static final int BUFFER_BYTES = 256 * 1024;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);

    /** Writes {@code header} then {@code payload[offset, offset + length)} at {@code position}. */
    void write(FileChannel channel, long position, ByteBuffer header, byte[] payload, int offset, int length)
            throws IOException {
        long at = position;
        buffer.clear();
        buffer.put(header);
        int done = 0;
        while (true) {
            int chunk = Math.min(buffer.remaining(), length - done);
            buffer.put(payload, offset + done, chunk);
            done += chunk;
            buffer.flip();
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            buffer.clear();
            if (done == length) {
                return;
            }
        }
    }

    /** Writes all of {@code bytes} at {@code position}. */
    void write(FileChannel channel, long position, byte[] bytes) throws IOException {
        write(channel, position, ByteBuffer.allocate(0), bytes, 0, bytes.length);
    }

    /** {@code length} (at most {@link #BUFFER_BYTES}) bytes at {@code position}, ready to get from. */
    ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        buffer.clear().limit(length);
        fill(channel, position);
        return buffer.flip();
    }

    /** Reads {@code target.length} bytes at {@code position} into {@code target}. */
    void read(FileChannel channel, long position, byte[] target) throws IOException {
        int done = 0;
        while (done < target.length) {
            int chunk = Math.min(BUFFER_BYTES, target.length - done);
            read(channel, position + done, chunk).get(target, done, chunk);
            done += chunk;
        }
    }

    /** Adds {@code length} bytes of the file at {@code position} to {@code crc}, without holding them. */
    void update(FileChannel channel, long position, long length, CRC32C crc) throws IOException {
        long done = 0;
        while (done < length) {
            int chunk = (int) Math.min(BUFFER_BYTES, length - done);
            crc.update(read(channel, position + done, chunk));
            done += chunk;
        }
    }

    private void fill(FileChannel channel, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException("segment ends at " + at + ", inside a record");
            }
            at += read;
        }
    }
}
