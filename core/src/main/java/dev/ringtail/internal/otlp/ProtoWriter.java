package dev.ringtail.internal.otlp;

import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.json.OutputBuffer;
import java.nio.CharBuffer;

/**
 * Protocol Buffers wire format (proto3), written by hand into a reused {@link OutputBuffer}:
 * tags, varints, fixed-width numbers and length-delimited UTF-8 strings. A nested message is
 * written as its tag, its exact size, then its fields, so every size is computed before it is
 * written ({@link #textSize}, {@link #varintSize}) and nothing is copied or shifted afterwards.
 *
 * <p>Strings are written the way every ringtail sink writes them: cut at a bound with the
 * truncation marker, never inside a surrogate pair, lone surrogates replaced by U+FFFD, straight
 * from the {@code CharSequence}: no {@code String}, no byte array per value. Not thread-safe:
 * one per encoder.
 */
final class ProtoWriter {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LEN = 2;
    static final int FIXED32 = 5;
    /** U+FFFD in UTF-8: what a lone surrogate becomes. */
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final char[] marker = new char[64];
    private OutputBuffer out;

    ProtoWriter(OutputBuffer out) {
        this.out = out;
    }

    /** Writes into another buffer from now on. */
    void into(OutputBuffer target) {
        this.out = target;
    }

    OutputBuffer out() {
        return out;
    }

    // ---------------------------------------------------------------- sizes

    static int varintSize(long value) {
        int size = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            size++;
        }
        return size;
    }

    /** Size of a length-delimited field of {@code length} bytes, tag included (fields 1 to 15). */
    static int fieldSize(int length) {
        return 1 + varintSize(length) + length;
    }

    /** UTF-8 bytes of {@code text} cut at {@code maxChars} (the marker included if cut). */
    int textSize(CharSequence text, int maxChars) {
        int kept = Truncation.kept(text, maxChars);
        int size = utf8Size(text, kept);
        if (kept < text.length()) {
            int n = Truncation.writeMarker(marker, 0, text.length() - kept);
            size += utf8Size(marker, n);
        }
        return size;
    }

    private static int utf8Size(CharSequence text, int length) {
        int size = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                size++;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3; // the BMP, and a lone surrogate as U+FFFD
            }
        }
        return size;
    }

    private static int utf8Size(char[] chars, int length) {
        return utf8Size(CharBuffer.wrap(chars, 0, length), length); // only for a cut
    }

    // ---------------------------------------------------------------- writing

    void tag(int field, int wireType) {
        out.write((field << 3) | wireType); // fields up to 15: one byte
    }

    void varint(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    void fixed64(long value) {
        for (int shift = 0; shift < 64; shift += 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    void fixed32(int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((value >>> shift) & 0xFF);
        }
    }

    /** The tag and length of a length-delimited field whose content follows. */
    void lengthDelimited(int field, int length) {
        tag(field, LEN);
        varint(length);
    }

    void bytes(int field, byte[] bytes, int length) {
        lengthDelimited(field, length);
        out.write(bytes, 0, length);
    }

    /** A string field: tag, UTF-8 size, then the text cut at {@code maxChars}. */
    void text(int field, CharSequence text, int maxChars) {
        lengthDelimited(field, textSize(text, maxChars));
        textBytes(text, maxChars);
    }

    /** The UTF-8 of {@code text} cut at {@code maxChars}, without tag or length (its size is {@link #textSize}). */
    void textBytes(CharSequence text, int maxChars) {
        int kept = Truncation.kept(text, maxChars);
        utf8(text, kept);
        if (kept < text.length()) {
            int n = Truncation.writeMarker(marker, 0, text.length() - kept);
            utf8(CharBuffer.wrap(marker, 0, n), n);
        }
    }

    private void utf8(CharSequence text, int length) {
        out.ensure(out.size() + 3 * length); // a char is at most 3 bytes; a pair (2 chars) is 4
        byte[] bytes = out.array();
        int at = out.size();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[at++] = (byte) c;
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | (c >> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    bytes[at++] = (byte) (0xF0 | (cp >> 18));
                    bytes[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    bytes[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    bytes[at++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    System.arraycopy(REPLACEMENT, 0, bytes, at, 3);
                    at += 3;
                }
            } else {
                bytes[at++] = (byte) (0xE0 | (c >> 12));
                bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out.markWritten(at);
    }
}
