package dev.ringtail.internal.otlp;

import dev.ringtail.internal.http.Endpoints;
import dev.ringtail.internal.http.HttpSinkBuilder;
import dev.ringtail.internal.http.RequestHeaders;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds an {@link OtlpSink}; the batch, http and retry settings are every HTTP sink's ({@link HttpSinkBuilder}). */
public final class OtlpSinkBuilder extends HttpSinkBuilder<OtlpSinkBuilder> {
    /** The key the endpoint is named by in lines, unless the builder is told where it came from. */
    public static final String ENDPOINT_KEY = "ringtail.otlp.endpoint";

    URI endpoint; // null if the configured text is not a URL (then refused)
    private boolean endpointGiven;
    String endpointKey = ENDPOINT_KEY;
    OtlpEncoding encoding = OtlpEncoding.PROTOBUF;
    String token; // never printed
    private final Map<String, String> headers = new LinkedHashMap<>(); // values never printed
    Resource resource = new Resource(null, Map.of());

    OtlpSinkBuilder() {
    }

    @Override
    protected OtlpSinkBuilder self() {
        return this;
    }

    /** The full URL logs are POSTed to ({@code http://127.0.0.1:4318/v1/logs}). */
    public OtlpSinkBuilder endpoint(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.endpointGiven = true;
        return this;
    }

    /** The endpoint as configured; one that is not a URL leaves the sink refused. */
    public OtlpSinkBuilder endpoint(String endpoint) {
        this.endpoint = Endpoints.parse(Objects.requireNonNull(endpoint));
        this.endpointGiven = true;
        return this;
    }

    /** Where the endpoint was configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), for the lines that name it. */
    public OtlpSinkBuilder endpointKey(String key) {
        this.endpointKey = Objects.requireNonNull(key);
        return this;
    }

    public OtlpSinkBuilder encoding(OtlpEncoding encoding) {
        this.encoding = Objects.requireNonNull(encoding);
        return this;
    }

    /** Sent as {@code Authorization: Bearer <token>} (BetterStack's OTLP source); null or blank: none. */
    public OtlpSinkBuilder token(String token) {
        this.token = token == null || token.isBlank() ? null : token.trim();
        return this;
    }

    /** A header every request carries; its value is a credential, never printed. */
    public OtlpSinkBuilder header(String name, String value) {
        headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    public OtlpSinkBuilder resource(Resource resource) {
        this.resource = Objects.requireNonNull(resource);
        return this;
    }

    /** The headers, the token's {@code Authorization} last, so that it wins over a header of that name. */
    RequestHeaders headers() {
        RequestHeaders all = new RequestHeaders();
        headers.forEach(all::add);
        if (token != null) {
            all.bearer(token);
        }
        return all;
    }

    public OtlpSink build() {
        if (!endpointGiven) {
            throw new IllegalStateException("an OTLP sink needs an endpoint");
        }
        return new OtlpSink(this, settings());
    }

    @Override
    public String toString() {
        // never the token or a header's value, nor a password in the endpoint's user info
        return "OtlpSinkBuilder{endpoint=" + (endpoint == null ? "none" : Endpoints.withoutUserInfo(endpoint.toString()))
                + ", protocol=" + encoding.key() + ", headers=" + headers.keySet() + '}';
    }
}
