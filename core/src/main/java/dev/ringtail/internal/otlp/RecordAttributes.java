package dev.ringtail.internal.otlp;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.json.JsonText;
import dev.ringtail.internal.json.Utf16;
import dev.ringtail.internal.json.WrittenKeys;
import dev.ringtail.internal.text.StackTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which attributes a log record gets (the user's, then {@code thread.name} and {@code exception.*}),
 * with which keys and types; the user's in the same precedence as
 * the BetterStack wire format: key-value pairs first (the last added wins among equal keys),
 * then MDC entries whose key is written as it is, then MDC entries whose key had to change. No
 * record holds a key twice. A user key equal to an attribute ringtail writes itself
 * ({@code thread.name}, {@code exception.*}, {@code log.markers}) gets a {@code _} prefix; lone
 * surrogates in keys become U+FFFD; MDC keys and values are cut at the field bound. The MDC's
 * {@code trace_id}, {@code span_id} and {@code trace_flags} fill the record's trace context
 * instead, when valid ({@link TraceContext}).
 *
 * <p>Values keep their type: booleans, integers (int64), doubles (NaN and infinities too), text;
 * a {@code null} is an empty value. A {@code BigDecimal} or {@code BigInteger} that is an exact
 * int64 is an integer, any other its exact decimal text: OTLP has no decimal type, and a double
 * would silently round it. One instance per encoder, reused: no allocation per event.
 */
final class RecordAttributes {
    static final String THREAD_NAME = "thread.name";
    static final String EXCEPTION_TYPE = "exception.type";
    static final String EXCEPTION_MESSAGE = "exception.message";
    static final String EXCEPTION_STACKTRACE = "exception.stacktrace";
    static final String LOG_MARKERS = "log.markers";

    /** Where the attributes go: the protobuf or the JSON encoder. */
    interface Writer {
        /** A text value cut at {@code maxChars}. */
        void text(String key, CharSequence value, int maxChars) throws IOException;

        void integer(String key, long value) throws IOException;

        void floating(String key, double value) throws IOException;

        void bool(String key, boolean value) throws IOException;

        /** An empty value: what a {@code null} becomes. */
        void empty(String key) throws IOException;
    }

    private final int maxStackChars;
    private final int maxFieldChars;
    private final StringBuilder stack = new StringBuilder(1024);
    private final TraceContext context = new TraceContext();
    private final WrittenKeys written = new WrittenKeys();
    private final BiConsumer<String, String> mdcEntry = this::mdcEntry; // built once, not per event
    private Writer writer;
    private boolean changedKeysPass;
    private long parsed;

    RecordAttributes(int maxStackChars, int maxFieldChars) {
        this.maxStackChars = maxStackChars;
        this.maxFieldChars = maxFieldChars;
    }

    /** The trace context of the event last walked. */
    TraceContext context() {
        return context;
    }

    /**
     * Writes the event's attributes to {@code to}: the user's, then {@code thread.name} and the
     * {@code exception.*} ones ({@code log.markers}, an array, is each encoder's own). Reads the
     * event's trace context.
     */
    void walk(EventView event, Writer to) throws IOException {
        user(event, to);
        to.text(THREAD_NAME, String.valueOf(event.threadName()), maxFieldChars);
        Throwable thrown = event.throwable();
        if (thrown != null) {
            exception(thrown, to);
        }
    }

    private void exception(Throwable thrown, Writer to) throws IOException {
        to.text(EXCEPTION_TYPE, thrown.getClass().getName(), maxFieldChars);
        String message = StackTraces.message(thrown);
        if (message != null) {
            to.text(EXCEPTION_MESSAGE, message, maxFieldChars);
        }
        try {
            stack.setLength(0);
            StackTraces.append(thrown, stack, maxStackChars, maxFieldChars);
            to.text(EXCEPTION_STACKTRACE, stack, Integer.MAX_VALUE); // bounded by append
        } finally {
            if (stack.capacity() > JsonText.MAX_RETAINED_CHARS) {
                stack.setLength(0);
                stack.trimToSize();
            }
        }
    }

    private void user(EventView event, Writer to) throws IOException {
        writer = to;
        try {
            Map<String, String> mdc = event.mdc();
            context.read(mdc);
            for (int i = event.keyValueCount() - 1; i >= 0; i--) {
                String key = userKey(event.key(i));
                if (written.claim(key)) {
                    value(event, i, key);
                }
            }
            if (!mdc.isEmpty()) {
                try {
                    changedKeysPass = false;
                    mdc.forEach(mdcEntry);
                    changedKeysPass = true;
                    mdc.forEach(mdcEntry);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        } finally {
            written.forget();
            writer = null;
        }
    }

    private void mdcEntry(String rawKey, String value) {
        if (rawKey != null && context.took(rawKey)) {
            return;
        }
        // the MDC is shared by reference, so it is cut here, not at capture; a cut key counts as changed
        String cut = Truncation.cut(rawKey, maxFieldChars);
        String key = userKey(cut);
        boolean changed = key != rawKey; // identity: cut and userKey return the same instance when unchanged
        if (changed != changedKeysPass || !written.claim(key)) {
            return;
        }
        try {
            if (value == null) {
                writer.empty(key);
            } else {
                writer.text(key, value, maxFieldChars);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void value(EventView event, int i, String key) throws IOException {
        switch (event.valueType(i)) {
            case NULL:
                writer.empty(key);
                break;
            case BOOLEAN:
                writer.bool(key, event.booleanValue(i));
                break;
            case LONG:
                writer.integer(key, event.longValue(i));
                break;
            case DOUBLE:
                writer.floating(key, event.doubleValue(i));
                break;
            case DECIMAL:
                String text = event.textValue(i);
                if (parseLong(text)) {
                    writer.integer(key, parsed);
                } else {
                    writer.text(key, text, Integer.MAX_VALUE); // cut when captured
                }
                break;
            default:
                writer.text(key, event.textValue(i), Integer.MAX_VALUE); // cut when captured
                break;
        }
    }

    /** True if {@code text} is a plain integer ({@code -?[0-9]+}) within int64; its value is then {@link #parsed}. */
    boolean parseLong(String text) {
        int n = text == null ? 0 : text.length();
        boolean negative = n > 0 && text.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (i == n || n - i > 19) {
            return false;
        }
        long value = 0; // accumulated negative: the range of negatives is the larger one
        for (; i < n; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9 || value < (Long.MIN_VALUE + digit) / 10) {
                return false;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            return false;
        }
        parsed = negative ? value : -value;
        return true;
    }

    /** The key as written: ringtail's own attribute names prefixed with {@code _}, lone surrogates replaced. */
    static String userKey(String key) {
        if (key == null) {
            return "null";
        }
        switch (key) {
            case THREAD_NAME: return "_" + THREAD_NAME;
            case EXCEPTION_TYPE: return "_" + EXCEPTION_TYPE;
            case EXCEPTION_MESSAGE: return "_" + EXCEPTION_MESSAGE;
            case EXCEPTION_STACKTRACE: return "_" + EXCEPTION_STACKTRACE;
            case LOG_MARKERS: return "_" + LOG_MARKERS;
            default: return Utf16.clean(key);
        }
    }
}
