package dev.ringtail.internal.config;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.Secrets;
import dev.ringtail.internal.http.BetterStackSinkBuilder;
import dev.ringtail.internal.http.Endpoints;
import dev.ringtail.internal.http.HttpSinkBuilder;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.ring.WaitStrategyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every {@code ringtail.*} setting, read once and validated.
 *
 * <p>Precedence: system property, then the {@link ConfigOverlay} if any (Spring's Environment),
 * then environment variable (upper case, {@code .} to {@code _}: {@code ringtail.ringSize} is
 * {@code RINGTAIL_RINGSIZE}), then {@code ringtail.properties} on the classpath, then the default. A bad value prints one stderr
 * line naming the key, the value and the default used, and never stops the application. Token
 * values are never printed.
 */
public final class RingtailConfig {
    public static final String RING_SIZE = "ringtail.ringSize";
    public static final String LEVEL = "ringtail.level";
    /** Prefix of per-logger levels: {@code ringtail.level.<logger prefix>}. */
    public static final String LEVEL_PREFIX = "ringtail.level.";
    public static final String TOKEN = "ringtail.betterstack.token";
    public static final String ENDPOINT = "ringtail.betterstack.endpoint";
    public static final String BATCH_MAX_EVENTS = "ringtail.batch.maxEvents";
    public static final String BATCH_MAX_BYTES = "ringtail.batch.maxBytes";
    public static final String BATCH_FLUSH_MILLIS = "ringtail.batch.flushMillis";
    public static final String HTTP_GZIP = "ringtail.http.gzip";
    public static final String HTTP_GZIP_LEVEL = "ringtail.http.gzipLevel";
    public static final String HTTP_MAX_IN_FLIGHT = "ringtail.http.maxInFlight";
    public static final String HTTP_TIMEOUT_MILLIS = "ringtail.http.timeoutMillis";
    public static final String RETRY_MAX_ATTEMPTS = "ringtail.retry.maxAttempts";
    public static final String RETRY_MAX_BACKOFF_MILLIS = "ringtail.retry.maxBackoffMillis";
    public static final String CONSOLE = "ringtail.console";
    public static final String CONSOLE_STREAM = "ringtail.console.stream";
    public static final String CONSOLE_FORMAT = "ringtail.console.format";
    public static final String RESERVE = "ringtail.reserve";
    public static final String WAIT_STRATEGY = "ringtail.waitStrategy";
    public static final String MESSAGE_MAX_CHARS = "ringtail.message.maxChars";
    public static final String RING_MAX_BYTES = "ringtail.ring.maxBytes";
    public static final String FIELD_MAX_CHARS = "ringtail.field.maxChars";
    public static final String SHUTDOWN_TIMEOUT_MILLIS = "ringtail.shutdownTimeoutMillis";
    public static final String SHUTDOWN_HOOK = "ringtail.shutdownHook";
    public static final String DROP_REPORT_MILLIS = "ringtail.dropReportMillis";
    /** Route {@code java.util.logging} into ringtail, JUL's levels following ringtail's. */
    public static final String JUL = "ringtail.jul";
    /** The disk spool's parent directory; each HTTP sink spools in a subdirectory named after it. Unset: no spool. */
    public static final String SPOOL_DIR = "ringtail.spool.dir";
    /** What one HTTP sink's spool may hold on disk, in bytes. */
    public static final String SPOOL_MAX_BYTES = "ringtail.spool.maxBytes";

    /** Environment variables BetterStack's own clients read the source token from, in order. */
    public static final String[] TOKEN_ENVIRONMENT =
            {"BETTERSTACK_SOURCE_TOKEN", "LOGTAIL_SOURCE_TOKEN", "LOGTAIL_SERVER_SOURCE_TOKEN"};
    /** The classpath resource read for settings. */
    public static final String PROPERTIES_RESOURCE = "ringtail.properties";

    public static final String DEFAULT_LEVEL = "info";
    public static final boolean DEFAULT_CONSOLE = true;
    public static final String DEFAULT_CONSOLE_STREAM = "stdout";
    public static final String DEFAULT_CONSOLE_FORMAT = "text";
    public static final int DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 5000;
    public static final boolean DEFAULT_SHUTDOWN_HOOK = true;
    public static final boolean DEFAULT_JUL = true;
    /**
     * The name that means the root level where a logger prefix is given at run time
     * ({@code org.slf4j.Logger.ROOT_LOGGER_NAME}; the core does not depend on SLF4J).
     */
    public static final String ROOT = "ROOT";
    /** Built-in per-logger levels, overridable: the HTTP client's chatter stays at warn. */
    public static final Map<String, String> DEFAULT_LOGGER_LEVELS = Map.of("org.apache.hc", "warn");
    /**
     * Off whatever is configured, with all below them: HttpClient 5 prints every request header
     * (the token's included) on {@code headers}, every byte on {@code wire}, HTTP/2 frames on
     * {@code http2}. The names are joined at run time because the all jar's shade rewrites string
     * constants that start with {@code org.apache.hc.client5} (see LevelRegistry.SHADED_PREFIX).
     */
    public static final List<String> ALWAYS_OFF = List.of(hc(".client5.http.headers"), hc(".client5.http.wire"),
            hc(".client5.http2"));

    private static String hc(String rest) {
        return "org.apache.hc".concat(rest);
    }

    /** BetterStack's documented limit per request, compressed. */
    static final int MAX_BATCH_BYTES = 10 * 1024 * 1024;
    /** The smallest {@code ringtail.spool.maxBytes}: a spool below it could not hold a few batches. */
    static final long MIN_SPOOL_BYTES = 64 * 1024;

    private final int ringSize;
    private final int rootLevel;
    private final Map<String, Integer> loggerLevels;
    private final String token;
    private final String endpoint;
    private final int batchMaxEvents;
    private final int batchMaxBytes;
    private final Duration batchFlush;
    private final boolean gzip;
    private final int gzipLevel;
    private final int maxInFlight;
    private final Duration httpTimeout;
    private final int retryMaxAttempts;
    private final Duration retryMaxBackoff;
    private final boolean console;
    private final boolean consoleStderr;
    private final boolean consoleJson;
    private final OtlpSettings otlp;
    private final double reserve;
    private final WaitStrategyKind waitStrategy;
    private final int maxMessageChars;
    private final long ringMaxBytes;
    private final int maxFieldChars;
    private final Duration shutdownTimeout;
    private final boolean shutdownHook;
    private final Duration dropReportInterval;
    private final boolean jul;
    private final Path spoolDir;
    private final long spoolMaxBytes;

    private RingtailConfig(ConfigReader read, Map<String, String> propertyMap) {
        ringSize = read.integer(RING_SIZE, PipelineBuilder.DEFAULT_RING_SIZE, 1, PipelineBuilder.MAX_RING_SIZE);
        rootLevel = read.level(LEVEL, DEFAULT_LEVEL);
        loggerLevels = read.loggerLevels(propertyMap);
        token = read.token();
        endpoint = read.endpoint();
        batchMaxEvents = read.integer(BATCH_MAX_EVENTS, HttpSinkBuilder.DEFAULT_MAX_EVENTS, 1, 1_000_000);
        batchMaxBytes = read.integer(BATCH_MAX_BYTES, HttpSinkBuilder.DEFAULT_MAX_BYTES, 1024, MAX_BATCH_BYTES);
        batchFlush = read.millis(BATCH_FLUSH_MILLIS, HttpSinkBuilder.DEFAULT_FLUSH_MILLIS, 1, 3_600_000);
        gzip = read.bool(HTTP_GZIP, HttpSinkBuilder.DEFAULT_GZIP);
        gzipLevel = read.integer(HTTP_GZIP_LEVEL, HttpSinkBuilder.DEFAULT_GZIP_LEVEL, 1, 9);
        maxInFlight = read.integer(HTTP_MAX_IN_FLIGHT, HttpSinkBuilder.DEFAULT_MAX_IN_FLIGHT, 1, 64);
        httpTimeout = read.millis(HTTP_TIMEOUT_MILLIS, HttpSinkBuilder.DEFAULT_TIMEOUT_MILLIS, 1, 600_000);
        retryMaxAttempts = read.integer(RETRY_MAX_ATTEMPTS, HttpSinkBuilder.DEFAULT_MAX_ATTEMPTS, 1, 100);
        retryMaxBackoff = read.millis(RETRY_MAX_BACKOFF_MILLIS, HttpSinkBuilder.DEFAULT_MAX_BACKOFF_MILLIS, 1, 3_600_000);
        console = read.bool(CONSOLE, DEFAULT_CONSOLE);
        consoleStderr = "stderr".equals(read.choice(CONSOLE_STREAM, DEFAULT_CONSOLE_STREAM, "stdout", "stderr"));
        consoleJson = "json".equals(read.choice(CONSOLE_FORMAT, DEFAULT_CONSOLE_FORMAT, "text", "json"));
        otlp = OtlpSettings.read(read);
        reserve = read.fraction(RESERVE, PipelineBuilder.DEFAULT_RESERVE);
        waitStrategy = WaitStrategyKind.parse(read.choice(WAIT_STRATEGY, PipelineBuilder.DEFAULT_WAIT_STRATEGY.key(),
                WaitStrategyKind.keys()));
        maxMessageChars = read.integer(MESSAGE_MAX_CHARS, PipelineBuilder.DEFAULT_MAX_MESSAGE_CHARS, 64, 16 * 1024 * 1024);
        ringMaxBytes = read.whole(RING_MAX_BYTES, PipelineBuilder.defaultRetainedBytes(Runtime.getRuntime().maxMemory()),
                0, Long.MAX_VALUE);
        maxFieldChars = read.integer(FIELD_MAX_CHARS, PipelineBuilder.DEFAULT_MAX_FIELD_CHARS, 64, 16 * 1024 * 1024);
        shutdownTimeout = read.millis(SHUTDOWN_TIMEOUT_MILLIS, DEFAULT_SHUTDOWN_TIMEOUT_MILLIS, 0, 600_000);
        shutdownHook = read.bool(SHUTDOWN_HOOK, DEFAULT_SHUTDOWN_HOOK);
        dropReportInterval = read.millis(DROP_REPORT_MILLIS, (int) PipelineBuilder.DEFAULT_DROP_REPORT_INTERVAL.toMillis(),
                0, 86_400_000);
        jul = read.bool(JUL, DEFAULT_JUL);
        spoolDir = read.path(SPOOL_DIR);
        spoolMaxBytes = read.whole(SPOOL_MAX_BYTES, HttpSinkBuilder.DEFAULT_SPOOL_MAX_BYTES, MIN_SPOOL_BYTES, Long.MAX_VALUE);
    }

    /** Reads system properties, the environment and {@code ringtail.properties}; bad values go to stderr. */
    public static RingtailConfig load() {
        return load(ConfigOverlay.NONE);
    }

    /** Like {@link #load()}, with {@code overlay} read after system properties, before the environment. */
    public static RingtailConfig load(ConfigOverlay overlay) {
        Properties system = System.getProperties();
        return of(system::getProperty, overlay, System::getenv, ConfigReader.classpathProperties(),
                Diagnostics.stderr(), ConfigReader.ringtailKeys(system));
    }

    /**
     * Reads from the given sources (tests, embedding). {@code properties} stands for system
     * properties, {@code environment} for the environment.
     */
    public static RingtailConfig of(Map<String, String> properties, Map<String, String> environment,
                                    Properties file, Diagnostics diagnostics) {
        return of(properties, ConfigOverlay.NONE, environment, file, diagnostics);
    }

    /** Like {@link #of(Map, Map, Properties, Diagnostics)}, with an overlay between the two maps. */
    public static RingtailConfig of(Map<String, String> properties, ConfigOverlay overlay,
                                    Map<String, String> environment, Properties file, Diagnostics diagnostics) {
        return of(properties::get, overlay, environment::get, file, diagnostics, properties);
    }

    private static RingtailConfig of(Function<String, String> properties, ConfigOverlay overlay,
                                     Function<String, String> environment, Properties file, Diagnostics diagnostics,
                                     Map<String, String> propertyMap) {
        return new RingtailConfig(new ConfigReader(properties, overlay, environment,
                file == null ? new Properties() : file, diagnostics), propertyMap);
    }

    // ---------------------------------------------------------------- typed values

    public int ringSize() {
        return ringSize;
    }

    /** Root level threshold: a {@code dev.ringtail.Level} ordinal, or {@link Thresholds#OFF}. */
    public int rootLevel() {
        return rootLevel;
    }

    /** Per-logger-prefix thresholds, built-in defaults included. */
    public Map<String, Integer> loggerLevels() {
        return loggerLevels;
    }

    /**
     * The threshold for a logger: the longest configured prefix that is the name itself or an
     * ancestor of it ({@code com.shop} covers {@code com.shop.Cart}, not {@code com.shopping}).
     */
    public int levelFor(String loggerName) {
        return LoggerPrefixes.resolve(loggerLevels, rootLevel, loggerName);
    }

    /** The source token, if any. Never print it: see {@link #maskedToken()}. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The token as it may be shown: its last 4 characters, the rest masked. */
    public String maskedToken() {
        return Secrets.mask(token);
    }

    /** The endpoint as configured, unchecked (the sink checks it), or the default. */
    public String endpoint() {
        return endpoint == null ? BetterStackSinkBuilder.DEFAULT_ENDPOINT : endpoint;
    }

    public int batchMaxEvents() {
        return batchMaxEvents;
    }

    public int batchMaxBytes() {
        return batchMaxBytes;
    }

    public Duration batchFlush() {
        return batchFlush;
    }

    public boolean gzip() {
        return gzip;
    }

    /** Deflate level of gzip'd bodies, 1 to 9. */
    public int gzipLevel() {
        return gzipLevel;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    public int retryMaxAttempts() {
        return retryMaxAttempts;
    }

    public Duration retryMaxBackoff() {
        return retryMaxBackoff;
    }

    public boolean console() {
        return console;
    }

    /** True if console lines go to stderr rather than stdout. */
    public boolean consoleStderr() {
        return consoleStderr;
    }

    /** True for {@code ringtail.console.format=json}: one wire-format JSON object per line. */
    public boolean consoleJson() {
        return consoleJson;
    }

    /** The OTLP sink's settings; {@link OtlpSettings#enabled()} says whether there is one. */
    public OtlpSettings otlp() {
        return otlp;
    }

    public double reserve() {
        return reserve;
    }

    public WaitStrategyKind waitStrategy() {
        return waitStrategy;
    }

    public int maxMessageChars() {
        return maxMessageChars;
    }

    /** {@code ringtail.ring.maxBytes}: what pending events may hold beyond their slots. */
    public long ringMaxBytes() {
        return ringMaxBytes;
    }

    /** Bound of every string but the message and the stack text. */
    public int maxFieldChars() {
        return maxFieldChars;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public boolean shutdownHook() {
        return shutdownHook;
    }

    public Duration dropReportInterval() {
        return dropReportInterval;
    }

    /** {@code ringtail.jul}: bridge {@code java.util.logging} when the provider starts. */
    public boolean jul() {
        return jul;
    }

    /** {@code ringtail.spool.dir}: where the HTTP sinks spool what they cannot deliver now, if set. */
    public Optional<Path> spoolDir() {
        return Optional.ofNullable(spoolDir);
    }

    /** {@code ringtail.spool.maxBytes}: the bound of each sink's spool on disk. */
    public long spoolMaxBytes() {
        return spoolMaxBytes;
    }

    @Override
    public String toString() {
        // the token is never part of this text, nor a password in the endpoint's user info
        return "RingtailConfig{ringSize=" + ringSize + ", level=" + rootLevel
                + ", endpoint=" + Endpoints.withoutUserInfo(endpoint())
                + ", token=" + (token == null ? "none" : maskedToken()) + ", console=" + console
                + (otlp.enabled() ? ", otlp=" + otlp : "") + (spoolDir == null ? "" : ", spool=" + spoolDir) + '}';
    }
}
