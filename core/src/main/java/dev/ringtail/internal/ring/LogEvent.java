package dev.ringtail.internal.ring;

import dev.ringtail.Level;
import dev.ringtail.internal.event.BoundedText;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.KeyValues;
import dev.ringtail.internal.event.Markers;
import dev.ringtail.internal.event.MessageFormatter;
import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.event.ValueType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collections;
import java.util.Map;

/**
 * One event: filled by a translator on the producer's thread in that thread's own event, then
 * copied into a ring slot's ({@link #takeFrom});
 * every sink reads it as an {@link EventView}; the last sink to finish clears it, so the ring never
 * pins a big message, an exception or an MDC map while idle. Its life (begin, release) belongs to
 * this package. What a producer captures is immutable or copied: the message formatted into a
 * bounded buffer ({@link MessageFormatter}), key-values by type ({@link KeyValues}), texts and
 * marker names cut at the field bound ({@link Truncation} says why MDC and names are cut later).
 */
public final class LogEvent implements EventView {

    /** What a slot carries: a log event or a request for the sinks. */
    public enum Kind { LOG, CONTROL }

    private static final VarHandle REMAINING = VarHandles.of(MethodHandles.lookup(), "remaining", int.class);
    /**
     * What an exception is reckoned to hold while pending: its message, stack frames and causes
     * are the application's objects and their size is unknown, so a fixed estimate is charged.
     */
    static final long THROWABLE_BYTES = 4096;
    private static final Map<String, String> EMPTY = Collections.emptyMap();

    private Kind kind = Kind.LOG;
    private boolean synthetic;
    private Level level = Level.INFO;
    private String loggerName;
    private String threadName;
    private long epochSecond;
    private int nanoOfSecond;
    // Not final: an event bigger than a slot's base hands its buffers over instead of copying them.
    private BoundedText message;
    private Throwable throwable;
    private Markers markers;
    private KeyValues keyValues;
    private Map<String, String> mdc = EMPTY;
    private ControlRequest control;
    /** The budget this event belongs to (its pipeline's), or null outside any ring. */
    private final MemoryBudget budget;
    /** Bytes charged to the budget for this event while it is pending; released with the slot. */
    private long charged;
    @SuppressWarnings("unused") // accessed through REMAINING
    private volatile int remaining;

    /** @param maxChars longer messages are cut here and end with {@code …[truncated N chars]} */
    public LogEvent(int maxChars) {
        this(maxChars, Truncation.DEFAULT_MAX_FIELD_CHARS);
    }

    /**
     * @param maxChars      longer messages are cut here and end with {@code …[truncated N chars]}
     * @param maxFieldChars longer marker names, key-value keys and texts are cut here when captured
     */
    public LogEvent(int maxChars, int maxFieldChars) {
        this(maxChars, maxFieldChars, null);
    }

    LogEvent(int maxChars, int maxFieldChars, MemoryBudget budget) {
        this.message = new BoundedText(maxChars);
        this.markers = new Markers(maxFieldChars);
        this.keyValues = new KeyValues(maxFieldChars);
        this.budget = budget;
    }

    /** An event outside any ring (rendering, tests, benchmarks), begun and ready for a translator. */
    public static LogEvent standalone(int maxChars, Level level, String loggerName, String threadName,
                                      long epochSecond, int nanoOfSecond) {
        LogEvent event = new LogEvent(maxChars);
        event.begin(Kind.LOG, level, loggerName, threadName, epochSecond, nanoOfSecond, 0);
        return event;
    }

    public Kind kind() { return kind; }
    @Override
    public boolean isSynthetic() { return synthetic; }
    @Override
    public Level level() { return level; }
    @Override
    public String loggerName() { return loggerName; }
    @Override
    public String threadName() { return threadName; }
    @Override
    public long epochSecond() { return epochSecond; }
    @Override
    public int nanoOfSecond() { return nanoOfSecond; }
    @Override
    public CharSequence message() { return message; }
    @Override
    public Throwable throwable() { return throwable; }
    @Override
    public int markerCount() { return markers.count(); }
    @Override
    public String marker(int index) { return markers.get(index); }
    @Override
    public int keyValueCount() { return keyValues.count(); }
    @Override
    public String key(int index) { return keyValues.key(index); }
    @Override
    public ValueType valueType(int index) { return keyValues.type(index); }
    @Override
    public boolean booleanValue(int index) { return keyValues.bits(index) != 0; }
    @Override
    public long longValue(int index) { return keyValues.bits(index); }
    @Override
    public double doubleValue(int index) { return Double.longBitsToDouble(keyValues.bits(index)); }
    @Override
    public String textValue(int index) { return keyValues.text(index); }
    @Override
    public Map<String, String> mdc() { return mdc; }

    /** The request a {@link Kind#CONTROL} slot carries. */
    ControlRequest control() { return control; }

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
        Map<String, String> next = mdc == null ? EMPTY : mdc;
        if (this.mdc != next) {
            this.mdc = next;
        }
        return this;
    }

    public LogEvent addMarker(String name) {
        markers.add(name);
        return this;
    }

    /** Adds a key-value pair, capturing the value now; see {@link KeyValues#add}. */
    public LogEvent addKeyValue(String key, Object value) {
        keyValues.add(key, value);
        return this;
    }

    /** Sets the message to plain text (no placeholders), truncated at the limit. */
    public LogEvent message(CharSequence text) {
        MessageFormatter.plain(message, text);
        return this;
    }

    /** Formats with SLF4J semantics; a Throwable argument is the exception if none was set yet. */
    public LogEvent format(String pattern, Object arg) {
        boolean thrown = takeThrowable(arg);
        MessageFormatter.format(message, pattern, thrown ? null : arg, null, null, thrown ? 0 : 1);
        return this;
    }

    /** Two-argument form; a trailing Throwable is the exception and is not formatted. */
    public LogEvent format(String pattern, Object arg1, Object arg2) {
        boolean thrown = takeThrowable(arg2);
        MessageFormatter.format(message, pattern, arg1, thrown ? null : arg2, null, thrown ? 1 : 2);
        return this;
    }

    /**
     * Varargs form, as SLF4J's {@code MessageFormatter.arrayFormat}: if the last argument is a
     * Throwable and no exception was set yet, it is the exception and is not formatted.
     */
    public LogEvent format(String pattern, Object[] args) {
        return format(pattern, args, args == null ? 0 : args.length);
    }

    /** Like {@link #format(String, Object[])} with the first {@code count} elements of a reused array. */
    public LogEvent format(String pattern, Object[] args, int count) {
        if (count > 0 && takeThrowable(args[count - 1])) {
            count--;
        }
        MessageFormatter.format(message, pattern, null, null, args, count);
        return this;
    }

    // SLF4J's rule: the last argument is the exception if it is a Throwable and none was given.
    private boolean takeThrowable(Object last) {
        if (last instanceof Throwable && throwable == null) {
            throwable = (Throwable) last;
            return true;
        }
        return false;
    }

    /** Marks the event as pipeline-made (a drop summary): sinks deliver it but never count it. */
    public LogEvent synthetic(boolean synthetic) {
        this.synthetic = synthetic;
        return this;
    }

    /** Starts a new event in this slot, before the translator runs. */
    void begin(Kind kind, Level level, String loggerName, String threadName, long epochSecond,
               int nanoOfSecond, int readers) {
        this.epochSecond = epochSecond;
        this.nanoOfSecond = nanoOfSecond;
        this.synthetic = false;
        references(kind, level, loggerName, threadName, null, EMPTY, null);
        markers.reset();
        keyValues.reset();
        message.start();
        REMAINING.setRelease(this, readers);
    }

    /** The pipeline budget this event is charged to; identifies which pipeline's ring it may enter. */
    MemoryBudget budget() { return budget; }

    /**
     * Bytes this event holds beyond a slot's preallocated base: message characters past the base
     * buffer, captured key-value text, an exception. Zero for an ordinary event, which so never
     * touches the shared budget.
     */
    long chargeableBytes() {
        long bytes = 2L * (message.charsBeyondBase() + keyValues.textChars());
        return throwable == null ? bytes : bytes + THROWABLE_BYTES;
    }

    /** Records what was charged to the budget, to be released when the last sink lets go. */
    void charged(long bytes) { this.charged = bytes; }

    /** Makes the slot carry a request to the sinks. */
    void control(ControlRequest request) {
        this.kind = Kind.CONTROL;
        this.control = request;
    }

    /**
     * Makes this slot's event the {@code captured} one, for {@code readers} sinks. The fields are
     * copied, and so are the message, marker names and key-value pairs while they fit a slot's
     * preallocated buffers; a buffer that grew past them (a long message, many pairs) is handed
     * over instead, and the caller's event takes the slot's released one in exchange. What was
     * charged to the budget moves with the event. Then the caller's event lets go of everything
     * it referred to. No user code runs here.
     */
    void takeFrom(LogEvent captured, int readers) {
        this.epochSecond = captured.epochSecond;
        this.nanoOfSecond = captured.nanoOfSecond;
        this.charged = captured.charged;
        this.synthetic = captured.synthetic;
        references(captured.kind, captured.level, captured.loggerName, captured.threadName, captured.throwable,
                captured.mdc, captured.control);
        if (captured.message.fitsBase()) {
            message.copyFrom(captured.message);
        } else {
            BoundedText released = message;
            message = captured.message;
            captured.message = released;
        }
        // A claimable slot was cleared by its last reader, so it holds no markers and no pairs:
        // an event without them leaves those objects, and their cold cache lines, untouched.
        if (captured.markers.count() > 0) {
            takeMarkers(captured);
        }
        if (captured.keyValues.count() > 0) {
            takeKeyValues(captured);
        }
        REMAINING.setRelease(this, readers);
        captured.forget();
    }

    // G1's write barrier: storing a reference into an old object (every slot and capture event is
    // one) from another region costs a StoreLoad fence, which waits for the stores into the slot's
    // cold lines, and once the card is cleaned a dirty card for G1's refinement threads to scan. These
    // references (kind, level, logger and thread name, the empty MDC) seldom change from one event
    // to the next, so each is stored only when it differs. Null stores need no barrier.
    private void references(Kind kind, Level level, String loggerName, String threadName, Throwable throwable,
                            Map<String, String> mdc, ControlRequest control) {
        if (this.kind != kind) {
            this.kind = kind;
        }
        if (this.level != level) {
            this.level = level;
        }
        if (this.loggerName != loggerName) {
            this.loggerName = loggerName;
        }
        if (this.threadName != threadName) {
            this.threadName = threadName;
        }
        if (this.throwable != throwable) {
            this.throwable = throwable;
        }
        if (this.mdc != mdc) {
            this.mdc = mdc;
        }
        if (this.control != control) {
            this.control = control;
        }
    }

    private void takeMarkers(LogEvent captured) {
        if (captured.markers.fitsBase()) {
            markers.copyFrom(captured.markers);
        } else {
            Markers released = markers;
            markers = captured.markers;
            captured.markers = released;
        }
    }

    private void takeKeyValues(LogEvent captured) {
        if (captured.keyValues.fitsBase()) {
            keyValues.copyFrom(captured.keyValues);
        } else {
            KeyValues released = keyValues;
            keyValues = captured.keyValues;
            captured.keyValues = released;
        }
    }

    /**
     * Lets go of a captured event that is not published (dropped, or its capture threw), and
     * gives back what it was charged. Safe on the producer's thread: no user code runs.
     */
    void discard() {
        if (charged != 0) {
            budget.release(charged);
        }
        message.shrink(); // a grown buffer kept here would make every later event look big
        forget();
    }

    // Unconditional writes, on the caller's own event (its lines are in the caller's cache), and
    // no user code: the MDC map is not asked whether it is empty, as clear() does on a consumer.
    private void forget() {
        this.throwable = null;
        if (this.mdc != EMPTY) { // see references()
            this.mdc = EMPTY;
        }
        this.control = null;
        this.charged = 0;
        markers.clear();
        keyValues.clear();
    }

    /** One reader is done with the slot; the last one clears it. Returns true if this call cleared. */
    boolean release() {
        // The last reader needs no atomic: the others have all decremented already. With one
        // sink, the common case, that is every release.
        if ((int) REMAINING.getAcquire(this) == 1 || (int) REMAINING.getAndAdd(this, -1) == 1) {
            clear();
            return true;
        }
        return false;
    }

    /**
     * Drops every reference that could pin memory and returns what was charged. Every write is
     * conditional: a slot that held nothing is only read, so its cache lines stay shared with the
     * producer that reuses it. Logger and thread names are long-lived strings and are left.
     */
    void clear() {
        if (charged != 0) {
            budget.release(charged);
            charged = 0;
        }
        if (throwable != null) {
            throwable = null;
        }
        if (!mdc.isEmpty()) {
            mdc = EMPTY;
        }
        if (control != null) {
            control = null;
        }
        markers.clear();
        keyValues.clear();
        message.shrink();
    }

    @Override
    public String toString() { return "LogEvent{" + kind + ' ' + level + ' ' + loggerName + ": " + message + '}'; }
}
