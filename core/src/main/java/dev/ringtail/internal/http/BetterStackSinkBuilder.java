package dev.ringtail.internal.http;

import java.net.URI;
import java.util.Objects;

/** Builds a {@link BetterStackSink}; defaults are the documented ones (docs/configuration.md). */
public final class BetterStackSinkBuilder extends HttpSinkBuilder<BetterStackSinkBuilder> {
    /** Default ingest URL ({@code ringtail.betterstack.endpoint}). */
    public static final String DEFAULT_ENDPOINT = "https://in.logs.betterstack.com";

    private URI endpoint = URI.create(DEFAULT_ENDPOINT);
    private String token;

    BetterStackSinkBuilder() {
    }

    @Override
    protected BetterStackSinkBuilder self() {
        return this;
    }

    public BetterStackSinkBuilder endpoint(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint);
        return this;
    }

    /** The endpoint as configured; one that is not a URL leaves the sink refused, never defaulted. */
    public BetterStackSinkBuilder endpoint(String endpoint) {
        this.endpoint = Endpoints.parse(Objects.requireNonNull(endpoint));
        return this;
    }

    public BetterStackSinkBuilder token(String token) {
        this.token = token;
        return this;
    }

    public BetterStackSink build() {
        return new BetterStackSink(endpoint, token, settings());
    }

    @Override
    public String toString() {
        // never the token, nor a password in the endpoint's user info
        return "BetterStackSinkBuilder{endpoint=" + (endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString())) + '}';
    }
}
