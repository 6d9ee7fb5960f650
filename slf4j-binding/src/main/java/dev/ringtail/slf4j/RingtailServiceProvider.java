package dev.ringtail.slf4j;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider, found through {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}
 * or named with {@code -Dslf4j.provider=dev.ringtail.slf4j.RingtailServiceProvider}.
 *
 * <p>SLF4J may ask for the MDC adapter before it initializes the provider (the {@code MDC} class
 * does, on its own first use), so the adapter exists from the constructor. {@link #initialize()}
 * reads the configuration and starts the pipeline: ringtail starts when SLF4J is first used.
 * Loggers SLF4J handed out while this ran are substitutes whose events SLF4J replays afterwards;
 * they keep their original time and thread.
 */
public final class RingtailServiceProvider implements SLF4JServiceProvider {
    /**
     * The SLF4J API this provider is written against: any 2.0.x. SLF4J compares only the
     * {@code 2.0} prefix; {@code .99} is the convention its own providers follow.
     */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    /**
     * The provider SLF4J initialized last, for {@link Ringtail}. The one static mutable field in
     * ringtail: SLF4J creates providers reflectively, so this is the only way to reach the one
     * in use.
     */
    private static volatile RingtailServiceProvider active;

    private final MDCAdapter mdcAdapter = new CopyOnWriteMdcAdapter();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private volatile RingtailLoggerFactory loggerFactory;
    private volatile RingtailRuntime runtime;

    /** Called by SLF4J's {@code ServiceLoader}. */
    public RingtailServiceProvider() {
    }

    @Override
    public void initialize() {
        RingtailRuntime started = RingtailRuntime.start(RingtailConfig.load(), Diagnostics.stderr());
        runtime = started;
        loggerFactory = new RingtailLoggerFactory(started);
        active = this;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    /** The running pipeline and its lifecycle; null before {@link #initialize()}. */
    RingtailRuntime runtime() {
        return runtime;
    }

    /** The provider SLF4J initialized last, or null if SLF4J has not initialized ringtail. */
    static RingtailServiceProvider active() {
        return active;
    }
}
