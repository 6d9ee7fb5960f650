package dev.ringtail.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.WaitStrategyKind;
import dev.ringtail.testing.CapturedOutput;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingtailConfigTest {
    private final CapturedOutput err = new CapturedOutput();

    private RingtailConfig config(Map<String, String> props, Map<String, String> env, Properties file) {
        return RingtailConfig.of(props, env, file, err.diagnostics());
    }

    @Test
    void usesDefaultsWhenNothingIsSet() {
        RingtailConfig c = config(Map.of(), Map.of(), new Properties());
        assertThat(c.ringSize()).isEqualTo(10_000);
        assertThat(c.rootLevel()).isEqualTo(Level.INFO.ordinal());
        assertThat(c.token()).isEmpty();
        assertThat(c.endpoint().toString()).isEqualTo("https://in.logs.betterstack.com");
        assertThat(c.batchMaxEvents()).isEqualTo(1000);
        assertThat(c.batchMaxBytes()).isEqualTo(1_048_576);
        assertThat(c.batchFlush().toMillis()).isEqualTo(1000);
        assertThat(c.gzip()).isTrue();
        assertThat(c.gzipLevel()).isEqualTo(1);
        assertThat(c.maxInFlight()).isEqualTo(2);
        assertThat(c.httpTimeout().toMillis()).isEqualTo(10_000);
        assertThat(c.retryMaxAttempts()).isEqualTo(6);
        assertThat(c.retryMaxBackoff().toMillis()).isEqualTo(30_000);
        assertThat(c.console()).isTrue();
        assertThat(c.consoleStderr()).isFalse();
        assertThat(c.reserve()).isEqualTo(0.1);
        assertThat(c.waitStrategy()).isEqualTo(WaitStrategyKind.TIMEOUT);
        assertThat(c.maxMessageChars()).isEqualTo(32_768);
        assertThat(c.shutdownTimeout().toMillis()).isEqualTo(5000);
        assertThat(c.shutdownHook()).isTrue();
        assertThat(c.dropReportInterval().toMillis()).isEqualTo(10_000);
        assertThat(c.jul()).isTrue();
        assertThat(c.levelFor("org.apache.hc.client5.http.impl.async")).isEqualTo(Level.WARN.ordinal());
        assertThat(err.text()).isEmpty();
    }

    @Test
    void appliesPrecedenceSystemPropertyThenEnvironmentThenFile() {
        Properties file = new Properties();
        file.setProperty("ringtail.ringSize", "300");
        file.setProperty("ringtail.batch.maxEvents", "30");
        file.setProperty("ringtail.http.maxInFlight", "3");
        RingtailConfig c = config(
                Map.of("ringtail.ringSize", "100"),
                Map.of("RINGTAIL_RINGSIZE", "200", "RINGTAIL_BATCH_MAXEVENTS", "20"),
                file);
        assertThat(c.ringSize()).isEqualTo(100);
        assertThat(c.batchMaxEvents()).isEqualTo(20);
        assertThat(c.maxInFlight()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten", "67108865", "99999999999", "1.5"})
    void reportsABadRingSizeOnceAndUsesTheDefault(String value) {
        RingtailConfig c = config(Map.of("ringtail.ringSize", value), Map.of(), new Properties());
        assertThat(c.ringSize()).isEqualTo(10_000);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).contains("ringtail.ringSize=" + value).contains("default 10000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "-1", "fast"})
    void reportsABadGzipLevelOnceAndUsesTheFastest(String value) {
        RingtailConfig c = config(Map.of("ringtail.http.gzipLevel", value), Map.of(), new Properties());
        assertThat(c.gzipLevel()).isEqualTo(1);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).contains("ringtail.http.gzipLevel=" + value).contains("default 1");
    }

    @Test
    void readsTheGzipLevelFromTheEnvironment() {
        assertThat(config(Map.of(), Map.of("RINGTAIL_HTTP_GZIPLEVEL", "6"), new Properties()).gzipLevel()).isEqualTo(6);
    }

    @Test
    void namesTheEnvironmentVariableWhenItHoldsTheBadValue() {
        config(Map.of(), Map.of("RINGTAIL_RESERVE", "1.5"), new Properties());
        assertThat(err.text()).contains("RINGTAIL_RESERVE=1.5").contains("default 0.1");
    }

    @Test
    void resolvesLoggerLevelsByTheLongestPrefix() {
        Properties file = new Properties();
        file.setProperty("ringtail.level", "warn");
        file.setProperty("ringtail.level.com.shop", "debug");
        file.setProperty("ringtail.level.com.shop.noisy", "off");
        file.setProperty("ringtail.level.org.apache.hc", "error");
        RingtailConfig c = config(Map.of(), Map.of(), file);
        assertThat(c.levelFor("com.shop")).isEqualTo(Level.DEBUG.ordinal());
        assertThat(c.levelFor("com.shop.Cart")).isEqualTo(Level.DEBUG.ordinal());
        assertThat(c.levelFor("com.shop.noisy.Poller")).isEqualTo(Thresholds.OFF);
        assertThat(c.levelFor("com.shopping.Cart")).isEqualTo(Level.WARN.ordinal());
        assertThat(c.levelFor("org.apache.hc.core5")).isEqualTo(Level.ERROR.ordinal());
        assertThat(c.levelFor("")).isEqualTo(Level.WARN.ordinal());
    }

    @Test
    void julRoutingIsOnByDefaultAndTurnsOffWithFalse() {
        assertThat(config(Map.of("ringtail.jul", "false"), Map.of(), new Properties()).jul()).isFalse();
        assertThat(config(Map.of(), Map.of("RINGTAIL_JUL", "FALSE"), new Properties()).jul()).isFalse();
        assertThat(config(Map.of("ringtail.jul", "maybe"), Map.of(), new Properties()).jul()).isTrue();
        assertThat(err.text()).contains("ignoring ringtail.jul=maybe (expected true or false); using the default true");
    }

    @Test
    void aRootPrefixKeyIsIgnoredWithALineNamingTheRootsOwnKey() {
        RingtailConfig c = config(Map.of("ringtail.level", "warn", "ringtail.level.ROOT", "debug"), Map.of(),
                new Properties());
        assertThat(c.rootLevel()).isEqualTo(Level.WARN.ordinal());
        assertThat(c.loggerLevels()).doesNotContainKey("ROOT");
        assertThat(err.text()).contains("ignoring ringtail.level.ROOT=debug (the root level's key is ringtail.level)");
    }

    @Test
    void readsTheTokenFromBetterStackEnvironmentVariablesAndNeverPrintsIt() {
        String token = "tok_secret_value_9f3a";
        RingtailConfig c = config(Map.of("ringtail.batch.maxEvents", "nope"),
                Map.of("LOGTAIL_SOURCE_TOKEN", token), new Properties());
        assertThat(c.token()).contains(token);
        assertThat(c.maskedToken()).isEqualTo("****9f3a");
        assertThat(c.toString()).doesNotContain(token);
        assertThat(err.text()).doesNotContain(token);
    }

    @Test
    void keepsABadEndpointAsWrittenForTheSinkToRefuseNeverTheDefault() {
        RingtailConfig c = config(Map.of("ringtail.betterstack.endpoint", " ftp://example "), Map.of(), new Properties());
        assertThat(c.endpoint()).isEqualTo("ftp://example");
        assertThat(err.text()).as("the sink says it, once").isEmpty();
        RingtailConfig withPassword = config(Map.of("ringtail.betterstack.endpoint", "https://me:s3cr3t@h.example/x"),
                Map.of(), new Properties());
        assertThat(withPassword.toString()).contains("https://***@h.example/x").doesNotContain("s3cr3t");
    }

    @Test
    void httpClientHeaderAndWireLoggersAreOffWhateverIsConfigured() {
        RingtailConfig c = config(Map.of("ringtail.level", "trace", "ringtail.level.org.apache.hc", "trace",
                "ringtail.level.org.apache.hc.client5.http.headers", "debug",
                "ringtail.level.org.apache.hc.client5.http.wire.deeper", "trace"), Map.of(), new Properties());
        assertThat(c.levelFor("org.apache.hc.client5.http.headers")).isEqualTo(Thresholds.OFF);
        assertThat(c.levelFor("org.apache.hc.client5.http.wire")).isEqualTo(Thresholds.OFF);
        assertThat(c.levelFor("org.apache.hc.client5.http.wire.deeper")).isEqualTo(Thresholds.OFF);
        assertThat(c.levelFor("org.apache.hc.client5.http2.frame")).isEqualTo(Thresholds.OFF);
        assertThat(c.levelFor("org.apache.hc.client5.http.impl.classic.MainClientExec"))
                .as("the rest of HttpClient as asked").isEqualTo(Level.TRACE.ordinal());
        assertThat(err.text()).contains("ignoring ringtail.level.org.apache.hc.client5.http.headers=debug"
                + " (HttpClient's header and wire loggers print credentials; they are always off)")
                .contains("ignoring ringtail.level.org.apache.hc.client5.http.wire.deeper=trace");
    }

    @Test
    void parsesEveryWaitStrategyName() {
        for (WaitStrategyKind kind : WaitStrategyKind.values()) {
            RingtailConfig c = config(Map.of("ringtail.waitStrategy", kind.key().toUpperCase()), Map.of(), new Properties());
            assertThat(c.waitStrategy()).isEqualTo(kind);
        }
        assertThat(err.text()).isEmpty();
    }
}
