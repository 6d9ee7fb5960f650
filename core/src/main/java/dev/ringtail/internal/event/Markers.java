package dev.ringtail.internal.event;

import java.util.Arrays;

/** The marker names of one event, in the order the call gave them, each cut at the field bound. */
public final class Markers {
    private final int maxChars;
    /** Names a slot's markers are preallocated for. */
    private static final int BASE_NAMES = 2;

    private String[] names = new String[BASE_NAMES];
    private int count;

    public Markers() {
        this(Truncation.DEFAULT_MAX_FIELD_CHARS);
    }

    /** @param maxChars longer names are cut here when added ({@link Truncation}) */
    public Markers(int maxChars) {
        this.maxChars = maxChars;
    }

    public int count() {
        return count;
    }

    public String get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + count);
        }
        return names[index];
    }

    public void add(String name) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
        }
        names[count++] = Truncation.cut(String.valueOf(name), maxChars);
    }

    /** True if the names fit a preallocated base: {@link #copyFrom} then allocates nothing. */
    public boolean fitsBase() {
        return names.length <= BASE_NAMES;
    }

    /** Replaces these names with {@code other}'s (already cut when captured). */
    public void copyFrom(Markers other) {
        if (other.count > names.length) {
            names = Arrays.copyOf(names, other.count);
        }
        if (other.count > 0) {
            System.arraycopy(other.names, 0, names, 0, other.count);
        }
        count = other.count;
    }

    /** Forgets the names without clearing references (the slot is being refilled at once). */
    public void reset() {
        count = 0;
    }

    /** Drops every reference, writing nothing when there is nothing to drop. */
    public void clear() {
        if (count > 0) {
            Arrays.fill(names, 0, count, null);
            count = 0;
        }
    }
}
