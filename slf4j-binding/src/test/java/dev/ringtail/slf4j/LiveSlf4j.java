package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.IngestServer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SLF4J, freshly initialized with ringtail shipping to a loopback {@link IngestServer}, configured
 * the way a user would: through system properties ({@link FreshSlf4jExtension#shippingTo}). The
 * console sink prints into the extension's captured stdout, ringtail's own lines go to its
 * captured stderr. Closing it shuts ringtail down (so before the server it ships to closes); the
 * extension clears the properties and puts the streams back after the test.
 */
final class LiveSlf4j implements AutoCloseable {
    /** Long enough that a leaked fragment of it would be recognizable in any output. */
    static final String TOKEN = "live-source-token-0123456789wxyz";

    final CapturedOutput out;
    final CapturedOutput err;
    private final FreshSlf4jExtension slf4j;

    LiveSlf4j(FreshSlf4jExtension slf4j) {
        this.slf4j = slf4j;
        this.out = slf4j.stdout();
        this.err = slf4j.stderr();
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

    /** Shuts ringtail down and resets SLF4J. */
    @Override
    public void close() {
        slf4j.reset();
    }
}
