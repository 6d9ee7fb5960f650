package dev.ringtail.internal.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.http.Protocol;
import dev.ringtail.internal.json.JsonText;
import dev.ringtail.internal.json.OutputBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One event as an OTLP {@code LogRecord} in OTLP/JSON, with jackson-core's streaming generator
 * into a reused buffer. The fields are those of {@link ProtobufRecordEncoder}, written by the
 * OTLP/JSON rules: lowerCamelCase keys, int64 values (times, integer attributes) as decimal
 * strings, the severity number as an integer, trace and span ids as hex, NaN and infinities as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. Not thread-safe: one per
 * consumer thread.
 */
final class JsonRecordEncoder implements Protocol.EventEncoder, RecordAttributes.Writer {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();
    private static final SerializableString TIME = new SerializedString("timeUnixNano");
    private static final SerializableString OBSERVED_TIME = new SerializedString("observedTimeUnixNano");
    private static final SerializableString SEVERITY_NUMBER = new SerializedString("severityNumber");
    private static final SerializableString SEVERITY_TEXT = new SerializedString("severityText");
    private static final SerializableString BODY = new SerializedString("body");
    private static final SerializableString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializableString FLAGS = new SerializedString("flags");
    private static final SerializableString TRACE_ID = new SerializedString("traceId");
    private static final SerializableString SPAN_ID = new SerializedString("spanId");
    private static final SerializableString KEY = new SerializedString("key");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString STRING_VALUE = new SerializedString("stringValue");
    private static final SerializableString BOOL_VALUE = new SerializedString("boolValue");
    private static final SerializableString INT_VALUE = new SerializedString("intValue");
    private static final SerializableString DOUBLE_VALUE = new SerializedString("doubleValue");
    private static final SerializableString ARRAY_VALUE = new SerializedString("arrayValue");
    private static final SerializableString VALUES = new SerializedString("values");

    private final OutputBuffer out = new OutputBuffer(1024);
    private final JsonText text = new JsonText();
    private final RecordAttributes attributes;
    private final char[] digits = new char[20];
    private final char[] traceHex = new char[32];
    private final char[] spanHex = new char[16];
    private JsonGenerator generator = newGenerator();

    JsonRecordEncoder(int maxStackChars, int maxFieldChars) {
        this.attributes = new RecordAttributes(maxStackChars, maxFieldChars);
    }

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator created = FACTORY.createGenerator(out);
            created.setRootValueSeparator(null); // the body writer separates records
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory target
        }
    }

    @Override
    public OutputBuffer encode(EventView event) throws IOException {
        if (out.capacity() > 4 * JsonText.MAX_RETAINED_CHARS) {
            out.resetAndShrink(1024);
        } else {
            out.reset();
        }
        try {
            writeRecord(event);
            generator.flush();
            return out;
        } catch (Throwable t) {
            generator = newGenerator(); // it may be mid-object; a fresh one is simpler than its state
            out.reset();
            throw t;
        } finally {
            text.release();
        }
    }

    private void writeRecord(EventView event) throws IOException {
        JsonGenerator g = generator;
        g.writeStartObject();
        long time = Severity.unixNanos(event.epochSecond(), event.nanoOfSecond());
        g.writeFieldName(TIME);
        int n = decimal(time);
        g.writeString(digits, digits.length - n, n);
        g.writeFieldName(OBSERVED_TIME);
        g.writeString(digits, digits.length - n, n);
        g.writeFieldName(SEVERITY_NUMBER);
        g.writeNumber(Severity.number(event.level()));
        g.writeFieldName(SEVERITY_TEXT);
        g.writeString(Severity.text(event.level()));
        CharSequence message = event.message();
        if (message != null) {
            g.writeFieldName(BODY);
            g.writeStartObject();
            g.writeFieldName(STRING_VALUE);
            text.write(g, message, Integer.MAX_VALUE); // bounded when captured
            g.writeEndObject();
        }
        g.writeFieldName(ATTRIBUTES);
        g.writeStartArray();
        attributes.walk(event, this);
        if (event.markerCount() > 0) {
            markers(event);
        }
        g.writeEndArray();
        TraceContext context = attributes.context();
        if (context.valid()) {
            g.writeFieldName(FLAGS);
            g.writeNumber(context.flags());
            TraceContext.hex(context.traceId, traceHex);
            g.writeFieldName(TRACE_ID);
            g.writeString(traceHex, 0, traceHex.length);
            TraceContext.hex(context.spanId, spanHex);
            g.writeFieldName(SPAN_ID);
            g.writeString(spanHex, 0, spanHex.length);
        }
        g.writeEndObject();
    }


    private void markers(EventView event) throws IOException {
        JsonGenerator g = startAttribute(RecordAttributes.LOG_MARKERS);
        g.writeFieldName(ARRAY_VALUE);
        g.writeStartObject();
        g.writeFieldName(VALUES);
        g.writeStartArray();
        for (int i = 0; i < event.markerCount(); i++) {
            g.writeStartObject();
            g.writeFieldName(STRING_VALUE);
            text.write(g, event.marker(i), Integer.MAX_VALUE); // cut when captured
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        endAttribute(g);
    }

    /** {@code {"key":...,"value":{} } up to the value's first field. */
    private JsonGenerator startAttribute(String key) throws IOException {
        JsonGenerator g = generator;
        g.writeStartObject();
        g.writeFieldName(KEY);
        text.write(g, key, Integer.MAX_VALUE);
        g.writeFieldName(VALUE);
        g.writeStartObject();
        return g;
    }

    private static void endAttribute(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    public void text(String key, CharSequence value, int maxChars) throws IOException {
        JsonGenerator g = startAttribute(key);
        g.writeFieldName(STRING_VALUE);
        text.write(g, value, maxChars);
        endAttribute(g);
    }

    @Override
    public void integer(String key, long value) throws IOException {
        JsonGenerator g = startAttribute(key);
        g.writeFieldName(INT_VALUE);
        int n = decimal(value);
        g.writeString(digits, digits.length - n, n); // int64: a string in OTLP/JSON
        endAttribute(g);
    }

    @Override
    public void floating(String key, double value) throws IOException {
        JsonGenerator g = startAttribute(key);
        g.writeFieldName(DOUBLE_VALUE);
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"); // proto3 JSON
        }
        endAttribute(g);
    }

    @Override
    public void bool(String key, boolean value) throws IOException {
        JsonGenerator g = startAttribute(key);
        g.writeFieldName(BOOL_VALUE);
        g.writeBoolean(value);
        endAttribute(g);
    }

    @Override
    public void empty(String key) throws IOException {
        endAttribute(startAttribute(key));
    }

    /** Writes {@code value}'s decimal digits at the end of {@link #digits}; returns how many. */
    private int decimal(long value) {
        int at = digits.length;
        long rest = value;
        boolean negative = rest < 0;
        do {
            digits[--at] = (char) ('0' + Math.abs(rest % 10));
            rest /= 10;
        } while (rest != 0);
        if (negative) {
            digits[--at] = '-';
        }
        return digits.length - at;
    }
}
