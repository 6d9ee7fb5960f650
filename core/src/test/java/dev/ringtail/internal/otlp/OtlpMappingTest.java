package dev.ringtail.internal.otlp;

import static dev.ringtail.internal.otlp.OtlpFixture.attributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ringtail.Level;
import dev.ringtail.testing.IngestServer.Request;
import dev.ringtail.testing.OtlpFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row of the OTLP mapping (docs/contract.md), in both encodings, as the official
 * opentelemetry-proto classes decode what the sink sent to a real receiver.
 */
class OtlpMappingTest {
    private static final String TRACE_ID = "4BF92F3577B34DA6A3CE929D0E0E4736";
    private static final String SPAN_ID = "00F067AA0BA902B7";

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void aRecordCarriesTheEventsTimeSeverityBodyTypedAttributesExceptionMarkersAndTraceContext(OtlpEncoding encoding)
            throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b)) {
            IllegalStateException thrown = new IllegalStateException("card declined", new java.io.IOException("gateway timeout"));
            f.log(Level.WARN, "shop.checkout", e -> e.format("Payment failed for order {}", 42)
                    .addKeyValue("order_id", 42).addKeyValue("retry", true).addKeyValue("ratio", 0.25)
                    .addKeyValue("nothing", null).addKeyValue("amount", new BigDecimal("12.50"))
                    .addKeyValue("count", new BigInteger("7")).addKeyValue("nan", Double.NaN).addKeyValue("user", "ada")
                    .addMarker("AUDIT").addMarker("PII")
                    .throwable(thrown)
                    .mdc(Map.of("request_id", "c0ffee", "order_id", "the MDC's", "trace_id", TRACE_ID,
                            "span_id", SPAN_ID, "trace_flags", "01")));
            assertThat(f.flush()).isTrue();

            assertThat(f.server.problems()).isEmpty();
            List<Map<String, Object>> records = f.records();
            assertThat(records).hasSize(1);
            Map<String, Object> r = records.get(0);
            assertThat(r.get("resource")).isEqualTo(Map.of("service.name", "checkout", "deployment.environment", "test"));
            assertThat(r.get("scope")).isEqualTo("shop.checkout");
            assertThat(r.get("time_unix_nano")).isEqualTo(OtlpFixture.UNIX_NANOS);
            assertThat(r.get("observed_time_unix_nano")).isEqualTo(OtlpFixture.UNIX_NANOS);
            assertThat(r.get("severity_number")).isEqualTo(13);
            assertThat(r.get("severity_text")).isEqualTo("WARN");
            assertThat(r.get("body")).isEqualTo("Payment failed for order 42");
            assertThat(r.get("trace_id")).isEqualTo(TRACE_ID.toLowerCase());
            assertThat(r.get("span_id")).isEqualTo(SPAN_ID.toLowerCase());
            assertThat(r.get("flags")).isEqualTo(1);
            Map<String, Object> attributes = attributes(r);
            assertThat(attributes).containsEntry("order_id", 42L).containsEntry("retry", true).containsEntry("ratio", 0.25)
                    .containsEntry("nothing", null).containsEntry("amount", "12.50").containsEntry("count", 7L)
                    .containsEntry("nan", Double.NaN).containsEntry("user", "ada").containsEntry("request_id", "c0ffee")
                    .containsEntry("thread.name", Thread.currentThread().getName())
                    .containsEntry("exception.type", "java.lang.IllegalStateException")
                    .containsEntry("exception.message", "card declined")
                    .containsEntry("log.markers", List.of("AUDIT", "PII"))
                    .doesNotContainKeys("trace_id", "span_id", "trace_flags");
            assertThat((String) attributes.get("exception.stacktrace"))
                    .startsWith("java.lang.IllegalStateException: card declined\n\tat ")
                    .contains("Caused by: java.io.IOException: gateway timeout");
            assertThat(attributes).as("the MDC's order_id lost to the key-value").hasSize(14);
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void eachLevelHasItsSeverityNumberAndTheSlf4jNameAsText(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b)) {
            for (Level level : Level.values()) {
                f.log(level, "shop.checkout", e -> e.message(level.name()));
            }
            assertThat(f.flush()).isTrue();

            assertThat(f.records()).extracting(r -> r.get("severity_number"), r -> r.get("severity_text")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, "TRACE"), org.assertj.core.groups.Tuple.tuple(5, "DEBUG"),
                    org.assertj.core.groups.Tuple.tuple(9, "INFO"), org.assertj.core.groups.Tuple.tuple(13, "WARN"),
                    org.assertj.core.groups.Tuple.tuple(17, "ERROR"));
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void eachLoggerIsOneScopeInTheOrderItFirstLoggedWithItsRecordsInOrder(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.flush(java.time.Duration.ofHours(1)))) {
            String[] loggers = {"a.One", "b.Two", "a.One", "c.Three", "b.Two", "a.One"};
            for (int i = 0; i < loggers.length; i++) {
                int n = i;
                f.log(Level.INFO, loggers[i], e -> e.message("event " + n));
            }
            assertThat(f.flush()).isTrue();

            List<Request> requests = f.server.requests(200);
            assertThat(requests).hasSize(1);
            ExportLogsServiceRequest request = OtlpFormat.decode(requests.get(0));
            assertThat(request.getResourceLogsCount()).isEqualTo(1);
            List<ScopeLogs> scopes = request.getResourceLogs(0).getScopeLogsList();
            assertThat(scopes).extracting(s -> s.getScope().getName()).containsExactly("a.One", "b.Two", "c.Three");
            assertThat(scopes).extracting(s -> s.getLogRecordsList().stream().map(r -> r.getBody().getStringValue()).toList())
                    .containsExactly(List.of("event 0", "event 2", "event 5"), List.of("event 1", "event 4"), List.of("event 3"));
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void anMdcTraceIdThatIsNotValidStaysAnAttributeAndTheRecordHasNoTraceContext(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b)) {
            f.log(Level.INFO, "shop", e -> e.message("not hex").mdc(Map.of("trace_id", "not-a-trace-id", "span_id", SPAN_ID)));
            f.log(Level.INFO, "shop", e -> e.message("all zeros").mdc(Map.of("trace_id", "0".repeat(32), "span_id", SPAN_ID)));
            f.log(Level.INFO, "shop", e -> e.message("no flags").mdc(Map.of("trace_id", TRACE_ID, "span_id", SPAN_ID,
                    "trace_flags", "sampled")));
            assertThat(f.flush()).isTrue();

            List<Map<String, Object>> records = f.records();
            assertThat(records.get(0)).doesNotContainKeys("trace_id", "span_id");
            assertThat(attributes(records.get(0))).containsEntry("trace_id", "not-a-trace-id").containsEntry("span_id", SPAN_ID);
            assertThat(records.get(1)).doesNotContainKeys("trace_id", "span_id");
            assertThat(attributes(records.get(1))).containsEntry("trace_id", "0".repeat(32));
            assertThat(records.get(2)).containsEntry("trace_id", TRACE_ID.toLowerCase()).containsEntry("flags", 0);
            assertThat(attributes(records.get(2))).containsEntry("trace_flags", "sampled").doesNotContainKeys("trace_id", "span_id");
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void aKeyValueWinsOverAnMdcEntryAndNoKeyIsWrittenTwiceNorTakesRingtailsOwnNames(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b)) {
            f.log(Level.INFO, "shop", e -> e.message("keys").addKeyValue("tenant", "first").addKeyValue("tenant", "last")
                    .addKeyValue("thread.name", "mine").addKeyValue("log.markers", "mine too")
                    .mdc(Map.of("tenant", "mdc", "exception.type", "not an exception", "_thread.name", "mdc's own")));
            assertThat(f.flush()).isTrue();

            assertThat(f.server.problems()).as("no attribute key twice").isEmpty();
            assertThat(attributes(f.records().get(0))).containsEntry("tenant", "last")
                    .containsEntry("_thread.name", "mine").containsEntry("_log.markers", "mine too")
                    .containsEntry("_exception.type", "not an exception")
                    .containsEntry("thread.name", Thread.currentThread().getName())
                    .doesNotContainKey("exception.type");
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void textIsValidUtf8AndEveryStringButTheMessageIsCutAtTheFieldBound(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.maxFieldChars(64))) {
            String longLogger = "shop." + "x".repeat(100);
            f.log(Level.INFO, longLogger, e -> e.message("caf\u00e9 \uD83D\uDE00 lone \uD800 end " + "m".repeat(100))
                    .mdc(Map.of("long", "v".repeat(100), "emoji", "\uD83D\uDE00")));
            assertThat(f.flush()).isTrue();

            assertThat(f.server.problems()).isEmpty();
            Map<String, Object> r = f.records().get(0);
            assertThat((String) r.get("body")).startsWith("caf\u00e9 \uD83D\uDE00 lone \uFFFD end ").endsWith("m".repeat(100));
            assertThat(r.get("scope")).isEqualTo(longLogger.substring(0, 64) + "\u2026[truncated 41 chars]");
            assertThat(attributes(r)).contains(entry("long", "v".repeat(64) + "\u2026[truncated 36 chars]"),
                    entry("emoji", "\uD83D\uDE00"));
        }
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void requestsCarryTheEncodingsContentTypeGzipTheTokenAndTheHeaders(OtlpEncoding encoding) throws Exception {
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.token(OtlpFixture.TOKEN).header("X-Scope-OrgID", "tenant-7"))) {
            f.log(Level.INFO, "compressed");
            assertThat(f.flush()).isTrue();

            Request request = f.server.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/ingest");
            assertThat(request.header("content-type")).isEqualTo(encoding.contentType());
            assertThat(request.header("content-encoding")).isEqualTo("gzip");
            assertThat(request.header("authorization")).isEqualTo("Bearer " + OtlpFixture.TOKEN);
            assertThat(request.header("x-scope-orgid")).isEqualTo("tenant-7");
            assertThat(request.body()).isNotEqualTo(request.decoded());
            assertThat(f.records()).extracting(r -> r.get("body")).containsExactly("compressed");
        }
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.gzip(false))) {
            f.log(Level.INFO, "plain");
            assertThat(f.flush()).isTrue();

            Request request = f.server.requests().get(0);
            assertThat(request.header("content-encoding")).isNull();
            assertThat(request.header("authorization")).as("no token, no header").isNull();
            assertThat(request.body()).isEqualTo(request.decoded());
            assertThat(f.records()).extracting(r -> r.get("body")).containsExactly("plain");
        }
    }
}
