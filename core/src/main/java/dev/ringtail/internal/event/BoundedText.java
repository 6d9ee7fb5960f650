package dev.ringtail.internal.event;

/**
 * A reusable text buffer that never grows past its limit: what does not fit is counted, and
 * {@link #end()} appends {@code …[truncated N chars]}. So a 1 MB argument costs no 1 MB slot.
 */
public final class BoundedText {
    /**
     * Characters a buffer is preallocated with and keeps: one that grew past this is replaced by
     * a fresh one when shrunk, so an idle slot holds only its base.
     */
    public static final int BASE_CHARS = 256;
    /** Room a decimal long needs, so that {@link #append(long)} can skip the bound check. */
    private static final int LONG_CHARS = 20;
    /** Room the marker needs after {@code maxChars}: its prefix, a long's digits, its suffix. */
    private static final int MARKER_CHARS = 40;

    private final int maxChars;
    private StringBuilder text = new StringBuilder(BASE_CHARS);
    private long truncatedChars;

    public BoundedText(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    /** Empties the buffer for new text. */
    public void start() {
        text.setLength(0);
        truncatedChars = 0;
    }

    /** Closes the text: if anything was cut, the truncation marker follows what fitted. */
    public void end() {
        if (truncatedChars > 0) {
            ensureRoom(MARKER_CHARS);
            Truncation.appendMarker(text, truncatedChars);
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
        int room = maxChars - text.length();
        int length = end - start;
        if (length <= room) {
            ensureRoom(length);
            text.append(value, start, end);
            return;
        }
        int cut = start + Math.max(room, 0);
        if (cut > start && Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        ensureRoom(cut - start);
        text.append(value, start, cut);
        truncatedChars += end - cut;
    }

    /** Appends a number without the String that {@code Long.toString} would allocate. */
    public void append(long value) {
        if (maxChars - text.length() >= LONG_CHARS) {
            ensureRoom(LONG_CHARS);
            text.append(value);
        } else {
            append(Long.toString(value));
        }
    }

    // StringBuilder doubles its capacity when it grows, so a text cut at maxChars could hold a
    // buffer of twice that. Growth is done here instead, never past maxChars and the marker.
    private void ensureRoom(int chars) {
        int needed = text.length() + chars;
        int capacity = text.capacity();
        if (needed <= capacity) {
            return;
        }
        int limit = maxChars + MARKER_CHARS;
        int grown = (int) Math.min(limit, Math.max(needed, 2L * capacity + 2));
        text = new StringBuilder(Math.max(grown, needed)).append(text);
    }

    /**
     * True if the text fits the base buffer of any other {@code BoundedText}: {@link #copyFrom}
     * then neither grows nor allocates.
     */
    public boolean fitsBase() {
        return text.capacity() <= BASE_CHARS;
    }

    /** Replaces this text with a copy of {@code other}'s, truncation state included. */
    public void copyFrom(BoundedText other) {
        text.setLength(0);
        text.append(other.text);
        truncatedChars = other.truncatedChars;
    }

    /** Lets go of a buffer an oversized text had grown, back to the base size. */
    public void shrink() {
        if (text.capacity() > BASE_CHARS) {
            text = new StringBuilder(BASE_CHARS);
        }
    }

    /** Characters held beyond the base buffer, while an event keeps this text pending. */
    public int charsBeyondBase() {
        return Math.max(0, text.capacity() - BASE_CHARS);
    }

    /** The text so far: a view of the reusable buffer, valid until the next {@link #start()}. */
    public CharSequence chars() {
        return text;
    }

    public int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
