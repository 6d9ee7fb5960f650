package dev.ringtail.internal.spool;

import dev.ringtail.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The bytes of a segment file. A segment starts with {@link #MAGIC}; then records, each
 * {@code [int payloadLength][int crc32c][int count per level × Level.count()][payload]}, big-endian.
 * The CRC covers the counts and the payload, so a record torn or rotted anywhere, including a
 * count, is detected; the length is checked against the file instead (a torn length points past
 * the end or at bytes whose CRC does not match).
 */
final class RecordFormat {
    /** Format and version: a file without it is not a segment of this format. */
    static final byte[] MAGIC = "RTSPOOL1".getBytes(StandardCharsets.US_ASCII);
    static final int SEGMENT_HEADER = MAGIC.length;
    static final int LEVELS = Level.count();
    static final int COUNTS = 4 * LEVELS;
    static final int HEADER = 8 + COUNTS;

    private RecordFormat() {
    }

    /** Bytes a record with this payload takes in a segment. */
    static long recordBytes(int payloadLength) {
        return HEADER + (long) payloadLength;
    }

    /** Rejects counts that are not one per level, or negative: a caller's bug, not a condition of the disk. */
    static void checkCounts(int[] perLevel) {
        if (perLevel.length != LEVELS) {
            throw new IllegalArgumentException("per-level counts: " + LEVELS + " expected, got " + perLevel.length);
        }
        for (int count : perLevel) {
            if (count < 0) {
                throw new IllegalArgumentException("negative event count: " + count);
            }
        }
    }

    static long events(int[] perLevel) {
        return Arrays.stream(perLevel).asLongStream().sum();
    }

    /** Writes the record header for {@code payload[offset, offset + length)} into {@code header}. */
    static void encodeHeader(ByteBuffer header, byte[] payload, int offset, int length, int[] perLevel) {
        header.clear();
        header.putInt(length);
        int crcAt = header.position();
        header.putInt(0);
        for (int i = 0; i < LEVELS; i++) {
            header.putInt(perLevel[i]);
        }
        CRC32C crc = new CRC32C();
        crc.update(header.array(), header.arrayOffset() + crcAt + 4, COUNTS);
        crc.update(payload, offset, length);
        header.putInt(crcAt, (int) crc.getValue());
        header.flip();
    }

    /** A record header as read back, not yet checked against its payload. */
    record Header(int length, int crc, int[] perLevel) {
        /** Null if the bytes cannot be a header: a negative length or count. */
        static Header decode(ByteBuffer buffer) {
            int length = buffer.getInt();
            int crc = buffer.getInt();
            int[] perLevel = new int[LEVELS];
            for (int i = 0; i < LEVELS; i++) {
                perLevel[i] = buffer.getInt();
                if (perLevel[i] < 0) {
                    return null;
                }
            }
            return length < 0 ? null : new Header(length, crc, perLevel);
        }

        /** A CRC started with the counts; the payload is added to it by the reader. */
        CRC32C crcOfCounts() {
            ByteBuffer counts = ByteBuffer.allocate(COUNTS);
            for (int count : perLevel) {
                counts.putInt(count);
            }
            CRC32C crc = new CRC32C();
            crc.update(counts.array());
            return crc;
        }

        boolean matches(CRC32C crcOfRecord) {
            return (int) crcOfRecord.getValue() == crc;
        }
    }
}
