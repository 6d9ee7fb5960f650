package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.testing.IngestServer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SLF4J, freshly initialized with ringtail shipping to a loopback {@link IngestServer}, configured
 * the way a user would: through system properties. The console sink prints into a captured
 * stdout, ringtail's own lines go to a captured stderr. Closing it shuts ringtail down, clears
 * the properties and puts the streams back.
 */
final class LiveSlf4j implements AutoCloseable {
    /** Long enough that a leaked fragment of it would be recognizable in any output. */
    static final String TOKEN = "live-source-token-0123456789wxyz";

    final IngestServer receiver;
    final FreshSlf4j.Capture out;
    final FreshSlf4j.Capture err;
    private final List<String> keys = new ArrayList<>();

    private LiveSlf4j(IngestServer receiver, String... keyValues) {
        this.receiver = receiver;
        out = FreshSlf4j.Capture.stdout();
        err = FreshSlf4j.Capture.stderr();
        FreshSlf4j.reset();
        set(RingtailConfig.TOKEN, TOKEN);
        set(RingtailConfig.ENDPOINT, receiver.uri().toString());
        set(RingtailConfig.BATCH_FLUSH_MILLIS, "50");
        set(RingtailConfig.RETRY_MAX_BACKOFF_MILLIS, "50");
        for (int i = 0; i < keyValues.length; i += 2) {
            set(keyValues[i], keyValues[i + 1]);
        }
    }

    /**
     * Configures ringtail with the receiver's endpoint and the test token, batches sent after
     * 50 ms, retries at most 50 ms apart, then {@code keyValues} (which may override those).
     * SLF4J initializes on the first logger asked for.
     */
    static LiveSlf4j start(IngestServer receiver, String... keyValues) {
        return new LiveSlf4j(receiver, keyValues);
    }

    private void set(String key, String value) {
        keys.add(key);
        System.setProperty(key, value);
    }

    Logger logger(String name) {
        return LoggerFactory.getLogger(name);
    }

    PipelineStats stats() {
        return Ringtail.stats();
    }

    SinkStats betterstack() {
        return stats().sink(BetterStackSink.NAME).orElseThrow();
    }

    SinkStats console() {
        return stats().sink(ConsoleSink.NAME).orElseThrow();
    }

    /**
     * Guarantee 2, to be checked once producers stopped and the pipeline drained or shut down:
     * attempted = accepted + dropped, and for every sink accepted = delivered + failed, per
     * level and in total.
     */
    void assertEveryEventAccountedFor() {
        PipelineStats stats = stats();
        assertThat(stats.accepted() + stats.dropped()).as("accepted + dropped, %s", stats).isEqualTo(stats.attempted());
        assertThat(stats.pending()).as("pending after drain").isZero();
        for (SinkStats sink : stats.sinks()) {
            assertThat(sink.delivered() + sink.failed()).as("%s delivered + failed, %s", sink.name(), stats)
                    .isEqualTo(stats.accepted());
            for (Level level : Level.values()) {
                assertThat(sink.delivered(level) + sink.failed(level)).as("%s %s", sink.name(), level)
                        .isEqualTo(stats.accepted(level));
            }
        }
    }

    /** Nothing ringtail printed contains the token, not even part of it. */
    void assertTokenNeverPrinted() {
        String fragment = TOKEN.substring(0, TOKEN.length() - 4);
        assertThat(out.text()).doesNotContain(fragment);
        assertThat(err.text()).doesNotContain(fragment);
    }

    /** Lines ringtail wrote on stderr about itself. */
    List<String> ringtailLines() {
        return err.text().lines().filter(l -> l.startsWith("ringtail:")).toList();
    }

    @Override
    public void close() {
        try {
            FreshSlf4j.reset();
        } finally {
            keys.forEach(System::clearProperty);
            err.restore();
            out.restore();
        }
    }
}
