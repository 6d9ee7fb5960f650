package dev.ringtail.internal.http;

import dev.ringtail.Level;
import dev.ringtail.internal.json.OutputBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a spool record holds: a range of a batch as the consumer encoded it, each event's bytes
 * with its level and logger name, not a framed request body. Read back into a {@link Batch}, a
 * record goes through the same framing, gzip, retries and 413 splits as a live batch: a replay
 * is framed by the protocol of the process that replays it, and a record too large for the
 * endpoint is split like any batch, which a stored body could not be.
 *
 * <p>Layout: a version byte; the format tag (the protocol and its encoding, {@code otlp
 * application/x-protobuf}), so that a record is never framed by a protocol that did not encode
 * it (a restart that changed {@code ringtail.otlp.protocol}); the event count; then per event
 * its level (0xFF for a synthetic event, never counted), its logger name (0: none; 1: the same as
 * the event before; n + 2: n bytes of UTF-8 follow), and its encoded bytes. Numbers are unsigned
 * LEB128 varints. The spool checksums each record; {@link #decode} still checks every length, so
 * a record that is not one of ours fails with {@link IllegalArgumentException}, never a garbled
 * request.
 */
final class SpooledBatch {
    static final int VERSION = 1;
    private static final int SYNTHETIC = 0xFF;
    private static final int NO_LOGGER = 0;
    private static final int SAME_LOGGER = 1;
    private static final int NAMED = 2;

    private final byte[] format;
    private final OutputBuffer out = new OutputBuffer(1024);
    private final String formatText;

    /** @param format what encoded the events: a record of any other format is refused on decode */
    SpooledBatch(String format) {
        this.formatText = format;
        this.format = format.getBytes(StandardCharsets.UTF_8);
    }

    /** The format tag of a protocol's records. */
    static String formatOf(Protocol protocol) {
        return protocol.name() + " " + protocol.contentType();
    }

    /** Events {@code [from, to)} of {@code batch} as one record; the buffer is valid until the next call. */
    OutputBuffer encode(Batch batch, int from, int to) {
        out.reset();
        out.write(VERSION);
        writeVarint(format.length);
        out.write(format, 0, format.length);
        writeVarint(to - from);
        String previous = null;
        byte[] bytes = batch.bytes();
        for (int i = from; i < to; i++) {
            Level level = batch.level(i);
            out.write(level == null ? SYNTHETIC : level.ordinal());
            String logger = batch.logger(i);
            if (logger == null) {
                writeVarint(NO_LOGGER);
            } else if (i > from && logger.equals(previous)) {
                writeVarint(SAME_LOGGER);
            } else {
                byte[] name = logger.getBytes(StandardCharsets.UTF_8);
                writeVarint(name.length + (long) NAMED);
                out.write(name, 0, name.length);
            }
            previous = logger;
            int start = batch.start(i);
            int length = batch.end(i) - start;
            writeVarint(length);
            out.write(bytes, start, length);
        }
        return out;
    }

    /** Fills {@code into} (cleared first) with the events of {@code record}; throws if it is not a record of this format. */
    void decode(byte[] record, Batch into) {
        into.clear();
        Reader in = new Reader(record);
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("record version " + version + ", not " + VERSION);
        }
        int formatLength = in.readLength();
        if (!Arrays.equals(record, in.position, in.position + formatLength, format, 0, format.length)) {
            throw new IllegalArgumentException("a record of another format ("
                    + new String(record, in.position, formatLength, StandardCharsets.UTF_8) + "), not " + formatText);
        }
        in.position += formatLength;
        int count = in.readLength();
        String logger = null;
        long now = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int level = in.readByte();
            if (level != SYNTHETIC && level >= Level.count()) {
                throw new IllegalArgumentException("level " + level);
            }
            long name = in.readVarint();
            if (name == NO_LOGGER) {
                logger = null;
            } else if (name >= NAMED) {
                int length = in.checkedLength(name - NAMED);
                logger = new String(record, in.position, length, StandardCharsets.UTF_8);
                in.position += length;
            } else if (i == 0) {
                throw new IllegalArgumentException("the first event names the logger of the one before it");
            }
            int length = in.readLength();
            into.add(record, in.position, length, level == SYNTHETIC ? null : Level.ofOrdinal(level), logger, now);
            in.position += length;
        }
        if (in.position != record.length) {
            throw new IllegalArgumentException((record.length - in.position) + " bytes after the last event");
        }
    }

    private void writeVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Reads a record, every length checked against what is left. */
    private static final class Reader {
        private final byte[] bytes;
        int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("the record ends early");
            }
            return bytes[position++] & 0xFF;
        }

        long readVarint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a number longer than 64 bits");
        }

        int readLength() {
            return checkedLength(readVarint());
        }

        int checkedLength(long length) {
            if (length < 0 || length > bytes.length - position) {
                throw new IllegalArgumentException("a length of " + length + " with " + (bytes.length - position) + " bytes left");
            }
            return (int) length;
        }
    }
}
