package dev.ringtail.internal.event;

import java.util.Objects;

/**
 * A reusable text buffer that never grows past its limit: what does not fit is counted, and
 * {@link #end()} appends {@code …[truncated N chars]}. So a 1 MB argument costs no 1 MB slot.
 *
 * <p>It holds its characters in its own array, not in a {@code StringBuilder}: copying an event
 * into a ring slot writes to memory the producer's core has not touched since the ring last
 * wrapped, and each object on the way to the characters is one more dependent cache miss on the
 * log call. It is its own {@link CharSequence}, so the sinks read it in place, valid until the
 * next {@link #start()}.
 */
public final class BoundedText implements CharSequence {
    /**
     * Characters a buffer is preallocated with and keeps: one that grew past this is replaced by
     * a fresh one when shrunk, so an idle slot holds only its base.
     */
    public static final int BASE_CHARS = 256;
    /** Room the marker needs after {@code maxChars}: its prefix, a long's digits, its suffix. */
    private static final int MARKER_CHARS = 40;

    private final int maxChars;
    private char[] chars = new char[BASE_CHARS];
    private int length;
    private long truncatedChars;

    public BoundedText(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Empties the buffer for new text. */
    public void start() {
        length = 0;
        truncatedChars = 0;
    }

    /** Closes the text: if anything was cut, the truncation marker follows what fitted. */
    public void end() {
        if (truncatedChars > 0) {
            ensureRoom(MARKER_CHARS);
            length = Truncation.writeMarker(chars, length, truncatedChars);
        }
    }

    /** True once anything was cut since {@link #start()}. */
    public boolean isTruncated() {
        return truncatedChars > 0;
    }

    public void append(CharSequence value) {
        append(value, 0, value.length());
    }

    public void append(CharSequence value, int start, int end) {
        int room = maxChars - length;
        int cut = end;
        if (end - start > room) {
            cut = start + Math.max(room, 0);
            if (cut > start && Character.isHighSurrogate(value.charAt(cut - 1))) {
                cut--; // never split a surrogate pair
            }
            truncatedChars += end - cut;
        }
        ensureRoom(cut - start);
        copy(value, start, cut);
    }

    private void copy(CharSequence value, int start, int end) {
        if (value instanceof String) {
            ((String) value).getChars(start, end, chars, length);
        } else if (value instanceof StringBuilder) {
            ((StringBuilder) value).getChars(start, end, chars, length);
        } else if (value instanceof BoundedText) {
            System.arraycopy(((BoundedText) value).chars, start, chars, length, end - start);
        } else {
            for (int i = start, at = length; i < end; i++, at++) {
                chars[at] = value.charAt(i);
            }
        }
        length += end - start;
    }

    /** Appends a number without the String that {@code Long.toString} would allocate. */
    public void append(long value) {
        if (maxChars - length < Decimal.MAX_CHARS) {
            append(Long.toString(value)); // near the limit: cut like any text
            return;
        }
        ensureRoom(Decimal.MAX_CHARS);
        length = Decimal.write(chars, length, value);
    }

    // Growth is done here, never past maxChars and the marker: a text cut at maxChars never holds
    // a buffer of twice that, as a doubling StringBuilder would.
    private void ensureRoom(int more) {
        int needed = length + more;
        if (needed <= chars.length) {
            return;
        }
        int limit = maxChars + MARKER_CHARS;
        int grown = (int) Math.min(limit, Math.max(needed, 2L * chars.length + 2));
        char[] bigger = new char[Math.max(grown, needed)];
        System.arraycopy(chars, 0, bigger, 0, length);
        chars = bigger;
    }

    /**
     * True if the text fits the base buffer of any other {@code BoundedText}: {@link #copyFrom}
     * then neither grows nor allocates.
     */
    public boolean fitsBase() {
        return chars.length <= BASE_CHARS;
    }

    /** Replaces this text with a copy of {@code other}'s, truncation state included. */
    public void copyFrom(BoundedText other) {
        length = 0;
        ensureRoom(other.length);
        System.arraycopy(other.chars, 0, chars, 0, other.length);
        length = other.length;
        truncatedChars = other.truncatedChars;
    }

    /** Lets go of a buffer an oversized text had grown, back to the base size. */
    public void shrink() {
        if (chars.length > BASE_CHARS) {
            chars = new char[BASE_CHARS];
        }
    }

    /** Characters held beyond the base buffer, while an event keeps this text pending. */
    public int charsBeyondBase() {
        return Math.max(0, chars.length - BASE_CHARS);
    }

    /** Copies characters out, as {@link String#getChars} does. */
    public void getChars(int start, int end, char[] into, int offset) {
        Objects.checkFromToIndex(start, end, length);
        System.arraycopy(chars, start, into, offset, end - start);
    }

    /** The capacity of the buffer held now, in chars. */
    public int capacity() {
        return chars.length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return chars[Objects.checkIndex(index, length)];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
