package dev.ringtail.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.internal.otlp.OtlpEncoding;
import dev.ringtail.internal.otlp.OtlpSink;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.testing.CapturedOutput;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OTLP sink's settings: the {@code ringtail.otlp.*} keys first (by the usual precedence), then
 * OpenTelemetry's standard environment variables, the signal-specific one before the general one.
 */
class OtlpSettingsTest {
    private final CapturedOutput err = new CapturedOutput();

    private OtlpSettings otlp(Map<String, String> props, Map<String, String> env) {
        return RingtailConfig.of(props, env, new Properties(), err.diagnostics()).otlp();
    }

    @Test
    void withNoEndpointThereIsNoOtlpSinkAndTheDefaultsAreOpenTelemetrys() {
        RingtailConfig config = RingtailConfig.of(Map.of(), Map.of(), new Properties(), err.diagnostics());
        assertThat(config.otlp().enabled()).isFalse();
        assertThat(config.otlp().encoding()).isEqualTo(OtlpEncoding.PROTOBUF);
        assertThat(config.otlp().resource().attributes()).containsExactly(Map.entry("service.name", "unknown_service:java"));
        assertThat(Components.sinks(config, err.diagnostics())).extracting(Sink::name).containsExactly("console");
        assertThat(err.text()).isEmpty();
    }

    @Test
    void theEndpointIsTheKeyElseTheLogsVariableAsItIsElseTheGeneralVariablePlusV1Logs() {
        Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:4318/custom",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
        assertThat(otlp(Map.of("ringtail.otlp.endpoint", "https://key:4318/v1/logs"), env).endpoint())
                .hasValue("https://key:4318/v1/logs");
        assertThat(otlp(Map.of(), Map.of("RINGTAIL_OTLP_ENDPOINT", "https://env-form/v1/logs")).endpoint())
                .hasValue("https://env-form/v1/logs");
        OtlpSettings fromLogs = otlp(Map.of(), env);
        assertThat(fromLogs.endpoint()).hasValue("http://logs:4318/custom");
        assertThat(fromLogs.endpointKey()).isEqualTo("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
        assertThat(otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")).endpoint())
                .hasValue("http://collector:4318/v1/logs");
        assertThat(otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://in-otel.logs.betterstack.com/")).endpoint())
                .hasValue("https://in-otel.logs.betterstack.com/v1/logs");
        assertThat(otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://gw/otlp")).endpoint())
                .hasValue("http://gw/otlp/v1/logs");
        assertThat(otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")).enabled()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ringtail.otlp.protocol, http/json", "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL, http/json",
        "OTEL_EXPORTER_OTLP_PROTOCOL, http/json", "OTEL_EXPORTER_OTLP_PROTOCOL, HTTP/PROTOBUF"})
    void theProtocolComesFromTheKeyOrEitherVariable(String name, String value) {
        OtlpSettings settings = name.startsWith("ringtail") ? otlp(Map.of(name, value), Map.of()) : otlp(Map.of(), Map.of(name, value));
        assertThat(settings.encoding()).isEqualTo(OtlpEncoding.parse(value));
        assertThat(otlp(Map.of("ringtail.otlp.protocol", "http/protobuf"), Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"))
                .encoding()).as("the key wins").isEqualTo(OtlpEncoding.PROTOBUF);
        assertThat(err.text()).isEmpty();
    }

    @Test
    void grpcOrAnotherProtocolGetsOneLineAndTheDefault() {
        OtlpSettings settings = otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        assertThat(settings.encoding()).isEqualTo(OtlpEncoding.PROTOBUF);
        assertThat(err.lines()).containsExactly("ringtail: ignoring OTEL_EXPORTER_OTLP_PROTOCOL=grpc (expected http/protobuf"
                + " or http/json; ringtail sends OTLP over HTTP only); using the default http/protobuf");
    }

    @Test
    void headersArePairsWithPercentDecodedValuesFromTheKeyElseTheLogsVariableElseTheGeneralOne() {
        assertThat(otlp(Map.of("ringtail.otlp.headers", " x-api-key = abc%20def ,X-Scope-OrgID=7"),
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "ignored=1")).headers())
                .containsExactly(Map.entry("x-api-key", "abc def"), Map.entry("X-Scope-OrgID", "7"));
        assertThat(otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_LOGS_HEADERS", "a=1", "OTEL_EXPORTER_OTLP_HEADERS", "b=2"))
                .headers()).containsExactly(Map.entry("a", "1"));
        assertThat(otlp(Map.of(), Map.of("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20t0ken")).headers())
                .containsExactly(Map.entry("Authorization", "Bearer t0ken"));
        assertThat(err.text()).isEmpty();
    }

    @Test
    void aMalformedHeaderEntryIsLeftOutWithALineThatShowsNoValue() {
        OtlpSettings settings = otlp(Map.of("ringtail.otlp.headers", "good=1,justAValueLikeAToken,=orphan"), Map.of());
        assertThat(settings.headers()).containsExactly(Map.entry("good", "1"));
        assertThat(err.lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .isEqualTo("ringtail: ignoring an entry of ringtail.otlp.headers that is not key=value"));
    }

    @Test
    void serviceNameIsTheKeyElseOtelServiceNameElseSpringsApplicationNameElseTheResourceVariableElseUnknown() {
        Map<String, String> env = Map.of("OTEL_SERVICE_NAME", "from-otel",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes,deployment.environment=prod,team=pay%2Fments");
        assertThat(otlp(Map.of("ringtail.service.name", "from-key", "spring.application.name", "from-spring"), env)
                .resource().attributes()).containsExactly(Map.entry("service.name", "from-key"),
                Map.entry("deployment.environment", "prod"), Map.entry("team", "pay/ments"));
        assertThat(otlp(Map.of("spring.application.name", "from-spring"), env).resource().serviceName()).isEqualTo("from-otel");
        assertThat(otlp(Map.of("spring.application.name", "from-spring"), Map.of("OTEL_RESOURCE_ATTRIBUTES",
                "service.name=from-attributes")).resource().serviceName()).isEqualTo("from-spring");
        assertThat(otlp(Map.of(), Map.of("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-attributes")).resource().serviceName())
                .isEqualTo("from-attributes");
        assertThat(otlp(Map.of(), Map.of()).resource().serviceName()).isEqualTo("unknown_service:java");
    }

    @Test
    void theTokenComesFromItsKeyAndComponentsBuildTheSinkWithEveryHttpKey() {
        RingtailConfig config = RingtailConfig.of(Map.of("ringtail.otlp.endpoint", "http://127.0.0.1:4318/v1/logs",
                "ringtail.otlp.protocol", "http/json", "ringtail.batch.maxEvents", "10", "ringtail.http.maxInFlight", "3"),
                Map.of("RINGTAIL_OTLP_TOKEN", "tok-1234567890"), new Properties(), err.diagnostics());
        assertThat(config.otlp().token()).hasValue("tok-1234567890");
        List<Sink> sinks = Components.sinks(config, err.diagnostics());
        assertThat(sinks).extracting(Sink::name).containsExactly("console", "otlp");
        OtlpSink sink = (OtlpSink) sinks.get(1);
        assertThat(sink.refusal()).isNull();
        assertThat(sink.encoding()).isEqualTo(OtlpEncoding.JSON);
        assertThat(sink.batches().size()).as("maxInFlight + 1 batches").isEqualTo(4);
        assertThat(Components.otlpDestination(sinks)).isEqualTo("OTLP http://127.0.0.1:4318/v1/logs (http/json)");
    }
}
