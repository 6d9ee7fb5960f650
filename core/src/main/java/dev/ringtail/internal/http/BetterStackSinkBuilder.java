package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.EventSerializer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Builds a {@link BetterStackSink}; defaults are the documented ones (docs/configuration.md). */
public final class BetterStackSinkBuilder {
    /** Default ingest URL ({@code ringtail.betterstack.endpoint}). */
    public static final String DEFAULT_ENDPOINT = "https://in.logs.betterstack.com";
    /** Default events per request body ({@code ringtail.batch.maxEvents}). */
    public static final int DEFAULT_MAX_EVENTS = 1000;
    /** Default uncompressed bytes per request body ({@code ringtail.batch.maxBytes}). */
    public static final int DEFAULT_MAX_BYTES = 1_048_576;
    /** Default longest wait of a batch's first event ({@code ringtail.batch.flushMillis}). */
    public static final int DEFAULT_FLUSH_MILLIS = 1000;
    /** Default body compression ({@code ringtail.http.gzip}). */
    public static final boolean DEFAULT_GZIP = true;
    /** Default concurrent requests ({@code ringtail.http.maxInFlight}). */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    /** Default overall deadline of one request ({@code ringtail.http.timeoutMillis}). */
    public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    /** Default attempts per request, the first included ({@code ringtail.retry.maxAttempts}). */
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** Default cap of one backoff wait ({@code ringtail.retry.maxBackoffMillis}). */
    public static final int DEFAULT_MAX_BACKOFF_MILLIS = 30_000;
    /** First retry waits up to this long (full jitter); each further one up to twice as long, up to the cap. */
    public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(100);
    /** Token rejected / quota exceeded lines repeat at most this often. */
    public static final Duration DEFAULT_PROBLEM_INTERVAL = Duration.ofMinutes(1);

    URI endpoint = URI.create(DEFAULT_ENDPOINT);
    String token;
    int maxEvents = DEFAULT_MAX_EVENTS;
    int maxBytes = DEFAULT_MAX_BYTES;
    Duration flush = Duration.ofMillis(DEFAULT_FLUSH_MILLIS);
    boolean gzip = DEFAULT_GZIP;
    int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    Duration timeout = Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
    int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    Duration maxBackoff = Duration.ofMillis(DEFAULT_MAX_BACKOFF_MILLIS);
    Duration baseBackoff = DEFAULT_BASE_BACKOFF;
    Duration problemInterval = DEFAULT_PROBLEM_INTERVAL;
    int maxStackChars = EventSerializer.DEFAULT_MAX_STACK_CHARS;
    int maxFieldChars = EventSerializer.DEFAULT_MAX_FIELD_CHARS;
    Diagnostics diagnostics = Diagnostics.stderr();
    Clock clock = Clock.systemUTC();

    BetterStackSinkBuilder() {
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

    public BetterStackSinkBuilder maxEvents(int maxEvents) {
        this.maxEvents = positive("maxEvents", maxEvents);
        return this;
    }

    /** Uncompressed bytes per request body; only a single oversized event passes it. */
    public BetterStackSinkBuilder maxBytes(int maxBytes) {
        this.maxBytes = positive("maxBytes", maxBytes);
        return this;
    }

    /** A batch goes out this long after its first event at the latest. */
    public BetterStackSinkBuilder flush(Duration flush) {
        this.flush = positive("flush", flush);
        return this;
    }

    public BetterStackSinkBuilder gzip(boolean gzip) {
        this.gzip = gzip;
        return this;
    }

    public BetterStackSinkBuilder maxInFlight(int maxInFlight) {
        this.maxInFlight = positive("maxInFlight", maxInFlight);
        return this;
    }

    /** Connect, socket and response timeout. */
    public BetterStackSinkBuilder timeout(Duration timeout) {
        this.timeout = positive("timeout", timeout);
        return this;
    }

    /** Attempts per request, the first included. */
    public BetterStackSinkBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = positive("maxAttempts", maxAttempts);
        return this;
    }

    public BetterStackSinkBuilder maxBackoff(Duration maxBackoff) {
        this.maxBackoff = positive("maxBackoff", maxBackoff);
        return this;
    }

    public BetterStackSinkBuilder baseBackoff(Duration baseBackoff) {
        this.baseBackoff = positive("baseBackoff", baseBackoff);
        return this;
    }

    /** How often the token-rejected and quota-exceeded lines may repeat. */
    public BetterStackSinkBuilder problemInterval(Duration problemInterval) {
        this.problemInterval = Objects.requireNonNull(problemInterval);
        return this;
    }

    public BetterStackSinkBuilder maxStackChars(int maxStackChars) {
        this.maxStackChars = positive("maxStackChars", maxStackChars);
        return this;
    }

    /** Every string but the message and the stack text is cut after this many chars ({@code ringtail.field.maxChars}). */
    public BetterStackSinkBuilder maxFieldChars(int maxFieldChars) {
        this.maxFieldChars = positive("maxFieldChars", maxFieldChars);
        return this;
    }

    public BetterStackSinkBuilder diagnostics(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics);
        return this;
    }

    /** Wall clock for {@code Retry-After} dates. */
    public BetterStackSinkBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public BetterStackSink build() {
        return new BetterStackSink(this);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        // never the token, nor a password in the endpoint's user info
        return "BetterStackSinkBuilder{endpoint=" + (endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString())) + '}';
    }
}
