package dev.ringtail.internal.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.ringtail.Level;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.ring.LogEvent;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurement behind the OTLP sink's hand-written protobuf (docs/architecture.md): one event
 * (SerializationBenchmark's typical one: 3 key-values, 2 MDC entries one of which is a trace id, a
 * marker) encoded as an OTLP {@code LogRecord} on the consumer thread, three ways: by hand into a
 * reused buffer (what ships), with protobuf-java's generated classes (a builder, a message and
 * ByteStrings per event, written into a reused array), and as OTLP/JSON (what ships for http/json).
 * Events/s, and with {@code -prof gc} bytes allocated per event. The attribute semantics are the
 * shipped ones ({@link RecordAttributes}) in all three: only the marshalling differs. In this
 * package because the encoders are package-private; benchmarks only.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OtlpEncodingBenchmark {
    private final ProtobufRecordEncoder handWritten = new ProtobufRecordEncoder(32_768, 8192);
    private final JsonRecordEncoder json = new JsonRecordEncoder(32_768, 8192);
    private final GeneratedClasses generated = new GeneratedClasses(32_768, 8192);
    private final byte[] out = new byte[64 * 1024];
    private LogEvent event;

    @Setup
    public void setUp() {
        event = LogEvent.standalone(32_768, Level.WARN, "shop.checkout", "http-exec-3", 1_795_515_330L, 123_456_789);
        event.format("Payment failed for order {}", 42);
        event.addKeyValue("order_id", 42).addKeyValue("retry", true).addKeyValue("request_id", "c0ffee");
        event.addMarker("AUDIT");
        event.mdc(Map.of("tenant", "acme", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "span_id", "00f067aa0ba902b7"));
    }

    @Benchmark
    public int handWritten() throws IOException {
        return handWritten.encode(event).size();
    }

    @Benchmark
    public int protobufJava() throws IOException {
        LogRecord record = generated.record(event);
        CodedOutputStream coded = CodedOutputStream.newInstance(out);
        record.writeTo(coded);
        return coded.getTotalBytesWritten();
    }

    @Benchmark
    public int json() throws IOException {
        return json.encode(event).size();
    }

    /** The same record built with opentelemetry-proto's generated classes, the usual protobuf-java way. */
    static final class GeneratedClasses implements RecordAttributes.Writer {
        private static final SeverityNumber[] SEVERITIES = {SeverityNumber.SEVERITY_NUMBER_TRACE,
            SeverityNumber.SEVERITY_NUMBER_DEBUG, SeverityNumber.SEVERITY_NUMBER_INFO, SeverityNumber.SEVERITY_NUMBER_WARN,
            SeverityNumber.SEVERITY_NUMBER_ERROR};
        private final RecordAttributes attributes;
        private LogRecord.Builder builder;

        GeneratedClasses(int maxStackChars, int maxFieldChars) {
            this.attributes = new RecordAttributes(maxStackChars, maxFieldChars);
        }

        LogRecord record(EventView event) throws IOException {
            long time = Severity.unixNanos(event.epochSecond(), event.nanoOfSecond());
            builder = LogRecord.newBuilder()
                    .setTimeUnixNano(time).setObservedTimeUnixNano(time)
                    .setSeverityNumber(SEVERITIES[event.level().ordinal()]).setSeverityText(event.level().label())
                    .setBody(AnyValue.newBuilder().setStringValue(event.message().toString()));
            attributes.walk(event, this); // thread.name included
            ArrayValue.Builder markers = ArrayValue.newBuilder();
            for (int i = 0; i < event.markerCount(); i++) {
                markers.addValues(AnyValue.newBuilder().setStringValue(event.marker(i)));
            }
            builder.addAttributes(KeyValue.newBuilder().setKey(RecordAttributes.LOG_MARKERS)
                    .setValue(AnyValue.newBuilder().setArrayValue(markers)));
            TraceContext context = attributes.context();
            if (context.valid()) {
                builder.setFlags(context.flags()).setTraceId(ByteString.copyFrom(context.traceId))
                        .setSpanId(ByteString.copyFrom(context.spanId));
            }
            return builder.build();
        }

        private void add(String key, AnyValue.Builder value) {
            builder.addAttributes(KeyValue.newBuilder().setKey(key).setValue(value));
        }

        @Override
        public void text(String key, CharSequence value, int maxChars) {
            add(key, AnyValue.newBuilder().setStringValue(value.toString()));
        }

        @Override
        public void integer(String key, long value) {
            add(key, AnyValue.newBuilder().setIntValue(value));
        }

        @Override
        public void floating(String key, double value) {
            add(key, AnyValue.newBuilder().setDoubleValue(value));
        }

        @Override
        public void bool(String key, boolean value) {
            add(key, AnyValue.newBuilder().setBoolValue(value));
        }

        @Override
        public void empty(String key) {
            add(key, AnyValue.newBuilder());
        }
    }
}
