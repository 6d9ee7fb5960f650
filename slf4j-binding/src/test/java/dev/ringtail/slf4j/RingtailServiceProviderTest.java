package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.testing.CapturedStderr;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class RingtailServiceProviderTest {
    private FreshSlf4j.Capture out;
    private FreshSlf4j.Capture err;

    @BeforeEach
    void setUp() {
        out = FreshSlf4j.Capture.stdout();
        FreshSlf4j.reset();
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("slf4j.provider");
        FreshSlf4j.reset();
        if (err != null) {
            err.restore();
        }
        out.restore();
    }

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
        System.setProperty("slf4j.provider", RingtailServiceProvider.class.getName());
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(RingtailLoggerFactory.class);
        assertThat(LoggerFactory.getLogger("x")).isInstanceOf(RingtailLogger.class);
    }

    @Test
    void initializationPrintsOneLineSayingWhereLogsGo() {
        err = FreshSlf4j.Capture.stderr();
        LoggerFactory.getLogger("first").info("hello");
        List<String> ringtailLines = Arrays.stream(err.text().split("\n"))
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
            CapturedStderr lines = new CapturedStderr();
            assertThat(RingtailRuntime.destinations(refused, Components.sinks(refused, lines.diagnostics())))
                    .as(endpoint).isEqualTo("logs go to console (stdout) only (BetterStack refused, see above)");
            assertThat(lines.text()).as(endpoint).startsWith("ringtail: betterstack: ").doesNotContain("pw");
        }
    }

    @Test
    void withNoSinkEveryLoggerIsOff() {
        System.setProperty(RingtailConfig.CONSOLE, "false");
        try {
            assertThat(LoggerFactory.getLogger("x").isErrorEnabled()).isFalse();
            assertThat(Ringtail.stats().attempted()).isZero();
            assertThat(Ringtail.flush()).isTrue();
        } finally {
            System.clearProperty(RingtailConfig.CONSOLE);
        }
    }

    @Test
    void ringtailApiFlushesCountsAndShutsDown() {
        err = FreshSlf4j.Capture.stderr();
        MDC.put("request_id", "r1");
        try {
            org.slf4j.Logger logger = LoggerFactory.getLogger("api");
            for (int i = 0; i < 10; i++) {
                logger.info("event {}", i);
            }
            assertThat(Ringtail.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(Ringtail.stats().accepted()).isEqualTo(10);
            assertThat(Ringtail.stats().sink(ConsoleSink.NAME).orElseThrow().delivered()).isEqualTo(10);
            assertThat(out.text()).contains("[INFO] api: event 9\n");

            assertThat(Ringtail.shutdown()).isTrue();
            assertThat(Ringtail.shutdown()).as("idempotent").isTrue();
            logger.warn("after shutdown");
            assertThat(Ringtail.stats().dropped(Level.WARN)).isEqualTo(1);
            assertThat(err.text()).contains("[WARN] api: after shutdown");
        } finally {
            MDC.clear();
        }
    }

    private static RingtailConfig config(Map<String, String> props) {
        return RingtailConfig.of(props, Map.of(), null, Diagnostics.stderr());
    }
}
