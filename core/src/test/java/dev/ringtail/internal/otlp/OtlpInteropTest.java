package dev.ringtail.internal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.text.StackTraces;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.OtlpFormat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenTelemetry Java SDK's own OTLP/HTTP log exporter and ringtail send the same records to
 * the same receiver; decoded with the official classes, the records match field by field:
 * resource, scope, times, severity, body, every attribute with its type, trace context. The SDK
 * sends protobuf (its JSON mode is not public); ringtail's records in either encoding must decode
 * to what the SDK's do.
 */
class OtlpInteropTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";
    private static final String THREAD = "http-exec-3";

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void theSdksExporterAndRingtailSendTheSameRecords(OtlpEncoding encoding) throws Exception {
        IllegalStateException thrown = new IllegalStateException("card declined");
        StringBuilder stack = new StringBuilder();
        StackTraces.append(thrown, stack, 32_768, 8192);
        try (IngestServer server = IngestServer.start(OtlpFormat.INSTANCE)) {
            sendWithTheSdk(server, stack.toString());
            try (OtlpFixture f = OtlpFixture.on(server, encoding, b -> b)) {
                f.log(Level.WARN, "shop.checkout", e -> e.threadName(THREAD).format("Payment failed for order {}", 42)
                        .addKeyValue("order_id", 42).addKeyValue("retry", true).addKeyValue("ratio", 0.25)
                        .addKeyValue("user", "ada").addMarker("AUDIT").addMarker("PII").throwable(thrown)
                        .mdc(Map.of("request_id", "c0ffee", "trace_id", TRACE_ID, "span_id", SPAN_ID, "trace_flags", "01")));
                f.log(Level.DEBUG, "shop.cart", e -> e.threadName(THREAD).message("cart emptied"));
                assertThat(f.flush()).isTrue();
            }

            assertThat(server.problems()).isEmpty();
            List<IngestServer.Request> requests = server.requests(200);
            assertThat(requests).hasSize(2);
            ExportLogsServiceRequest sdk = OtlpFormat.decode(requests.get(0));
            ExportLogsServiceRequest ringtail = OtlpFormat.decode(requests.get(1));
            assertThat(requests.get(1).header("content-type")).isEqualTo(encoding.contentType());

            assertThat(resources(ringtail)).isEqualTo(resources(sdk))
                    .containsExactly(Map.of("service.name", "checkout", "deployment.environment", "test"));
            // the SDK orders its scopes as a hash map does; ringtail in the order loggers first logged
            Map<String, LogRecord> expected = recordsByScope(sdk);
            Map<String, LogRecord> actual = recordsByScope(ringtail);
            assertThat(actual.keySet()).containsExactly("shop.checkout", "shop.cart")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (String scope : expected.keySet()) {
                LogRecord want = expected.get(scope);
                LogRecord got = actual.get(scope);
                assertThat(got.getTimeUnixNano()).isEqualTo(want.getTimeUnixNano());
                assertThat(got.getObservedTimeUnixNano()).isEqualTo(want.getObservedTimeUnixNano());
                assertThat(got.getSeverityNumber()).isEqualTo(want.getSeverityNumber());
                assertThat(got.getSeverityText()).isEqualTo(want.getSeverityText());
                assertThat(got.getBody()).isEqualTo(want.getBody());
                assertThat(OtlpFormat.attributes(got.getAttributesList(), new ArrayList<>()))
                        .as("every attribute, with its type").isEqualTo(OtlpFormat.attributes(want.getAttributesList(),
                                new ArrayList<>()));
                assertThat(OtlpFormat.hex(got.getTraceId())).isEqualTo(OtlpFormat.hex(want.getTraceId()));
                assertThat(OtlpFormat.hex(got.getSpanId())).isEqualTo(OtlpFormat.hex(want.getSpanId()));
                assertThat(got.getFlags()).isEqualTo(want.getFlags());
                assertThat(got.getDroppedAttributesCount()).isEqualTo(want.getDroppedAttributesCount());
            }
            assertThat(OtlpFormat.hex(actual.get("shop.checkout").getTraceId())).as("the positive control").isEqualTo(TRACE_ID);
        }
    }

    /** The same two records, the way an application instrumented with the SDK would emit them. */
    private static void sendWithTheSdk(IngestServer server, String stack) {
        OtlpHttpLogRecordExporter exporter = OtlpHttpLogRecordExporter.builder()
                .setEndpoint(server.uri().toString()).setCompression("gzip").build();
        io.opentelemetry.sdk.resources.Resource resource = io.opentelemetry.sdk.resources.Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), "checkout", AttributeKey.stringKey("deployment.environment"), "test"));
        SdkLoggerProvider provider = SdkLoggerProvider.builder().setResource(resource)
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(exporter).setScheduleDelay(Duration.ofHours(1)).build())
                .build(); // one request for both records, at forceFlush, as ringtail sends them
        try {
            Context traced = Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()))
                    .storeInContext(Context.root());
            provider.get("shop.checkout").logRecordBuilder()
                    .setTimestamp(OtlpFixture.UNIX_NANOS, TimeUnit.NANOSECONDS)
                    .setObservedTimestamp(OtlpFixture.UNIX_NANOS, TimeUnit.NANOSECONDS)
                    .setSeverity(Severity.WARN).setSeverityText("WARN")
                    .setBody("Payment failed for order 42")
                    .setAllAttributes(Attributes.builder()
                            .put("order_id", 42L).put("retry", true).put("ratio", 0.25).put("user", "ada")
                            .put("request_id", "c0ffee").put("thread.name", THREAD)
                            .put("exception.type", "java.lang.IllegalStateException").put("exception.message", "card declined")
                            .put("exception.stacktrace", stack)
                            .put(AttributeKey.stringArrayKey("log.markers"), List.of("AUDIT", "PII"))
                            .build())
                    .setContext(traced)
                    .emit();
            provider.get("shop.cart").logRecordBuilder()
                    .setTimestamp(OtlpFixture.UNIX_NANOS, TimeUnit.NANOSECONDS)
                    .setObservedTimestamp(OtlpFixture.UNIX_NANOS, TimeUnit.NANOSECONDS)
                    .setSeverity(Severity.DEBUG).setSeverityText("DEBUG")
                    .setBody("cart emptied")
                    .setAttribute(AttributeKey.stringKey("thread.name"), THREAD)
                    .emit();
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        } finally {
            provider.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    private static List<Map<String, Object>> resources(ExportLogsServiceRequest request) {
        return request.getResourceLogsList().stream()
                .map(r -> OtlpFormat.attributes(r.getResource().getAttributesList(), new ArrayList<>())).toList();
    }

    /** Each scope's one record (each test scope logs once). */
    private static Map<String, LogRecord> recordsByScope(ExportLogsServiceRequest request) {
        Map<String, LogRecord> records = new LinkedHashMap<>();
        for (ResourceLogs r : request.getResourceLogsList()) {
            for (ScopeLogs s : r.getScopeLogsList()) {
                assertThat(s.getLogRecordsCount()).isEqualTo(1);
                records.put(s.getScope().getName(), s.getLogRecords(0));
            }
        }
        return records;
    }
}
