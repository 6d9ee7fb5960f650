package dev.ringtail.slf4j.internal;

import dev.ringtail.internal.config.ConfigOverlay;

/**
 * What an integration inside this module (the Spring Boot logging system) may do with the
 * running provider beyond the public {@code Ringtail} API. The provider's logger factory
 * implements it, so {@code LoggerFactory.getILoggerFactory() instanceof ProviderControl} also
 * says that ringtail is the SLF4J provider in use. Not API: this package is not exported.
 */
public interface ProviderControl {
    /**
     * Reads the configuration again with {@code overlay} between system properties and the
     * environment. If the sinks or the ring change, the pipeline is rebuilt without losing an
     * accepted event; the {@code ringtail.level*} keys are applied either way.
     */
    void reconfigure(ConfigOverlay overlay);

    /**
     * Removes ringtail's own JVM shutdown hook: the caller has taken over draining ringtail at
     * shutdown (Spring Boot's shutdown handler, which runs after the application context
     * closed). Idempotent.
     */
    void standDownShutdownHook();

    /** Routes {@code java.util.logging} into ringtail again, in case something reset JUL. Idempotent. */
    void bridgeJul();
}
