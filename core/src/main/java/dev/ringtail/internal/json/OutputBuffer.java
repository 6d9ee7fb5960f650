package dev.ringtail.internal.json;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that is reused: {@link #reset()} keeps the storage, so a sink that writes
 * every batch into the same buffer allocates only while the buffer grows. Not thread-safe, and
 * unlike {@code ByteArrayOutputStream} it takes no lock and copies nothing to read.
 */
public final class OutputBuffer extends OutputStream {
    private byte[] bytes;
    private int size;

    public OutputBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    @Override
    public void write(int b) {
        ensure(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(size + length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Appends {@code length} bytes of another buffer from {@code offset}. */
    public void write(OutputBuffer source, int offset, int length) {
        write(source.bytes, offset, length);
    }

    /** The backing array; valid up to {@link #size()}, until the next write. */
    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return bytes.length;
    }

    public void reset() {
        size = 0;
    }

    /** Marks bytes written directly into {@link #array()} (up to the capacity) as content. */
    public void markWritten(int newSize) {
        if (newSize < size || newSize > bytes.length) {
            throw new IllegalArgumentException("cannot extend " + size + " bytes to " + newSize);
        }
        size = newSize;
    }

    /** Empties the buffer and, if it grew past {@code maxRetained}, gives the big array back to the GC. */
    public void resetAndShrink(int maxRetained) {
        size = 0;
        if (bytes.length > maxRetained) {
            bytes = new byte[Math.max(16, maxRetained)];
        }
    }

    /** Makes room for at least {@code capacity} bytes in total. */
    public void ensure(int capacity) {
        if (capacity < 0) {
            throw new OutOfMemoryError("buffer over 2 GiB");
        }
        if (capacity > bytes.length) {
            int grown = bytes.length + (bytes.length >> 1);
            bytes = Arrays.copyOf(bytes, Math.max(capacity, grown < 0 ? Integer.MAX_VALUE - 8 : grown));
        }
    }

    /** Copies the content (tests, diagnostics). */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public String toString() {
        return "OutputBuffer{size=" + size + ", capacity=" + bytes.length + '}';
    }
}
