package dev.ringtail.internal.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The key-value pairs of one event (SLF4J 2 fluent API), in the order they were added, each
 * value captured by type when added: numbers and booleans as bits, everything else as text. A
 * value mutated after the log call is seen as it was. Keys and texts are cut at the field bound
 * when added ({@link Truncation}).
 */
public final class KeyValues {
    private static final int INITIAL_PAIRS = 4;
    /** Arrays that grew past this are replaced by small ones when cleared. */
    private static final int MAX_RETAINED_PAIRS = 64;

    private String[] keys = new String[INITIAL_PAIRS];
    private ValueType[] types = new ValueType[INITIAL_PAIRS];
    private long[] bits = new long[INITIAL_PAIRS];
    private String[] texts = new String[INITIAL_PAIRS];
    private int count;
    private final int maxChars;

    public KeyValues() {
        this(Truncation.DEFAULT_MAX_FIELD_CHARS);
    }

    /** @param maxChars longer keys and texts are cut here when added */
    public KeyValues(int maxChars) {
        this.maxChars = maxChars;
    }

    public int count() {
        return count;
    }

    public String key(int index) {
        checkIndex(index);
        return keys[index];
    }

    public ValueType type(int index) {
        checkIndex(index);
        return types[index];
    }

    /** The raw bits of a {@code BOOLEAN} (0 or 1), {@code LONG} or {@code DOUBLE} value. */
    public long bits(int index) {
        checkIndex(index);
        return bits[index];
    }

    /** The text of a {@code STRING} or {@code DECIMAL} value. */
    public String text(int index) {
        checkIndex(index);
        return texts[index];
    }

    /**
     * Adds a pair, capturing the value now. Numbers and booleans keep their type (mutable numbers
     * such as {@code AtomicLong} are read now); anything else becomes {@code String.valueOf(value)},
     * or {@code [FAILED toString()]} if that throws.
     */
    public void add(String rawKey, Object value) {
        String key = Truncation.cut(String.valueOf(rawKey), maxChars);
        if (value == null) {
            put(key, ValueType.NULL, 0, null);
        } else if (value instanceof String) {
            put(key, ValueType.STRING, 0, Truncation.cut((String) value, maxChars));
        } else if (value instanceof Boolean) {
            put(key, ValueType.BOOLEAN, ((Boolean) value) ? 1 : 0, null);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof AtomicInteger || value instanceof AtomicLong
                || value instanceof LongAdder || value instanceof LongAccumulator) {
            put(key, ValueType.LONG, ((Number) value).longValue(), null);
        } else if (value instanceof Double || value instanceof Float || value instanceof DoubleAdder
                || value instanceof DoubleAccumulator) {
            double d = value instanceof Float ? Double.parseDouble(value.toString()) : ((Number) value).doubleValue();
            put(key, ValueType.DOUBLE, Double.doubleToRawLongBits(d), null);
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            // a decimal of more digits than the bound is cut, and so written as a string, not a number
            put(key, ValueType.DECIMAL, 0, Truncation.cut(value.toString(), maxChars));
        } else if (value instanceof Number) {
            // An unknown Number subclass may have any toString(); its double value is a safe number.
            put(key, ValueType.DOUBLE, Double.doubleToRawLongBits(safeDouble((Number) value)), null);
        } else {
            put(key, ValueType.STRING, 0, Truncation.cut(MessageFormatter.safeToString(value), maxChars));
        }
    }

    /** Adds an already captured pair (copying an event), as it is: it was cut when captured. */
    public void put(String key, ValueType type, long valueBits, String text) {
        if (count == keys.length) {
            int size = count * 2;
            keys = Arrays.copyOf(keys, size);
            types = Arrays.copyOf(types, size);
            bits = Arrays.copyOf(bits, size);
            texts = Arrays.copyOf(texts, size);
        }
        int i = count++;
        keys[i] = String.valueOf(key);
        types[i] = type;
        bits[i] = valueBits;
        texts[i] = text;
    }

    /** True if the pairs fit a preallocated base: {@link #copyFrom} then allocates nothing. */
    public boolean fitsBase() {
        return keys.length <= INITIAL_PAIRS;
    }

    /** Replaces these pairs with {@code other}'s, as captured. */
    public void copyFrom(KeyValues other) {
        count = 0;
        for (int i = 0; i < other.count; i++) {
            put(other.keys[i], other.types[i], other.bits[i], other.texts[i]);
        }
    }

    /** Characters of captured text (string and decimal values) the pairs hold. */
    public long textChars() {
        long chars = 0;
        for (int i = 0; i < count; i++) {
            if (texts[i] != null) {
                chars += texts[i].length();
            }
        }
        return chars;
    }

    /** Drops every reference, writing nothing when there is nothing to drop. */
    public void clear() {
        if (count == 0) {
            return;
        }
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(texts, 0, count, null);
        count = 0;
        if (keys.length > MAX_RETAINED_PAIRS) {
            keys = new String[INITIAL_PAIRS];
            types = new ValueType[INITIAL_PAIRS];
            bits = new long[INITIAL_PAIRS];
            texts = new String[INITIAL_PAIRS];
        }
    }

    /** Forgets the pairs without clearing references (the slot is being refilled at once). */
    public void reset() {
        count = 0;
    }

    private static double safeDouble(Number value) {
        try {
            return value.doubleValue();
        } catch (Throwable t) {
            return Double.NaN;
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + count);
        }
    }
}
