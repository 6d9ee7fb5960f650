package dev.ringtail.slf4j;

import dev.ringtail.PipelineStats;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle and counters of the ringtail SLF4J provider, for applications and containers that
 * manage lifecycle themselves (a servlet container undeploying, a batch job that wants its last
 * lines sent before it reports success). Without them, the JVM shutdown hook drains the ring.
 *
 * <pre>{@code
 * Ringtail.flush();                       // everything logged so far is delivered (or the timeout passed)
 * PipelineStats stats = Ringtail.stats(); // attempted, accepted, dropped, per sink delivered/failed
 * Ringtail.shutdown();                    // drain and stop; later log calls go to stderr, counted dropped
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

    /** Stand-in: sets a level at run time; null inherits again; "" or "ROOT" is the root. */
    public static void setLevel(String loggerPrefix, String level) {
        factory().setLevel(loggerPrefix, level);
    }

    /** Stand-in: the level in force for a logger, lower case. */
    public static String getLevel(String loggerName) {
        return factory().getLevel(loggerName);
    }

    /** Stand-in: configured prefixes and their levels, root as "ROOT". */
    public static java.util.Map<String, String> configuredLevels() {
        return factory().configuredLevels();
    }

    /** Stand-in: every logger created so far. */
    public static java.util.Set<String> loggerNames() {
        return factory().loggerNames();
    }

    private static RingtailLoggerFactory factory() {
        runtime();
        return (RingtailLoggerFactory) RingtailServiceProvider.active().getLoggerFactory();
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
