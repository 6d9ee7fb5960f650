package dev.ringtail.internal.otlp;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.http.Protocol;
import dev.ringtail.internal.json.JsonText;
import dev.ringtail.internal.json.OutputBuffer;
import java.io.IOException;

/**
 * One event as an OTLP {@code LogRecord} in binary protobuf, marshalled by hand into a reused
 * buffer: no generated classes, no builder or {@code ByteString} per event (docs/architecture.md
 * says why, with the measurement). The record is written without its own tag and length: the
 * request body groups records by logger and frames each ({@link ProtobufBody}).
 *
 * <p>Fields: {@code time_unix_nano} and {@code observed_time_unix_nano} (the event's time: the
 * capture is the observation), {@code severity_number} and {@code severity_text}, {@code body}
 * (the message, a string), the attributes of {@link RecordAttributes}, {@code thread.name},
 * {@code exception.type}, {@code exception.message}, {@code exception.stacktrace},
 * {@code log.markers} (a string array), and {@code flags}, {@code trace_id}, {@code span_id} when
 * the MDC held a trace context. Not thread-safe: one per consumer thread.
 */
final class ProtobufRecordEncoder implements Protocol.EventEncoder, RecordAttributes.Writer {
    // LogRecord fields
    private static final int TIME = 1;
    private static final int SEVERITY_NUMBER = 2;
    private static final int SEVERITY_TEXT = 3;
    private static final int BODY = 5;
    private static final int ATTRIBUTES = 6;
    private static final int FLAGS = 8;
    private static final int TRACE_ID = 9;
    private static final int SPAN_ID = 10;
    private static final int OBSERVED_TIME = 11;
    // KeyValue and AnyValue fields
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int STRING_VALUE = 1;
    private static final int BOOL_VALUE = 2;
    private static final int INT_VALUE = 3;
    private static final int DOUBLE_VALUE = 4;
    private static final int ARRAY_VALUE = 5;
    private static final int ARRAY_VALUES = 1;

    private final OutputBuffer out = new OutputBuffer(1024);
    private final ProtoWriter w = new ProtoWriter(out);
    private final RecordAttributes attributes;
    private int[] markerSizes = new int[4];

    ProtobufRecordEncoder(int maxStackChars, int maxFieldChars) {
        this.attributes = new RecordAttributes(maxStackChars, maxFieldChars);
    }

    @Override
    public OutputBuffer encode(EventView event) throws IOException {
        if (out.capacity() > 4 * JsonText.MAX_RETAINED_CHARS) {
            out.resetAndShrink(1024); // the last event was huge
        } else {
            out.reset();
        }
        long time = Severity.unixNanos(event.epochSecond(), event.nanoOfSecond());
        w.tag(TIME, ProtoWriter.FIXED64);
        w.fixed64(time);
        w.tag(OBSERVED_TIME, ProtoWriter.FIXED64);
        w.fixed64(time);
        w.tag(SEVERITY_NUMBER, ProtoWriter.VARINT);
        w.varint(Severity.number(event.level()));
        w.text(SEVERITY_TEXT, Severity.text(event.level()), Integer.MAX_VALUE);
        CharSequence message = event.message();
        if (message != null) {
            int size = w.textSize(message, Integer.MAX_VALUE); // bounded when captured
            w.lengthDelimited(BODY, ProtoWriter.fieldSize(size));
            w.lengthDelimited(STRING_VALUE, size);
            w.textBytes(message, Integer.MAX_VALUE);
        }
        attributes.walk(event, this);
        if (event.markerCount() > 0) {
            markers(event);
        }
        TraceContext context = attributes.context();
        if (context.valid()) {
            w.tag(FLAGS, ProtoWriter.FIXED32);
            w.fixed32(context.flags());
            w.bytes(TRACE_ID, context.traceId, context.traceId.length);
            w.bytes(SPAN_ID, context.spanId, context.spanId.length);
        }
        return out;
    }

    private void markers(EventView event) {
        int n = event.markerCount();
        if (markerSizes.length < n) {
            markerSizes = new int[n];
        }
        int array = 0;
        for (int i = 0; i < n; i++) {
            markerSizes[i] = w.textSize(event.marker(i), Integer.MAX_VALUE); // cut when captured
            array += ProtoWriter.fieldSize(ProtoWriter.fieldSize(markerSizes[i]));
        }
        int any = ProtoWriter.fieldSize(array);
        keyValue(RecordAttributes.LOG_MARKERS, any);
        w.lengthDelimited(ARRAY_VALUE, array);
        for (int i = 0; i < n; i++) {
            w.lengthDelimited(ARRAY_VALUES, ProtoWriter.fieldSize(markerSizes[i]));
            w.lengthDelimited(STRING_VALUE, markerSizes[i]);
            w.textBytes(event.marker(i), Integer.MAX_VALUE);
        }
    }

    /** An attribute's tag, length and key, then the tag and length of its value of {@code anySize} bytes. */
    private void keyValue(String key, int anySize) {
        int keySize = w.textSize(key, Integer.MAX_VALUE);
        w.lengthDelimited(ATTRIBUTES, ProtoWriter.fieldSize(keySize) + ProtoWriter.fieldSize(anySize));
        w.lengthDelimited(KEY, keySize);
        w.textBytes(key, Integer.MAX_VALUE);
        w.lengthDelimited(VALUE, anySize);
    }

    @Override
    public void text(String key, CharSequence value, int maxChars) {
        int size = w.textSize(value, maxChars);
        keyValue(key, ProtoWriter.fieldSize(size));
        w.lengthDelimited(STRING_VALUE, size);
        w.textBytes(value, maxChars);
    }

    @Override
    public void integer(String key, long value) {
        keyValue(key, 1 + ProtoWriter.varintSize(value));
        w.tag(INT_VALUE, ProtoWriter.VARINT);
        w.varint(value);
    }

    @Override
    public void floating(String key, double value) {
        keyValue(key, 9);
        w.tag(DOUBLE_VALUE, ProtoWriter.FIXED64);
        w.fixed64(Double.doubleToRawLongBits(value));
    }

    @Override
    public void bool(String key, boolean value) {
        keyValue(key, 2);
        w.tag(BOOL_VALUE, ProtoWriter.VARINT);
        w.varint(value ? 1 : 0);
    }

    @Override
    public void empty(String key) {
        keyValue(key, 0);
    }
}
