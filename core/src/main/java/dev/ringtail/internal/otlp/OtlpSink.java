package dev.ringtail.internal.otlp;

import dev.ringtail.internal.http.Endpoints;
import dev.ringtail.internal.http.HttpSettings;
import dev.ringtail.internal.http.HttpSink;
import java.net.URI;

/**
 * Ships events as OTLP/HTTP logs, to an OpenTelemetry Collector, Vector or BetterStack's OTLP
 * ingest: protobuf or JSON, gzip'd, batched, with OTLP's retry rules ({@link OtlpProtocol}) on
 * the shared {@link HttpSink}. JMX: {@code dev.ringtail:type=Sink,name=otlp}.
 */
public final class OtlpSink extends HttpSink {
    /** Sink name, as JMX shows it. */
    public static final String NAME = OtlpProtocol.NAME;

    private final OtlpEncoding encoding;
    private final Resource resource;

    OtlpSink(OtlpSinkBuilder builder, HttpSettings settings) {
        super(new OtlpProtocol(builder, settings), settings);
        this.encoding = builder.encoding;
        this.resource = builder.resource;
    }

    public static OtlpSinkBuilder builder() {
        return new OtlpSinkBuilder();
    }

    public OtlpEncoding encoding() {
        return encoding;
    }

    public Resource resource() {
        return resource;
    }

    /** {@code OTLP http://collector:4318/v1/logs (http/protobuf)}: the start-up line's words for this sink. */
    public String destination() {
        URI endpoint = endpoint();
        return "OTLP " + (endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString()))
                + " (" + encoding.key() + ")";
    }

    @Override
    public String toString() {
        URI endpoint = endpoint();
        return "OtlpSink{endpoint=" + (endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString()))
                + ", protocol=" + encoding.key() + ", service.name=" + resource.serviceName()
                + ", maxInFlight=" + maxInFlight() + (refusal() == null ? "" : ", refused") + '}';
    }
}
