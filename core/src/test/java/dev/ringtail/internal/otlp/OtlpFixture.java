package dev.ringtail.internal.otlp;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.OtlpFormat;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A real pipeline with an {@link OtlpSink} pointed at a real OTLP {@link IngestServer} on 127.0.0.1. */
final class OtlpFixture implements AutoCloseable {
    static final String TOKEN = "otlp-SECRET-4c7e91ab2d";
    /** 2026-11-24T10:15:30.123456789Z, as Unix nanoseconds. */
    static final long EPOCH_SECOND = 1_795_515_330L;
    static final int NANOS = 123_456_789;
    static final long UNIX_NANOS = EPOCH_SECOND * 1_000_000_000L + NANOS;

    final IngestServer server;
    final CapturedOutput stderr = new CapturedOutput();
    final OtlpSink sink;
    final Pipeline pipeline;

    private OtlpFixture(IngestServer server, OtlpEncoding encoding, UnaryOperator<OtlpSinkBuilder> settings) {
        this.server = server;
        this.sink = settings.apply(OtlpSink.builder()
                .endpoint(server.uri())
                .encoding(encoding)
                .resource(new Resource("checkout", Map.of("deployment.environment", "test")))
                .flush(Duration.ofMillis(50))
                .timeout(Duration.ofSeconds(2))
                .baseBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(50))
                .diagnostics(stderr.diagnostics())).build();
        this.pipeline = Pipeline.builder()
                .jmx(false)
                .idleTimeout(Duration.ofMillis(20))
                .diagnostics(stderr.diagnostics())
                .sink(sink).build().start();
    }

    static OtlpFixture start(OtlpEncoding encoding, UnaryOperator<OtlpSinkBuilder> settings) throws IOException {
        return new OtlpFixture(IngestServer.start(OtlpFormat.INSTANCE), encoding, settings);
    }

    /** A fixture on a server the caller started (closed with the fixture). */
    static OtlpFixture on(IngestServer server, OtlpEncoding encoding, UnaryOperator<OtlpSinkBuilder> settings) {
        return new OtlpFixture(server, encoding, settings);
    }

    boolean log(Level level, String message) {
        return Events.log(pipeline, level, "shop.checkout", message);
    }

    /** Logs an event at the fixture's fixed time that {@code fill} completes. */
    boolean log(Level level, String logger, Consumer<LogEvent> fill) {
        return Events.log(pipeline, level, logger, event -> fill.accept(event.timestamp(EPOCH_SECOND, NANOS)));
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

    /** Every record the server accepted, as maps ({@link OtlpFormat}). */
    List<Map<String, Object>> records() {
        return server.events();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(Map<String, Object> record) {
        return (Map<String, Object>) record.get("attributes");
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
