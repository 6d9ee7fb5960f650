package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.OtlpSettings;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.testing.CapturedOutput;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class RingtailServiceProviderTest {
    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @Test
    void requestsTheSlf4j2ApiAndHasTheMdcAdapterBeforeInitialize() {
        RingtailServiceProvider provider = new RingtailServiceProvider();
        assertThat(provider.getRequestedApiVersion()).isEqualTo("2.0.99");
        assertThat(provider.getMDCAdapter()).isInstanceOf(CopyOnWriteMdcAdapter.class);
        assertThat(provider.getMarkerFactory().getMarker("A").getName()).isEqualTo("A");
        assertThat(provider.getLoggerFactory()).as("created by initialize()").isNull();
    }

    @Test
    void isSelectableWithTheSlf4jProviderProperty() {
        slf4j.systemProperty("slf4j.provider", RingtailServiceProvider.class.getName());
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(RingtailLoggerFactory.class);
        assertThat(LoggerFactory.getLogger("x")).isInstanceOf(RingtailLogger.class);
    }

    @Test
    void initializationPrintsOneLineSayingWhereLogsGo() {
        LoggerFactory.getLogger("first").info("hello");
        List<String> ringtailLines = Arrays.stream(slf4j.stderr().text().split("\n"))
                .filter(line -> line.startsWith("ringtail:")).toList();
        assertThat(ringtailLines).containsExactly("ringtail: logs go to console (stdout) only (no token)");
    }

    @Test
    void startupLineNamesTheHostAndMasksTheToken() {
        RingtailConfig withToken = config(Map.of(RingtailConfig.TOKEN, "abcdefghijklmnopWXYZ",
                RingtailConfig.ENDPOINT, "https://s1234.eu-nbg-2.betterstackdata.com", RingtailConfig.CONSOLE_STREAM,
                "stderr"));
        String line = RingtailRuntime.destinations(withToken, Components.sinks(withToken, new Diagnostics(() -> System.err, 0)));
        assertThat(line).isEqualTo("logs go to console (stderr) and BetterStack s1234.eu-nbg-2.betterstackdata.com"
                + " (token ****WXYZ)").doesNotContain("abcdefghijklmnop");
        assertThat(RingtailRuntime.destinations(config(Map.of(RingtailConfig.CONSOLE, "false")), List.of()))
                .isEqualTo("logs go nowhere: ringtail.console=false and no token");
        assertThat(RingtailRuntime.destinations(config(Map.of()), List.of()))
                .isEqualTo("logs go to console (stdout) only (no token)");
    }

    @Test
    void aRefusedBetterStackSinkIsNotNamedAsWhereLogsGo() {
        for (String endpoint : List.of("http://10.1.2.3/", "ftp://x", "https://user:pw@s1.betterstackdata.com")) {
            RingtailConfig refused = config(Map.of(RingtailConfig.TOKEN, "abcdefghijklmnopWXYZ",
                    RingtailConfig.ENDPOINT, endpoint));
            CapturedOutput lines = new CapturedOutput();
            assertThat(RingtailRuntime.destinations(refused, Components.sinks(refused, lines.diagnostics())))
                    .as(endpoint).isEqualTo("logs go to console (stdout) only (BetterStack refused, see above)");
            assertThat(lines.text()).as(endpoint).startsWith("ringtail: betterstack: ").doesNotContain("pw");
        }
    }

    @Test
    void theStartupLineNamesTheOtlpEndpointAndItsProtocolOrSaysItWasRefused() {
        RingtailConfig both = config(Map.of(RingtailConfig.TOKEN, "abcdefghijklmnopWXYZ",
                RingtailConfig.ENDPOINT, "https://s1234.eu-nbg-2.betterstackdata.com",
                OtlpSettings.ENDPOINT, "http://127.0.0.1:4318/v1/logs", OtlpSettings.PROTOCOL, "http/json"));
        CapturedOutput lines = new CapturedOutput();
        assertThat(RingtailRuntime.destinations(both, Components.sinks(both, lines.diagnostics()))).isEqualTo(
                "logs go to console (stdout) and BetterStack s1234.eu-nbg-2.betterstackdata.com (token ****WXYZ)"
                        + " and OTLP http://127.0.0.1:4318/v1/logs (http/json)");
        RingtailConfig otlpOnly = config(Map.of(RingtailConfig.CONSOLE, "false",
                OtlpSettings.ENDPOINT, "http://otel-collector.example.invalid:4318/v1/logs"));
        assertThat(RingtailRuntime.destinations(otlpOnly, Components.sinks(otlpOnly, lines.diagnostics())))
                .isEqualTo("logs go to OTLP http://otel-collector.example.invalid:4318/v1/logs (http/protobuf) (console off)");
        RingtailConfig refused = config(Map.of(OtlpSettings.ENDPOINT, "http://10.1.2.3:4318/v1/logs",
                OtlpSettings.TOKEN, "otlp-token-123456"));
        assertThat(RingtailRuntime.destinations(refused, Components.sinks(refused, lines.diagnostics())))
                .isEqualTo("logs go to console (stdout) only (OTLP refused, see above)");
        assertThat(lines.text()).contains("ringtail: otlp: refusing to send the OTLP token").doesNotContain("otlp-token-123456");
    }

    @Test
    void withNoSinkEveryLoggerIsOff() {
        slf4j.systemProperty(RingtailConfig.CONSOLE, "false");
        assertThat(LoggerFactory.getLogger("x").isErrorEnabled()).isFalse();
        assertThat(Ringtail.stats().attempted()).isZero();
        assertThat(Ringtail.flush()).isTrue();
    }

    @Test
    void ringtailApiFlushesCountsAndShutsDown() {
        MDC.put("request_id", "r1");
        try {
            org.slf4j.Logger logger = LoggerFactory.getLogger("api");
            for (int i = 0; i < 10; i++) {
                logger.info("event {}", i);
            }
            assertThat(Ringtail.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(Ringtail.stats().accepted()).isEqualTo(10);
            assertThat(Ringtail.stats().sink(ConsoleSink.NAME).orElseThrow().delivered()).isEqualTo(10);
            assertThat(slf4j.stdout().text()).contains("[INFO] api: event 9\n");

            assertThat(Ringtail.shutdown()).isTrue();
            assertThat(Ringtail.shutdown()).as("idempotent").isTrue();
            logger.warn("after shutdown");
            assertThat(Ringtail.stats().dropped(Level.WARN)).isEqualTo(1);
            assertThat(slf4j.stderr().text()).contains("[WARN] api: after shutdown");
        } finally {
            MDC.clear();
        }
    }

    private static RingtailConfig config(Map<String, String> props) {
        return RingtailConfig.of(props, Map.of(), null, Diagnostics.stderr());
    }
}
