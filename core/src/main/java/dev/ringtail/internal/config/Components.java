package dev.ringtail.internal.config;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.http.HttpSinkBuilder;
import dev.ringtail.internal.json.JsonLineFormat;
import dev.ringtail.internal.otlp.OtlpSink;
import dev.ringtail.internal.otlp.OtlpSinkBuilder;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.text.ConsoleFormat;
import dev.ringtail.internal.text.LineFormat;
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

    /**
     * The console if {@code ringtail.console}, BetterStack if a token is set, OTLP if an endpoint
     * is (the OTLP keys or OpenTelemetry's variables); possibly none.
     */
    public static List<Sink> sinks(RingtailConfig config, Diagnostics diagnostics) {
        List<Sink> sinks = new ArrayList<>(3);
        if (config.console()) {
            sinks.add(console(config, diagnostics));
        }
        if (config.token().isPresent()) {
            sinks.add(betterStack(config, diagnostics));
        }
        if (config.otlp().enabled()) {
            sinks.add(otlp(config, diagnostics));
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

    /**
     * The OTLP sink among {@code sinks} as the start-up line names it
     * ({@code OTLP http://collector:4318/v1/logs (http/protobuf)}); null if there is none, or it
     * refused to send (it said why on stderr).
     */
    public static String otlpDestination(List<Sink> sinks) {
        for (Sink sink : sinks) {
            if (sink instanceof OtlpSink o && o.refusal() == null) {
                return o.destination();
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
                c.endpoint(), c.batchMaxEvents(), c.batchMaxBytes(), c.batchFlush(), c.gzip(), c.gzipLevel(), c.maxInFlight(),
                c.httpTimeout(), c.retryMaxAttempts(), c.retryMaxBackoff(), c.consoleJson(), c.otlp().endpoint(),
                c.otlp().encoding(), c.otlp().headers(), c.otlp().token(), c.otlp().resource().serviceName(),
                c.otlp().resource().attributes(), c.spoolDir().orElse(null), c.spoolMaxBytes());
    }

    public static ConsoleSink console(RingtailConfig config, Diagnostics diagnostics) {
        LineFormat format = config.consoleJson() ? new JsonLineFormat(config.maxMessageChars(), config.maxFieldChars())
                : new ConsoleFormat(ZoneId.systemDefault(), config.maxMessageChars(), config.maxFieldChars());
        return new ConsoleSink(config.consoleStderr() ? System.err : System.out, format, diagnostics);
    }

    public static BetterStackSink betterStack(RingtailConfig config, Diagnostics diagnostics) {
        return http(BetterStackSink.builder()
                .endpoint(config.endpoint())
                .token(config.token().orElse(null)), config, diagnostics)
                .build();
    }

    /** The OTLP sink; call only when {@code config.otlp().enabled()}. */
    public static OtlpSink otlp(RingtailConfig config, Diagnostics diagnostics) {
        OtlpSettings otlp = config.otlp();
        OtlpSinkBuilder builder = OtlpSink.builder()
                .endpoint(otlp.endpoint().orElseThrow())
                .endpointKey(otlp.endpointKey())
                .encoding(otlp.encoding())
                .token(otlp.token().orElse(null))
                .resource(otlp.resource());
        otlp.headers().forEach(builder::header);
        return http(builder, config, diagnostics).build();
    }

    /** The batch, http, retry and spool keys, which apply to every HTTP sink. */
    private static <B extends HttpSinkBuilder<B>> B http(B builder, RingtailConfig config, Diagnostics diagnostics) {
        config.spoolDir().ifPresent(dir -> builder.spool(dir, config.spoolMaxBytes()));
        return builder.maxEvents(config.batchMaxEvents())
                .maxBytes(config.batchMaxBytes())
                .flush(config.batchFlush())
                .gzip(config.gzip())
                .gzipLevel(config.gzipLevel())
                .maxInFlight(config.maxInFlight())
                .timeout(config.httpTimeout())
                .maxAttempts(config.retryMaxAttempts())
                .maxBackoff(config.retryMaxBackoff())
                .maxStackChars(config.maxMessageChars())
                .maxFieldChars(config.maxFieldChars())
                .diagnostics(diagnostics);
    }
}
