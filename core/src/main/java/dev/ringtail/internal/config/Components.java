package dev.ringtail.internal.config;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.internal.sink.Sink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place where configuration becomes components: which sinks exist and how each builder
 * is set from the {@code ringtail.*} keys. The builders own their defaults; this only maps.
 */
public final class Components {
    private Components() {
    }

    /** The console if {@code ringtail.console}, BetterStack if a token is set; possibly none. */
    public static List<Sink> sinks(RingtailConfig config, Diagnostics diagnostics) {
        List<Sink> sinks = new ArrayList<>(2);
        if (config.console()) {
            sinks.add(console(config, diagnostics));
        }
        if (config.token().isPresent()) {
            sinks.add(betterStack(config, diagnostics));
        }
        return sinks;
    }

    /**
     * The host the BetterStack sink among {@code sinks} sends to, for the start-up line; null if
     * there is none, or it refused to send (it said why on stderr).
     */
    public static String betterStackHost(List<Sink> sinks) {
        for (Sink sink : sinks) {
            if (sink instanceof BetterStackSink b && b.refusal() == null) {
                return b.host();
            }
        }
        return null;
    }

    /** A pipeline builder with the configured ring, admission and reporting settings, and no sinks yet. */
    public static PipelineBuilder pipeline(RingtailConfig config, Diagnostics diagnostics) {
        return PipelineBuilder.create()
                .ringSize(config.ringSize())
                .reserve(config.reserve())
                .waitStrategy(config.waitStrategy())
                .dropReportInterval(config.dropReportInterval())
                .maxMessageChars(config.maxMessageChars())
                .maxRetainedBytes(config.ringMaxBytes())
                .maxFieldChars(config.maxFieldChars())
                .diagnostics(diagnostics);
    }

    /**
     * True if the two configurations build the same pipeline and sinks: every key read above
     * agrees (levels and the shutdown keys are not among them). A reconfiguration that changes
     * none of them keeps the running pipeline instead of rebuilding it.
     */
    public static boolean samePipeline(RingtailConfig a, RingtailConfig b) {
        return pipelineKeys(a).equals(pipelineKeys(b));
    }

    // Every value sinks(), pipeline(), console() and betterStack() read: a key added there belongs here.
    private static List<Object> pipelineKeys(RingtailConfig c) {
        return Arrays.asList(c.ringSize(), c.reserve(), c.waitStrategy(), c.dropReportInterval(), c.maxMessageChars(),
                c.ringMaxBytes(), c.maxFieldChars(), c.console(), c.consoleStderr(), c.token().orElse(null),
                c.endpoint(), c.batchMaxEvents(), c.batchMaxBytes(), c.batchFlush(), c.gzip(), c.maxInFlight(),
                c.httpTimeout(), c.retryMaxAttempts(), c.retryMaxBackoff());
    }

    public static ConsoleSink console(RingtailConfig config, Diagnostics diagnostics) {
        return new ConsoleSink(config.consoleStderr() ? System.err : System.out, ZoneId.systemDefault(),
                config.maxMessageChars(), config.maxFieldChars(), diagnostics);
    }

    public static BetterStackSink betterStack(RingtailConfig config, Diagnostics diagnostics) {
        return BetterStackSink.builder()
                .endpoint(config.endpoint())
                .token(config.token().orElse(null))
                .maxEvents(config.batchMaxEvents())
                .maxBytes(config.batchMaxBytes())
                .flush(config.batchFlush())
                .gzip(config.gzip())
                .maxInFlight(config.maxInFlight())
                .timeout(config.httpTimeout())
                .maxAttempts(config.retryMaxAttempts())
                .maxBackoff(config.retryMaxBackoff())
                .maxStackChars(config.maxMessageChars())
                .maxFieldChars(config.maxFieldChars())
                .diagnostics(diagnostics)
                .build();
    }
}
