package dev.ringtail.internal.otlp;

import static dev.ringtail.testing.IngestServer.Behaviour.echoingHeaders;
import static dev.ringtail.testing.IngestServer.Behaviour.noAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.OtlpSettings;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.OtlpFormat;
import dev.ringtail.testing.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Credentials of the OTLP sink (the token and every header value, from the keys or OpenTelemetry's
 * variables) never appear in any line it prints, in any {@code toString()}, through the faults it
 * reports (an error page that echoes the request's headers, a partial success, a close deadline).
 * The receiver seeing them is the positive control.
 */
class OtlpSecrecyTest {
    private static final String TOKEN = OtlpFixture.TOKEN;
    private static final String API_KEY = "hdr-SECRET-91fe3b7a0c";

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void theTokenAndHeaderValuesAreInNoLineAndNoTextWhateverTheEndpointAnswers(OtlpEncoding encoding) throws Exception {
        List<String> observed = new ArrayList<>();
        try (OtlpFixture f = OtlpFixture.start(encoding, b -> b.token(TOKEN).header("X-Api-Key", API_KEY)
                .header("Authorization", "Basic " + API_KEY).timeout(Duration.ofSeconds(1)).maxAttempts(1))) {
            f.server.then(echoingHeaders(400, "rejected:"), echoingHeaders(401, "who are you?"),
                    OtlpFormat.partialSuccess(1, "rejected"), noAnswer());
            for (int i = 0; i < 4; i++) {
                f.log(Level.ERROR, "secret-free " + i);
                assertThat(f.flush()).isTrue();
            }
            observed.add(f.sink.toString());
            observed.add(f.stats().toString());
            assertThat(f.server.requests().get(0).header("authorization")).as("the token was sent")
                    .isEqualTo("Bearer " + TOKEN);
            assertThat(f.server.requests().get(0).header("x-api-key")).isEqualTo(API_KEY);
            assertThat(f.pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
            observed.add(f.stderr.text());
            assertThat(f.stderr.text()).contains("HTTP 400").contains("HTTP 401").contains("partial success")
                    .contains("gave up");
        }
        observed.add(OtlpSink.builder().endpoint("https://otlp.example.invalid/v1/logs").token(TOKEN)
                .header("X-Api-Key", API_KEY).toString());
        assertNoCredentialIn(observed);
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void credentialsFromTheKeysAndFromOpenTelemetrysVariablesStayOutOfConfigurationText(OtlpEncoding encoding) {
        CapturedOutput stderr = new CapturedOutput();
        RingtailConfig fromKeys = RingtailConfig.of(Map.of(OtlpSettings.ENDPOINT, "http://127.0.0.1:9/v1/logs",
                OtlpSettings.TOKEN, TOKEN, OtlpSettings.HEADERS, "x-api-key=" + API_KEY + ",broken" + API_KEY,
                OtlpSettings.PROTOCOL, encoding.key()), Map.of(), new Properties(), stderr.diagnostics());
        RingtailConfig fromEnvironment = RingtailConfig.of(Map.of(), Map.of(OtlpSettings.OTEL_ENDPOINT, "http://127.0.0.1:9",
                OtlpSettings.OTEL_HEADERS, "Authorization=Bearer%20" + TOKEN + ",=" + API_KEY), new Properties(),
                stderr.diagnostics());
        List<String> observed = new ArrayList<>();
        for (RingtailConfig config : List.of(fromKeys, fromEnvironment)) {
            observed.add(config.toString());
            observed.add(config.otlp().toString());
            OtlpSink sink = Components.otlp(config, stderr.diagnostics());
            observed.add(sink.toString());
            observed.add(sink.destination());
        }
        assertThat(fromEnvironment.otlp().headers()).as("the positive control").containsEntry("Authorization", "Bearer " + TOKEN);
        assertThat(stderr.lines()).as("a malformed entry of each, named but not shown").hasSize(2);
        observed.add(stderr.text());
        assertNoCredentialIn(observed);
    }

    @ParameterizedTest
    @EnumSource(OtlpEncoding.class)
    void plainHttpOffLoopbackIsRefusedWithCredentialsAndTheLineNamesNone(OtlpEncoding encoding) {
        CapturedOutput stderr = new CapturedOutput();
        OtlpSink withToken = OtlpSink.builder().endpoint("http://collector.example.invalid:4318/v1/logs").encoding(encoding)
                .token(TOKEN).diagnostics(stderr.diagnostics()).build();
        CapturedOutput stderr2 = new CapturedOutput();
        OtlpSink withHeader = OtlpSink.builder().endpoint("http://10.255.255.1:4318/v1/logs").encoding(encoding)
                .header("X-Api-Key", API_KEY).diagnostics(stderr2.diagnostics()).build();
        CapturedOutput stderr3 = new CapturedOutput();
        OtlpSink withUserInfo = OtlpSink.builder().endpoint("https://user:" + API_KEY + "@collector.example.invalid/v1/logs")
                .diagnostics(stderr3.diagnostics()).build();

        assertThat(withToken.refusal()).contains("refusing to send the OTLP token over plain http to collector.example.invalid");
        assertThat(withHeader.refusal()).contains("refusing to send the OTLP headers over plain http to 10.255.255.1");
        assertThat(withUserInfo.refusal()).contains("must not contain user info");
        for (CapturedOutput each : List.of(stderr, stderr2, stderr3)) {
            assertThat(each.lines()).as("one line each").hasSize(1);
        }
        assertThat(withToken.started() || withHeader.started() || withUserInfo.started()).as("nothing was built").isFalse();
        assertNoCredentialIn(List.of(stderr.text(), stderr2.text(), stderr3.text(), withToken.toString(),
                withHeader.toString(), withUserInfo.toString()));
    }

    private static void assertNoCredentialIn(List<String> observed) {
        for (String secret : List.of(TOKEN, API_KEY)) {
            Secrets forms = new Secrets(secret);
            for (String text : observed) {
                assertThat(forms.findIn(text)).as(text).isNull();
            }
        }
    }
}
