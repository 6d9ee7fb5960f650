package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.spool.Spool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every HTTP sink shares, with the documented defaults (docs/configuration.md); a
 * protocol's builder adds its endpoint and credentials.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class HttpSinkBuilder<B extends HttpSinkBuilder<B>> {
    /** Default events per request body ({@code ringtail.batch.maxEvents}). */
    public static final int DEFAULT_MAX_EVENTS = 1000;
    /** Default uncompressed bytes per request body ({@code ringtail.batch.maxBytes}). */
    public static final int DEFAULT_MAX_BYTES = 1_048_576;
    /** Default longest wait of a batch's first event ({@code ringtail.batch.flushMillis}). */
    public static final int DEFAULT_FLUSH_MILLIS = 1000;
    /** Default body compression ({@code ringtail.http.gzip}). */
    public static final boolean DEFAULT_GZIP = true;
    /**
     * Default deflate level ({@code ringtail.http.gzipLevel}): 1, the fastest. On log batches it
     * compresses about three times faster than zlib's default 6 for bodies about a third larger,
     * and the CPU it saves is the application's (docs/benchmarks.md, "gzip level").
     */
    public static final int DEFAULT_GZIP_LEVEL = 1;
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
    /** Default bound of what one sink's disk spool holds on disk ({@code ringtail.spool.maxBytes}): 256 MiB. */
    public static final long DEFAULT_SPOOL_MAX_BYTES = 268_435_456L;
    /** Token rejected / quota exceeded lines repeat at most this often. */
    public static final Duration DEFAULT_PROBLEM_INTERVAL = Duration.ofMinutes(1);

    private int maxEvents = DEFAULT_MAX_EVENTS;
    private int maxBytes = DEFAULT_MAX_BYTES;
    private Duration flush = Duration.ofMillis(DEFAULT_FLUSH_MILLIS);
    private boolean gzip = DEFAULT_GZIP;
    private int gzipLevel = DEFAULT_GZIP_LEVEL;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private Duration timeout = Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS);
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration maxBackoff = Duration.ofMillis(DEFAULT_MAX_BACKOFF_MILLIS);
    private Duration baseBackoff = DEFAULT_BASE_BACKOFF;
    private Duration problemInterval = DEFAULT_PROBLEM_INTERVAL;
    private int maxStackChars = EventSerializer.DEFAULT_MAX_STACK_CHARS;
    private int maxFieldChars = EventSerializer.DEFAULT_MAX_FIELD_CHARS;
    private Diagnostics diagnostics = Diagnostics.stderr();
    private Clock clock = Clock.systemUTC();
    private Path spoolDir;
    private long spoolMaxBytes = DEFAULT_SPOOL_MAX_BYTES;
    private SpoolSettings.Opener spoolOpener = Spool::open;

    protected HttpSinkBuilder() {
    }

    /** This builder, as its concrete type. */
    protected abstract B self();

    /** The shared settings as set so far. */
    protected HttpSettings settings() {
        return new HttpSettings(maxEvents, maxBytes, flush, gzip, gzipLevel, maxInFlight, timeout, maxAttempts, maxBackoff,
                baseBackoff, problemInterval, maxStackChars, maxFieldChars, diagnostics, clock,
                spoolDir == null ? null : new SpoolSettings(spoolDir, spoolMaxBytes, spoolOpener));
    }

    public B maxEvents(int maxEvents) {
        this.maxEvents = positive("maxEvents", maxEvents);
        return self();
    }

    /** Uncompressed bytes per request body; only a single oversized event passes it. */
    public B maxBytes(int maxBytes) {
        this.maxBytes = positive("maxBytes", maxBytes);
        return self();
    }

    /** A batch goes out this long after its first event at the latest. */
    public B flush(Duration flush) {
        this.flush = positive("flush", flush);
        return self();
    }

    public B gzip(boolean gzip) {
        this.gzip = gzip;
        return self();
    }

    /** The deflate level of gzip'd bodies: 1 (fastest) to 9 (smallest). */
    public B gzipLevel(int gzipLevel) {
        if (gzipLevel < 1 || gzipLevel > 9) {
            throw new IllegalArgumentException("gzipLevel must be 1 to 9: " + gzipLevel);
        }
        this.gzipLevel = gzipLevel;
        return self();
    }

    public B maxInFlight(int maxInFlight) {
        this.maxInFlight = positive("maxInFlight", maxInFlight);
        return self();
    }

    /** One overall deadline per request: connect, send and the whole response. */
    public B timeout(Duration timeout) {
        this.timeout = positive("timeout", timeout);
        return self();
    }

    /** Attempts per request, the first included. */
    public B maxAttempts(int maxAttempts) {
        this.maxAttempts = positive("maxAttempts", maxAttempts);
        return self();
    }

    public B maxBackoff(Duration maxBackoff) {
        this.maxBackoff = positive("maxBackoff", maxBackoff);
        return self();
    }

    public B baseBackoff(Duration baseBackoff) {
        this.baseBackoff = positive("baseBackoff", baseBackoff);
        return self();
    }

    /** How often the lines about a rejected credential or an exceeded quota may repeat. */
    public B problemInterval(Duration problemInterval) {
        this.problemInterval = Objects.requireNonNull(problemInterval);
        return self();
    }

    public B maxStackChars(int maxStackChars) {
        this.maxStackChars = positive("maxStackChars", maxStackChars);
        return self();
    }

    /** Every string but the message and the stack text is cut after this many chars ({@code ringtail.field.maxChars}). */
    public B maxFieldChars(int maxFieldChars) {
        this.maxFieldChars = positive("maxFieldChars", maxFieldChars);
        return self();
    }

    public B diagnostics(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics);
        return self();
    }

    /** Wall clock for {@code Retry-After} dates. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return self();
    }

    /**
     * A disk spool under {@code dir} ({@code ringtail.spool.dir}; null: none, the default): what
     * cannot be delivered now goes to {@code dir/<sink name>}, at most {@code maxBytes} of it.
     */
    public B spool(Path dir, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("spool maxBytes must be positive: " + maxBytes);
        }
        this.spoolDir = dir;
        this.spoolMaxBytes = maxBytes;
        return self();
    }

    /** How the spool is opened: the segment store unless a test brings its own. */
    public B spoolOpener(SpoolSettings.Opener opener) {
        this.spoolOpener = Objects.requireNonNull(opener);
        return self();
    }

    protected static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    protected static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
