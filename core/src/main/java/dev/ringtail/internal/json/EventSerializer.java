package dev.ringtail.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ringtail.Level;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.text.StackTraces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns one {@link EventView} into one BetterStack JSON object, with jackson-core's streaming
 * generator writing into a reused buffer.
 *
 * <p>The object holds the reserved fields {@code dt}, {@code level}, {@code message},
 * {@code logger_name}, {@code thread_name}, then {@code markers} and {@code exception} when
 * present, then MDC entries and key-value pairs as top-level fields. No object ever holds a key
 * twice; which value a key keeps is decided by this precedence, highest first:
 * <ol>
 *   <li>key-value pairs, the last one added winning among pairs with the same key;</li>
 *   <li>MDC entries whose key is written as it is;</li>
 *   <li>MDC entries whose key had to change: a reserved name ({@code level}) becomes
 *       {@code _level}, and a key with a lone surrogate has it replaced by U+FFFD. So an MDC
 *       entry {@code _level} beats an MDC entry {@code level} that would also be written as
 *       {@code _level}.</li>
 * </ol>
 * A user key equal to a reserved name is always written with a {@code _} prefix, whatever its
 * source. Value types survive (numbers, booleans, null); NaN and infinities become the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, and a decimal beyond the double range
 * its text as a string. Every string is valid UTF-8: control
 * characters are escaped by jackson, lone surrogates are replaced by U+FFFD here.
 *
 * <p>The steady state allocates nothing per event: field names and level values are
 * pre-encoded, {@code dt} is formatted into a reused char array, the message is copied into a
 * reused char array rather than turned into a String. Not thread-safe: one per consumer thread.
 */
public final class EventSerializer {
    /** Default limit of an exception's stack text, the same as the default message limit. */
    public static final int DEFAULT_MAX_STACK_CHARS = 32_768;
    /** Default limit of every other string but the message ({@code ringtail.field.maxChars}). */
    public static final int DEFAULT_MAX_FIELD_CHARS = Truncation.DEFAULT_MAX_FIELD_CHARS;

    private static final SerializableString DT = new SerializedString("dt");
    private static final SerializableString LEVEL = new SerializedString("level");
    private static final SerializableString MESSAGE = new SerializedString("message");
    private static final SerializableString LOGGER_NAME = new SerializedString("logger_name");
    private static final SerializableString THREAD_NAME = new SerializedString("thread_name");
    private static final SerializableString MARKERS = new SerializedString("markers");
    private static final SerializableString EXCEPTION = new SerializedString("exception");
    private static final SerializableString CLASS = new SerializedString("class");
    private static final SerializableString STACKTRACE = new SerializedString("stacktrace");
    private static final SerializableString[] LEVEL_VALUES = new SerializableString[Level.count()];

    static {
        for (Level level : Level.values()) {
            LEVEL_VALUES[level.ordinal()] = new SerializedString(level.wireName());
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8) // emoji as 4 UTF-8 bytes, not two escapes
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final int maxStackChars;
    private final int maxFieldChars;
    private final OutputBuffer out = new OutputBuffer(1024);
    private final IsoTimestamp timestamp = new IsoTimestamp();
    private final StringBuilder stack = new StringBuilder(1024);
    private final BiConsumer<String, String> mdcWriter = this::writeMdcEntry; // built once, not per event
    private JsonGenerator generator;
    private final JsonText text = new JsonText();
    private final WrittenKeys written = new WrittenKeys();
    private boolean mdcChangedKeysPass;

    public EventSerializer() {
        this(DEFAULT_MAX_STACK_CHARS);
    }

    /** @param maxStackChars an exception's stack text is cut after this many chars */
    public EventSerializer(int maxStackChars) {
        this(maxStackChars, DEFAULT_MAX_FIELD_CHARS);
    }

    /**
     * @param maxStackChars an exception's stack text is cut after this many chars
     * @param maxFieldChars every other string but the message is cut after this many chars
     */
    public EventSerializer(int maxStackChars, int maxFieldChars) {
        if (maxStackChars < 1 || maxFieldChars < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxStackChars + ", " + maxFieldChars);
        }
        this.maxStackChars = maxStackChars;
        this.maxFieldChars = maxFieldChars;
        this.generator = newGenerator();
    }

    /**
     * Serializes the event as one JSON object (no separator, no newline) and returns the buffer
     * holding exactly it, valid until the next call. If the event cannot be serialized the
     * exception propagates and this serializer is ready for the next event.
     */
    public OutputBuffer serialize(EventView event) throws IOException {
        if (out.capacity() > 4 * JsonText.MAX_RETAINED_CHARS) {
            out.resetAndShrink(1024); // the last event was huge; the generator keeps writing to this same object
        } else {
            out.reset();
        }
        try {
            writeEvent(event);
            generator.flush();
            return out;
        } catch (Throwable t) {
            // The generator may be mid-object; a fresh one is cheaper than reasoning about its state.
            generator = newGenerator();
            out.reset();
            throw t;
        } finally {
            written.forget();
            releaseScratch();
        }
    }

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator created = FACTORY.createGenerator(out);
            created.setRootValueSeparator(null); // consecutive events are separated by the caller
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory target
        }
    }

    private void writeEvent(EventView event) throws IOException {
        JsonGenerator g = generator;
        g.writeStartObject();
        g.writeFieldName(DT);
        g.writeString(timestamp.format(event.epochSecond(), event.nanoOfSecond()), 0, IsoTimestamp.LENGTH);
        g.writeFieldName(LEVEL);
        g.writeString(LEVEL_VALUES[event.level().ordinal()]);
        g.writeFieldName(MESSAGE);
        writeText(event.message());
        g.writeFieldName(LOGGER_NAME);
        writeField(event.loggerName());
        g.writeFieldName(THREAD_NAME);
        writeField(event.threadName());
        int markers = event.markerCount();
        if (markers > 0) {
            g.writeFieldName(MARKERS);
            g.writeStartArray();
            for (int i = 0; i < markers; i++) {
                writeText(event.marker(i)); // cut when captured
            }
            g.writeEndArray();
        }
        Throwable thrown = event.throwable();
        if (thrown != null) {
            writeException(thrown);
        }
        writeUserFields(event);
        g.writeEndObject();
    }

    private void writeException(Throwable thrown) throws IOException {
        JsonGenerator g = generator;
        g.writeFieldName(EXCEPTION);
        g.writeStartObject();
        g.writeFieldName(CLASS);
        writeField(thrown.getClass().getName());
        g.writeFieldName(MESSAGE);
        writeField(StackTraces.message(thrown));
        g.writeFieldName(STACKTRACE);
        stack.setLength(0);
        StackTraces.append(thrown, stack, maxStackChars, maxFieldChars);
        writeText(stack);
        g.writeEndObject();
    }

    private void writeUserFields(EventView event) throws IOException {
        // Highest precedence first, skipping keys already written: see the class comment.
        for (int i = event.keyValueCount() - 1; i >= 0; i--) {
            String key = WrittenKeys.userKey(event.key(i));
            if (written.claim(key)) {
                generator.writeFieldName(key);
                writeValue(event, i);
            }
        }
        Map<String, String> mdc = event.mdc();
        if (!mdc.isEmpty()) {
            try {
                mdcChangedKeysPass = false;
                mdc.forEach(mdcWriter);
                mdcChangedKeysPass = true;
                mdc.forEach(mdcWriter);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private void writeMdcEntry(String rawKey, String value) {
        // the MDC is shared by reference, so it is cut here, not at capture; a cut key counts as changed
        String key = WrittenKeys.userKey(Truncation.cut(rawKey, maxFieldChars));
        boolean changed = key != rawKey; // identity: cut and userKey return the same instance when unchanged
        if (changed != mdcChangedKeysPass || !written.claim(key)) {
            return;
        }
        try {
            generator.writeFieldName(key);
            writeField(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeValue(EventView event, int i) throws IOException {
        JsonGenerator g = generator;
        switch (event.valueType(i)) {
            case NULL:
                g.writeNull();
                break;
            case BOOLEAN:
                g.writeBoolean(event.booleanValue(i));
                break;
            case LONG:
                g.writeNumber(event.longValue(i));
                break;
            case DOUBLE:
                double d = event.doubleValue(i);
                if (Double.isFinite(d)) {
                    g.writeNumber(d);
                } else {
                    g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }
                break;
            case DECIMAL:
                String text = event.textValue(i);
                if (JsonNumbers.isJsonNumber(text) && JsonNumbers.isFiniteDouble(text)) {
                    g.writeNumber(text);
                } else {
                    // beyond the double range, or a subclass with an odd toString(): keep the text, stay valid
                    writeText(text);
                }
                break;
            default:
                writeText(event.textValue(i));
                break;
        }
    }

    // ------------------------------------------------------------------ text

    /** Writes text the bound does not apply to (the message, the stack text): bounded already. */
    private void writeText(CharSequence value) throws IOException {
        text.write(generator, value, Integer.MAX_VALUE);
    }

    /** Writes any other string, cut at {@code ringtail.field.maxChars}. */
    private void writeField(CharSequence value) throws IOException {
        text.write(generator, value, maxFieldChars);
    }

    private void releaseScratch() {
        text.release();
        if (stack.capacity() > JsonText.MAX_RETAINED_CHARS) {
            stack.setLength(0);
            stack.trimToSize();
        }
    }
}
