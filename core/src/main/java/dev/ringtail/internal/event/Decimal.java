package dev.ringtail.internal.event;

/** A long's decimal digits written into a char array, as {@code Long.toString} spells them, with no String. */
final class Decimal {
    /** Chars the longest long takes: {@code Long.MIN_VALUE}, its sign and 19 digits. */
    static final int MAX_CHARS = 20;

    private Decimal() {
    }

    /** How many chars {@code value} takes, its sign included. */
    static int length(long value) {
        int chars = value < 0 ? 2 : 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            chars++;
        }
        return chars;
    }

    /** Writes {@code value} at {@code offset}; returns the end offset. */
    static int write(char[] into, int offset, long value) {
        int end = offset + length(value);
        int first = offset;
        if (value < 0) {
            into[first++] = '-';
        }
        // in negatives, where Long.MIN_VALUE has its digits too
        long rest = value < 0 ? value : -value;
        for (int i = end - 1; i >= first; i--) {
            into[i] = (char) ('0' - rest % 10);
            rest /= 10;
        }
        return end;
    }
}
