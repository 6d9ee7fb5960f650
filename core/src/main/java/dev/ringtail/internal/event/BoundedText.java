package dev.ringtail.internal.event;

/**
 * A reusable text buffer that never grows past its limit: what does not fit is counted, and
 * {@link #end()} appends {@code …[truncated N chars]}. So a 1 MB argument costs no 1 MB slot.
 */
public final class BoundedText {
    /** Buffers that grew past this are replaced by a fresh small one when shrunk. */
    public static final int MAX_RETAINED_CHARS = 512;
    private static final int INITIAL_CHARS = 128;
    /** Room a decimal long needs, so that {@link #append(long)} can skip the bound check. */
    private static final int LONG_CHARS = 20;

    private final int maxChars;
    private StringBuilder text = new StringBuilder(INITIAL_CHARS);
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
            text.append(value, start, end);
            return;
        }
        int cut = start + Math.max(room, 0);
        if (cut > start && Character.isHighSurrogate(value.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        text.append(value, start, cut);
        truncatedChars += end - cut;
    }

    /** Appends a number without the String that {@code Long.toString} would allocate. */
    public void append(long value) {
        if (maxChars - text.length() >= LONG_CHARS) {
            text.append(value);
        } else {
            append(Long.toString(value));
        }
    }

    /** Lets go of a buffer an oversized text had grown. */
    public void shrink() {
        if (text.capacity() > MAX_RETAINED_CHARS) {
            text = new StringBuilder(INITIAL_CHARS);
        }
    }

    /** Characters the buffer holds now (its capacity), for tests of retained memory. */
    int capacity() {
        return text.capacity();
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
