package dev.ringtail.slf4j;

import dev.ringtail.PipelineStats;
import dev.ringtail.internal.config.Thresholds;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle, counters and levels of the ringtail SLF4J provider, for applications and containers that
 * manage lifecycle themselves (a servlet container undeploying, a batch job that wants its last
 * lines sent before it reports success). Without them, the JVM shutdown hook drains the ring.
 *
 * <pre>{@code
 * Ringtail.flush();                       // everything logged so far is delivered (or the timeout passed)
 * PipelineStats stats = Ringtail.stats(); // attempted, accepted, dropped, per sink delivered/failed
 * Ringtail.shutdown();                    // drain and stop; later log calls go to stderr, counted dropped
 * Ringtail.setLevel("com.shop", "debug"); // every com.shop logger, now; null goes back to inheriting
 * }</pre>
 *
 * Every method initializes SLF4J if nothing has yet, and throws {@link IllegalStateException} if
 * SLF4J is bound to another provider.
 */
public final class Ringtail {
    private Ringtail() {
    }

    /**
     * Delivers everything logged before this call, waiting at most
     * {@code ringtail.shutdownTimeoutMillis}.
     *
     * @return true if every sink finished in time
     */
    public static boolean flush() {
        RingtailRuntime runtime = runtime();
        return runtime.flush(runtime.config().shutdownTimeout());
    }

    /** Like {@link #flush()}, waiting at most {@code timeout}. */
    public static boolean flush(Duration timeout) {
        return runtime().flush(timeout);
    }

    /**
     * Stops accepting events, drains the ring and in-flight batches within
     * {@code ringtail.shutdownTimeoutMillis}, and closes the sinks. Idempotent.
     *
     * @return true if everything accepted was delivered or given up on in time
     */
    public static boolean shutdown() {
        RingtailRuntime runtime = runtime();
        return runtime.shutdown(runtime.config().shutdownTimeout());
    }

    /** Like {@link #shutdown()}, waiting at most {@code timeout}. */
    public static boolean shutdown(Duration timeout) {
        return runtime().shutdown(timeout);
    }

    /** A snapshot of the counters JMX shows: attempted, accepted, dropped, pending, per sink. */
    public static PipelineStats stats() {
        return runtime().stats();
    }

    /**
     * Sets the level of a logger and its descendants while the application runs: every existing
     * logger under the prefix obeys from its next call, and loggers created later too. The longest
     * configured prefix still wins: setting {@code com.shop} leaves {@code com.shop.sql} at its own
     * level if it has one. With {@code ringtail.jul}, JUL's logger of that name follows.
     *
     * @param loggerPrefix a logger name or prefix ({@code com.shop} covers {@code com.shop.Cart}
     *                     and {@code com.shop.Cart$Line}, not {@code com.shopping}); {@code ""}
     *                     or {@code "ROOT"} ({@code org.slf4j.Logger.ROOT_LOGGER_NAME}) for the root
     * @param level        {@code trace}, {@code debug}, {@code info}, {@code warn} (or
     *                     {@code warning}), {@code error} or {@code off}, in any case; {@code null}
     *                     to make the prefix inherit again (the root: back to {@code ringtail.level})
     * @throws IllegalArgumentException naming the value, for any other level; also for a level
     *                                  other than {@code off} on HttpClient's header and wire
     *                                  loggers, which print credentials and are always off
     */
    public static void setLevel(String loggerPrefix, String level) {
        runtime().levels().setLevel(loggerPrefix, level);
    }

    /**
     * The level in force for a logger name, configured or inherited: {@code trace}, {@code debug},
     * {@code info}, {@code warn}, {@code error} or {@code off} ({@code off} for every name when
     * ringtail has no sink).
     */
    public static String getLevel(String loggerName) {
        return Thresholds.name(runtime().levels().threshold(loggerName));
    }

    /** Every configured prefix and its level (lower case), sorted by prefix, the root as {@code ROOT}. */
    public static Map<String, String> configuredLevels() {
        return runtime().levels().configuredLevels();
    }

    /** The names of every logger created so far, sorted. */
    public static Set<String> loggerNames() {
        return runtime().levels().loggerNames();
    }

    private static RingtailRuntime runtime() {
        RingtailServiceProvider provider = RingtailServiceProvider.active();
        if (provider == null) {
            LoggerFactory.getILoggerFactory(); // initializes SLF4J, and with it ringtail if it is the provider
            provider = RingtailServiceProvider.active();
        }
        if (provider == null || provider.runtime() == null) {
            throw new IllegalStateException("ringtail is not the SLF4J provider in use; SLF4J is bound to "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        return provider.runtime();
    }
}
