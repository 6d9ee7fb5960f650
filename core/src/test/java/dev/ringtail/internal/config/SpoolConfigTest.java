package dev.ringtail.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.otlp.OtlpSink;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.MapOverlay;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code ringtail.spool.dir} and {@code ringtail.spool.maxBytes}: off by default, validated, given to both HTTP sinks. */
class SpoolConfigTest {
    private final CapturedOutput err = new CapturedOutput();

    @Test
    void theSpoolIsOffUnlessADirectoryIsSet() {
        RingtailConfig c = RingtailConfig.of(Map.of(), Map.of(), new Properties(), err.diagnostics());
        assertThat(c.spoolDir()).isEmpty();
        assertThat(c.spoolMaxBytes()).isEqualTo(268_435_456L);
        BetterStackSink sink = Components.betterStack(RingtailConfig.of(Map.of(RingtailConfig.TOKEN, "t0k3n-0123"),
                Map.of(), new Properties(), err.diagnostics()), err.diagnostics());
        assertThat(sink.counters().hasSpool()).isFalse();
        assertThat(err.text()).isEmpty();
    }

    @Test
    void aDirectoryGivesBothHttpSinksASpool() {
        RingtailConfig c = RingtailConfig.of(Map.of(RingtailConfig.TOKEN, "t0k3n-0123",
                OtlpSettings.ENDPOINT, "http://127.0.0.1:4318/v1/logs"),
                Map.of("RINGTAIL_SPOOL_DIR", "/var/spool/shop", "RINGTAIL_SPOOL_MAXBYTES", "1_048_576"),
                new Properties(), err.diagnostics());
        assertThat(c.spoolDir()).contains(Path.of("/var/spool/shop"));
        assertThat(c.spoolMaxBytes()).isEqualTo(1_048_576L);
        BetterStackSink betterStack = Components.betterStack(c, err.diagnostics());
        OtlpSink otlp = Components.otlp(c, err.diagnostics());
        assertThat(betterStack.counters().hasSpool()).isTrue();
        assertThat(otlp.counters().hasSpool()).isTrue();
        assertThat(err.text()).isEmpty();
    }

    @Test
    void aBadBoundIsReportedOnceWithTheDefault() {
        RingtailConfig c = RingtailConfig.of(Map.of(RingtailConfig.SPOOL_MAX_BYTES, "1000"), Map.of(), new Properties(),
                err.diagnostics());
        assertThat(c.spoolMaxBytes()).isEqualTo(268_435_456L);
        assertThat(err.lines()).containsExactly("ringtail: ignoring ringtail.spool.maxBytes=1000 (expected a whole number"
                + " from 65536 to 9223372036854775807); using the default 268435456");
    }

    @Test
    void aDirectoryThatIsNotAPathIsReportedAndLeavesTheSpoolOff() {
        RingtailConfig c = RingtailConfig.of(Map.of(RingtailConfig.SPOOL_DIR, "bad\0dir"), Map.of(), new Properties(),
                err.diagnostics());
        assertThat(c.spoolDir()).isEmpty();
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("ringtail: ignoring ringtail.spool.dir=bad").contains("not a path")
                .endsWith("using the default none (no spool)");
    }

    @Test
    void aSpoolChangeFromSpringsEnvironmentBuildsANewPipeline() {
        RingtailConfig plain = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of()), Map.of(), new Properties(), err.diagnostics());
        RingtailConfig spooled = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of(RingtailConfig.SPOOL_DIR, "/data/spool")),
                Map.of(), new Properties(), err.diagnostics());
        RingtailConfig bigger = RingtailConfig.of(Map.of(), MapOverlay.of(Map.of(RingtailConfig.SPOOL_DIR, "/data/spool",
                RingtailConfig.SPOOL_MAX_BYTES, "1073741824")), Map.of(), new Properties(), err.diagnostics());
        assertThat(Components.samePipeline(plain, spooled)).isFalse();
        assertThat(Components.samePipeline(spooled, bigger)).isFalse();
        assertThat(Components.samePipeline(spooled, RingtailConfig.of(Map.of(),
                MapOverlay.of(Map.of(RingtailConfig.SPOOL_DIR, "/data/spool")), Map.of(), new Properties(),
                err.diagnostics()))).isTrue();
    }
}
