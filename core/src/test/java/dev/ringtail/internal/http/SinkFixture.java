package dev.ringtail.internal.http;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A real pipeline with a {@link BetterStackSink} pointed at a real {@link IngestServer} on 127.0.0.1. */
final class SinkFixture implements AutoCloseable {
    static final String TOKEN = "tok-SECRET-7f3a9c1e5b";
    /** One key-value pair, to check types survive the trip. */
    static final EventTranslator<String, String, Object, Void> WITH_KV =
            (event, message, key, value, d) -> event.message(message).addKeyValue(key, value);

    final IngestServer server;
    final CapturedOutput stderr = new CapturedOutput();
    final BetterStackSink sink;
    final Pipeline pipeline;

    private SinkFixture(IngestServer server, UnaryOperator<BetterStackSinkBuilder> sinkSettings,
                        UnaryOperator<PipelineBuilder> pipelineSettings) {
        this.server = server;
        this.sink = sinkSettings.apply(BetterStackSink.builder()
                .endpoint(server.uri())
                .token(TOKEN)
                .flush(Duration.ofMillis(50))
                .timeout(Duration.ofSeconds(2))
                .baseBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .diagnostics(stderr.diagnostics())).build();
        this.pipeline = pipelineSettings.apply(Pipeline.builder()
                .jmx(false)
                .idleTimeout(Duration.ofMillis(20))
                .diagnostics(stderr.diagnostics())
                .sink(sink)).build().start();
    }

    static SinkFixture start(UnaryOperator<BetterStackSinkBuilder> sinkSettings) throws IOException {
        return new SinkFixture(IngestServer.start(), sinkSettings, p -> p);
    }

    /** A fixture on a server the caller started (closed with the fixture). */
    static SinkFixture on(IngestServer server, UnaryOperator<BetterStackSinkBuilder> sinkSettings) {
        return new SinkFixture(server, sinkSettings, p -> p);
    }

    static SinkFixture start(UnaryOperator<BetterStackSinkBuilder> sinkSettings,
                             UnaryOperator<PipelineBuilder> pipelineSettings) throws IOException {
        return new SinkFixture(IngestServer.start(), sinkSettings, pipelineSettings);
    }

    boolean log(Level level, String message) {
        return Events.log(pipeline, level, "shop.checkout", message);
    }

    /** Logs {@code count} INFO events named {@code prefix-i}. */
    void logMany(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            log(Level.INFO, prefix + "-" + i);
        }
    }

    boolean flush() {
        return pipeline.flush(Duration.ofSeconds(10));
    }

    SinkStats stats() {
        return sink.counters().snapshot();
    }

    @Override
    public void close() throws IOException {
        try {
            pipeline.shutdown(Duration.ofSeconds(5));
        } finally {
            server.close();
        }
    }
}
