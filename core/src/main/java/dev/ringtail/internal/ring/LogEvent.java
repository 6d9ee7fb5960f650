package dev.ringtail.internal.ring;

import dev.ringtail.Level;
import dev.ringtail.internal.event.ValueType;
import dev.ringtail.internal.sink.Sink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One preallocated, reusable slot of the ring.
 *
 * <p>A producer fills it through an {@link EventTranslator}; every sink reads it on its own thread;
 * the last sink to finish clears it, so the ring never pins a big message, an exception or an MDC
 * map while it sits idle. Readers must not keep the slot or its {@link #message()} after
 * {@link Sink#onEvent} returns.
 *
 * <p>Everything a producer captures is either immutable or copied here on the producer thread:
 * the message is formatted into the slot's own builder, key-value values are captured by type,
 * so an argument mutated after the log call is seen as it was.
 */
public final class LogEvent {

    /** Messages that grew the builder past this are given a fresh small builder when cleared. */
    static final int MAX_RETAINED_CHARS = 512;
    private static final int INITIAL_CHARS = 128;
    private static final int MAX_RETAINED_PAIRS = 64;
    private static final String FAILED_TO_STRING = "[FAILED toString()]";
    private static final String TRUNCATED_PREFIX = "\u2026[truncated ";
    private static final String TRUNCATED_SUFFIX = " chars]";

    /** What a slot carries: a log event, a broken one to skip, or a control request for the sinks. */
    public enum Kind { LOG, BROKEN, FLUSH, SHUTDOWN }

    private static final VarHandle REMAINING;

    static {
        try {
            REMAINING = MethodHandles.lookup().findVarHandle(LogEvent.class, "remaining", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int maxChars;
    private Kind kind = Kind.LOG;
    private boolean synthetic;
    private Level level = Level.INFO;
    private String loggerName;
    private String threadName;
    private long epochSecond;
    private int nanoOfSecond;
    private StringBuilder message = new StringBuilder(INITIAL_CHARS);
    private long truncatedChars;
    private Throwable throwable;
    private String[] markers = new String[2];
    private int markerCount;
    private String[] keys = new String[4];
    private ValueType[] types = new ValueType[4];
    private long[] bits = new long[4];
    private String[] texts = new String[4];
    private int pairCount;
    private Map<String, String> mdc = Collections.emptyMap();
    private Object control;
    @SuppressWarnings("unused") // accessed through REMAINING
    private volatile int remaining;

    /** @param maxChars longer messages are cut here and end with {@code …[truncated N chars]} */
    public LogEvent(int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    // ---------------------------------------------------------------- reading

    public Kind kind() {
        return kind;
    }

    /** True for events the pipeline made itself (drop summaries); sinks do not count them. */
    public boolean isSynthetic() {
        return synthetic;
    }

    public Level level() {
        return level;
    }

    public String loggerName() {
        return loggerName;
    }

    public String threadName() {
        return threadName;
    }

    /** Seconds since the epoch, UTC. */
    public long epochSecond() {
        return epochSecond;
    }

    public int nanoOfSecond() {
        return nanoOfSecond;
    }

    /** The formatted message; a view of the slot's reusable buffer, valid only inside {@link Sink#onEvent}. */
    public CharSequence message() {
        return message;
    }

    /** The exception, or null. */
    public Throwable throwable() {
        return throwable;
    }

    public int markerCount() {
        return markerCount;
    }

    public String marker(int index) {
        checkIndex(index, markerCount);
        return markers[index];
    }

    /** Number of key-value pairs (SLF4J 2 fluent API), in the order they were added. */
    public int keyValueCount() {
        return pairCount;
    }

    public String key(int index) {
        checkIndex(index, pairCount);
        return keys[index];
    }

    public ValueType valueType(int index) {
        checkIndex(index, pairCount);
        return types[index];
    }

    public boolean booleanValue(int index) {
        checkIndex(index, pairCount);
        return bits[index] != 0;
    }

    public long longValue(int index) {
        checkIndex(index, pairCount);
        return bits[index];
    }

    public double doubleValue(int index) {
        checkIndex(index, pairCount);
        return Double.longBitsToDouble(bits[index]);
    }

    /** The text of a {@link ValueType#STRING} or {@link ValueType#DECIMAL} value. */
    public String textValue(int index) {
        checkIndex(index, pairCount);
        return texts[index];
    }

    /** The MDC captured with the event: an immutable snapshot, never null. */
    public Map<String, String> mdc() {
        return mdc;
    }

    /** The request a control event carries ({@link Kind#FLUSH}, {@link Kind#SHUTDOWN}). */
    public Object control() {
        return control;
    }

    // ---------------------------------------------------------------- writing (translators)

    /** Overrides the capture time, e.g. for events replayed after initialization. */
    public LogEvent timestamp(long epochSecond, int nanoOfSecond) {
        this.epochSecond = epochSecond;
        this.nanoOfSecond = nanoOfSecond;
        return this;
    }

    /** Overrides the thread name, e.g. for events replayed after initialization. */
    public LogEvent threadName(String threadName) {
        this.threadName = threadName;
        return this;
    }

    public LogEvent throwable(Throwable throwable) {
        this.throwable = throwable;
        return this;
    }

    /** Keeps a reference: pass an immutable map (a copy-on-write MDC snapshot). Null means empty. */
    public LogEvent mdc(Map<String, String> mdc) {
        this.mdc = mdc == null ? Collections.emptyMap() : mdc;
        return this;
    }

    public LogEvent addMarker(String name) {
        if (markerCount == markers.length) {
            markers = Arrays.copyOf(markers, markerCount * 2);
        }
        markers[markerCount++] = String.valueOf(name);
        return this;
    }

    /**
     * Adds a key-value pair, capturing the value now. Numbers and booleans keep their type
     * (mutable numbers such as {@code AtomicLong} are read now); anything else becomes
     * {@code String.valueOf(value)}, or {@code [FAILED toString()]} if that throws.
     */
    public LogEvent addKeyValue(String key, Object value) {
        if (pairCount == keys.length) {
            int size = pairCount * 2;
            keys = Arrays.copyOf(keys, size);
            types = Arrays.copyOf(types, size);
            bits = Arrays.copyOf(bits, size);
            texts = Arrays.copyOf(texts, size);
        }
        int i = pairCount++;
        keys[i] = String.valueOf(key);
        texts[i] = null;
        bits[i] = 0;
        if (value == null) {
            types[i] = ValueType.NULL;
        } else if (value instanceof String) {
            types[i] = ValueType.STRING;
            texts[i] = (String) value;
        } else if (value instanceof Boolean) {
            types[i] = ValueType.BOOLEAN;
            bits[i] = ((Boolean) value) ? 1 : 0;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof AtomicInteger || value instanceof AtomicLong
                || value instanceof LongAdder || value instanceof LongAccumulator) {
            types[i] = ValueType.LONG;
            bits[i] = ((Number) value).longValue();
        } else if (value instanceof Double || value instanceof Float || value instanceof DoubleAdder
                || value instanceof DoubleAccumulator) {
            types[i] = ValueType.DOUBLE;
            bits[i] = Double.doubleToRawLongBits(value instanceof Float
                    ? Double.parseDouble(value.toString()) : ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            types[i] = ValueType.DECIMAL;
            texts[i] = value.toString();
        } else if (value instanceof Number) {
            // An unknown Number subclass may have any toString(); its double value is a safe number.
            types[i] = ValueType.DOUBLE;
            bits[i] = Double.doubleToRawLongBits(safeDouble((Number) value));
        } else {
            types[i] = ValueType.STRING;
            texts[i] = safeToString(value);
        }
        return this;
    }

    /** Sets the message to plain text (no placeholders), truncated at the limit. */
    public LogEvent message(CharSequence text) {
        startMessage();
        appendBounded(text == null ? "null" : text);
        return endMessage();
    }

    /**
     * Formats with SLF4J semantics: {@code {}} placeholders, {@code \{}} escape, {@code \\{}} an
     * escaped backslash before a placeholder, arrays rendered like {@code Arrays.toString}.
     * A Throwable argument is the exception; see {@link #format(String, Object[])}.
     */
    public LogEvent format(String pattern, Object arg) {
        if (arg instanceof Throwable && throwable == null) {
            throwable = (Throwable) arg;
            return format(pattern, null, null, null, 0);
        }
        return format(pattern, arg, null, null, 1);
    }

    /** Two-argument form; a trailing Throwable is the exception and is not formatted. */
    public LogEvent format(String pattern, Object arg1, Object arg2) {
        if (arg2 instanceof Throwable && throwable == null) {
            throwable = (Throwable) arg2;
            return format(pattern, arg1, null, null, 1);
        }
        return format(pattern, arg1, arg2, null, 2);
    }

    /**
     * Varargs form, as SLF4J's {@code MessageFormatter.arrayFormat}: if the last argument is a
     * Throwable and no exception was set yet, it is the exception and is not formatted.
     */
    public LogEvent format(String pattern, Object[] args) {
        int count = args == null ? 0 : args.length;
        if (count > 0 && args[count - 1] instanceof Throwable && throwable == null) {
            throwable = (Throwable) args[count - 1];
            count--;
        }
        return format(pattern, null, null, args, count);
    }

    /** Varargs form with no throwable extraction: every argument is formatted. */
    public LogEvent formatAll(String pattern, Object[] args) {
        return format(pattern, null, null, args, args == null ? 0 : args.length);
    }

    // Arguments come either as (a1, a2) or as an array, so the fixed-arity calls allocate no array.
    private LogEvent format(String pattern, Object a1, Object a2, Object[] args, int count) {
        startMessage();
        if (pattern == null) {
            appendBounded("null");
            return endMessage();
        }
        int from = 0;
        for (int arg = 0; arg < count; arg++) {
            int at = pattern.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            if (at > 0 && pattern.charAt(at - 1) == '\\') {
                if (at > 1 && pattern.charAt(at - 2) == '\\') {
                    // "\\{}": a literal backslash, then a real placeholder
                    appendBounded(pattern, from, at - 1);
                    appendArgument(args == null ? (arg == 0 ? a1 : a2) : args[arg]);
                    from = at + 2;
                } else {
                    // "\{}": a literal "{}", and this argument waits for the next placeholder
                    appendBounded(pattern, from, at - 1);
                    appendBounded("{");
                    from = at + 1;
                    arg--;
                }
            } else {
                appendBounded(pattern, from, at);
                appendArgument(args == null ? (arg == 0 ? a1 : a2) : args[arg]);
                from = at + 2;
            }
        }
        appendBounded(pattern, from, pattern.length());
        return endMessage();
    }

    private void appendArgument(Object value) {
        if (value == null) {
            appendBounded("null");
        } else if (value instanceof String) {
            appendBounded((String) value);
        } else if ((value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) && maxChars - message.length() >= 20) {
            // the most common arguments, appended without the String toString() would allocate
            message.append(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            appendBounded((Boolean) value ? "true" : "false");
        } else if (value.getClass().isArray()) {
            appendArray(value, null);
        } else {
            appendBounded(safeToString(value));
        }
    }

    // Like SLF4J's deeplyAppendParameter: primitive arrays by Arrays.toString, object arrays
    // recursively, a cycle printed as "[...]". The seen-set is only allocated for nested arrays.
    private void appendArray(Object array, java.util.Set<Object> seen) {
        if (array instanceof Object[]) {
            Object[] values = (Object[]) array;
            if (seen == null) {
                seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            }
            if (!seen.add(array)) {
                appendBounded("[...]");
                return;
            }
            appendBounded("[");
            for (int i = 0; i < values.length && truncatedChars == 0; i++) {
                if (i > 0) {
                    appendBounded(", ");
                }
                Object v = values[i];
                if (v != null && v.getClass().isArray()) {
                    appendArray(v, seen);
                } else {
                    appendBounded(v == null ? "null" : v instanceof String ? (String) v : safeToString(v));
                }
            }
            appendBounded("]");
            seen.remove(array);
        } else if (array instanceof int[]) {
            appendBounded(Arrays.toString((int[]) array));
        } else if (array instanceof long[]) {
            appendBounded(Arrays.toString((long[]) array));
        } else if (array instanceof byte[]) {
            appendBounded(Arrays.toString((byte[]) array));
        } else if (array instanceof short[]) {
            appendBounded(Arrays.toString((short[]) array));
        } else if (array instanceof char[]) {
            appendBounded(Arrays.toString((char[]) array));
        } else if (array instanceof boolean[]) {
            appendBounded(Arrays.toString((boolean[]) array));
        } else if (array instanceof float[]) {
            appendBounded(Arrays.toString((float[]) array));
        } else if (array instanceof double[]) {
            appendBounded(Arrays.toString((double[]) array));
        }
    }

    private void startMessage() {
        message.setLength(0);
        truncatedChars = 0;
    }

    private LogEvent endMessage() {
        if (truncatedChars > 0) {
            message.append(TRUNCATED_PREFIX).append(truncatedChars).append(TRUNCATED_SUFFIX);
        }
        return this;
    }

    private void appendBounded(CharSequence text) {
        appendBounded(text, 0, text.length());
    }

    // Never lets the builder grow past maxChars, so a 1 MB argument costs no 1 MB slot.
    private void appendBounded(CharSequence text, int start, int end) {
        int room = maxChars - message.length();
        int length = end - start;
        if (length <= room) {
            message.append(text, start, end);
            return;
        }
        int cut = start + Math.max(room, 0);
        if (cut > start && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        message.append(text, start, cut);
        truncatedChars += end - cut;
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value.toString());
        } catch (Throwable t) {
            return FAILED_TO_STRING;
        }
    }

    private static double safeDouble(Number value) {
        try {
            return value.doubleValue();
        } catch (Throwable t) {
            return Double.NaN;
        }
    }

    private static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
    }

    // ---------------------------------------------------------------- pipeline use

    /**
     * Starts a new event in this slot. Called by the pipeline before the translator; not for
     * translators or sinks.
     */
    public void begin(Kind kind, Level level, String loggerName, String threadName, long epochSecond,
                      int nanoOfSecond, int readers) {
        this.kind = kind;
        this.synthetic = false;
        this.level = level;
        this.loggerName = loggerName;
        this.threadName = threadName;
        this.epochSecond = epochSecond;
        this.nanoOfSecond = nanoOfSecond;
        this.throwable = null;
        this.mdc = Collections.emptyMap();
        this.markerCount = 0;
        this.pairCount = 0;
        this.control = null;
        this.truncatedChars = 0;
        message.setLength(0);
        REMAINING.setRelease(this, readers);
    }

    /** Marks the slot as a control request (pipeline use). */
    public void control(Kind kind, Object request) {
        this.kind = kind;
        this.control = request;
    }

    /** Marks the slot as pipeline-made (pipeline use). */
    public void synthetic(boolean synthetic) {
        this.synthetic = synthetic;
    }

    /** Marks the slot broken after a failed translation (pipeline use). */
    public void markBroken() {
        this.kind = Kind.BROKEN;
    }

    /**
     * One reader is done with the slot; the last one clears it. Returns true if this call cleared.
     * (Pipeline use.)
     */
    public boolean release() {
        // The last reader needs no atomic: the others have all decremented already. With one
        // sink, the common case, that is every release.
        if ((int) REMAINING.getAcquire(this) == 1 || (int) REMAINING.getAndAdd(this, -1) == 1) {
            clear();
            return true;
        }
        return false;
    }

    /**
     * Drops every reference that could pin memory (exception, MDC, key-value text, markers, a
     * control request) and shrinks oversized buffers. Every write is conditional: a slot that
     * held none of these is only read, so its cache lines stay shared and the producer that
     * reuses it does not have to take them back from this consumer's core. Logger and thread
     * names are left: they are long-lived strings, and the producer overwrites them anyway.
     */
    void clear() {
        if (throwable != null) {
            throwable = null;
        }
        if (!mdc.isEmpty()) {
            mdc = Collections.emptyMap();
        }
        if (control != null) {
            control = null;
        }
        if (markerCount > 0) {
            Arrays.fill(markers, 0, markerCount, null);
            markerCount = 0;
        }
        if (pairCount > 0) {
            Arrays.fill(keys, 0, pairCount, null);
            Arrays.fill(texts, 0, pairCount, null);
            pairCount = 0;
            if (keys.length > MAX_RETAINED_PAIRS) {
                keys = new String[4];
                types = new ValueType[4];
                bits = new long[4];
                texts = new String[4];
            }
        }
        if (message.capacity() > MAX_RETAINED_CHARS) {
            message = new StringBuilder(INITIAL_CHARS);
        }
    }

    /** Copies another event's content, for sinks and tests that need to keep an event. */
    public LogEvent copyFrom(LogEvent other) {
        begin(other.kind, other.level, other.loggerName, other.threadName, other.epochSecond,
                other.nanoOfSecond, 0);
        synthetic = other.synthetic;
        throwable = other.throwable;
        mdc = other.mdc;
        control = other.control;
        message.append(other.message);
        for (int i = 0; i < other.markerCount; i++) {
            addMarker(other.markers[i]);
        }
        for (int i = 0; i < other.pairCount; i++) {
            addKeyValue(other.keys[i], null);
            types[i] = other.types[i];
            bits[i] = other.bits[i];
            texts[i] = other.texts[i];
        }
        return this;
    }

    @Override
    public String toString() {
        return "LogEvent{" + kind + ' ' + level + ' ' + loggerName + ": " + message + '}';
    }
}
