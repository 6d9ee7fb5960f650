package dev.ringtail.internal.http;

import dev.ringtail.internal.json.OutputBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) with one reused {@link Deflater}: {@code GZIPOutputStream} would allocate a
 * new deflater, with its native memory, for every request. One instance per sending thread.
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();

    /** @param level deflate level, 1 (fastest) to 9 (smallest) */
    Gzip(int level) {
        this.deflater = new Deflater(level, true);
    }

    /** Replaces {@code out}'s content with the gzip form of {@code source[0, length)}. */
    void compress(byte[] source, int length, OutputBuffer out) {
        out.reset();
        out.write(HEADER, 0, HEADER.length);
        deflater.reset();
        deflater.setInput(source, 0, length);
        deflater.finish();
        out.ensure(HEADER.length + length / 4 + 64);
        while (!deflater.finished()) {
            if (out.size() == out.capacity()) {
                out.ensure(out.capacity() + (out.capacity() >> 1) + 64);
            }
            int written = deflater.deflate(out.array(), out.size(), out.capacity() - out.size());
            out.markWritten(out.size() + written);
        }
        crc.reset();
        crc.update(source, 0, length);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, length);
    }

    void end() {
        deflater.end();
    }

    private static void writeIntLittleEndian(OutputBuffer out, int value) {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }
}
