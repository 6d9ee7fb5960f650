package dev.ringtail.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.MapOverlay;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** An overlay (Spring's Environment in Spring Boot) sits between system properties and environment variables. */
class ConfigOverlayTest {
    private final CapturedOutput err = new CapturedOutput();

    @Test
    void theOverlayLosesToSystemPropertiesAndWinsOverEnvironmentVariablesAndTheFile() {
        Properties file = new Properties();
        file.setProperty("ringtail.ringSize", "400");
        file.setProperty("ringtail.http.maxInFlight", "4");
        file.setProperty("ringtail.retry.maxAttempts", "9");
        RingtailConfig c = RingtailConfig.of(
                Map.of("ringtail.ringSize", "100"),
                MapOverlay.of(Map.of("ringtail.ringSize", "200", "ringtail.batch.maxEvents", "20",
                        "ringtail.http.maxInFlight", "2", "ringtail.betterstack.token", "from-the-overlay-0123")),
                Map.of("RINGTAIL_RINGSIZE", "300", "RINGTAIL_BATCH_MAXEVENTS", "30", "RINGTAIL_HTTP_MAXINFLIGHT", "3"),
                file, err.diagnostics());

        assertThat(c.ringSize()).isEqualTo(100);
        assertThat(c.batchMaxEvents()).isEqualTo(20);
        assertThat(c.maxInFlight()).isEqualTo(2);
        assertThat(c.retryMaxAttempts()).isEqualTo(9);
        assertThat(c.token()).contains("from-the-overlay-0123");
    }

    @Test
    void levelPrefixesFromTheOverlayLoseToSystemPropertiesAndWinOverTheFile() {
        Properties file = new Properties();
        file.setProperty("ringtail.level.shop", "error");
        file.setProperty("ringtail.level.shop.cart", "error");
        file.setProperty("ringtail.level.shop.pay", "error");
        RingtailConfig c = RingtailConfig.of(
                Map.of("ringtail.level.shop.pay", "warn"),
                MapOverlay.of(Map.of("ringtail.level.shop.cart", "debug", "ringtail.level.shop.pay", "trace")),
                Map.of(), file, err.diagnostics());

        assertThat(c.levelFor("shop.Catalog")).isEqualTo(Level.ERROR.ordinal());
        assertThat(c.levelFor("shop.cart.Items")).isEqualTo(Level.DEBUG.ordinal());
        assertThat(c.levelFor("shop.pay.Card")).isEqualTo(Level.WARN.ordinal());
    }

    @Test
    void twoConfigurationsThatDifferOnlyInLevelsBuildTheSamePipeline() {
        RingtailConfig info = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of()), Map.of(), new Properties(), err.diagnostics());
        RingtailConfig debug = RingtailConfig.of(Map.of("ringtail.level", "debug", "ringtail.level.shop", "trace",
                "ringtail.shutdownTimeoutMillis", "100"), Map.of(), new Properties(), err.diagnostics());
        RingtailConfig shipping = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of("ringtail.betterstack.token", "t0k3n-0123")),
                Map.of(), new Properties(), err.diagnostics());

        assertThat(Components.samePipeline(info, debug)).isTrue();
        assertThat(Components.samePipeline(info, shipping)).isFalse();
    }

    @Test
    void anOtlpEndpointOrJsonConsoleLinesFromTheOverlayBuildANewPipeline() {
        RingtailConfig plain = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of()), Map.of(), new Properties(), err.diagnostics());
        RingtailConfig otlp = RingtailConfig.of(Map.of(),
                MapOverlay.of(Map.of("ringtail.otlp.endpoint", "http://127.0.0.1:4318/v1/logs")), Map.of(),
                new Properties(), err.diagnostics());
        RingtailConfig json = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of("ringtail.console.format", "json")),
                Map.of(), new Properties(), err.diagnostics());
        RingtailConfig named = RingtailConfig.of(Map.of(),
                MapOverlay.of(Map.of("ringtail.otlp.endpoint", "http://127.0.0.1:4318/v1/logs",
                        "spring.application.name", "shop")), Map.of(), new Properties(), err.diagnostics());

        assertThat(Components.samePipeline(plain, otlp)).isFalse();
        assertThat(Components.samePipeline(plain, json)).isFalse();
        assertThat(Components.samePipeline(otlp, named)).isFalse();
        assertThat(named.otlp().resource().serviceName()).isEqualTo("shop");
    }
}
