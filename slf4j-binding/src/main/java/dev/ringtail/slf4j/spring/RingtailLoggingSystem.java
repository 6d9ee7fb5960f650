package dev.ringtail.slf4j.spring;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.slf4j.Ringtail;
import dev.ringtail.slf4j.internal.ProviderControl;
import java.util.List;
import java.util.Set;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's {@link LoggingSystem} for ringtail (Boot 3.x and 4.x), chosen through
 * {@code META-INF/spring.factories} when ringtail is the SLF4J provider in use.
 *
 * <p>ringtail started at the first SLF4J call, before Spring: {@link #initialize} reads the
 * {@code ringtail.*} keys again with Spring's {@code Environment} between system properties and
 * environment variables, and rebuilds the sinks if they changed. Spring then applies
 * {@code logging.level.*} and {@code --debug} through {@link #setLogLevel}, after ringtail's own
 * levels; {@code /actuator/loggers} reads and sets them here too, all through ringtail's runtime
 * levels. At shutdown ringtail drains in Spring's shutdown handler, which runs after the
 * application context has closed, and its own JVM hook stands down.
 */
@SuppressWarnings("exports") // its signatures are Spring's: whoever loads it has Spring, and requires it itself
public class RingtailLoggingSystem extends LoggingSystem {
    /** Spring's own switch for its JVM shutdown hook; without that hook no shutdown handler ever runs. */
    static final String SPRING_SHUTDOWN_HOOK = "spring.main.register-shutdown-hook";
    // A constant, not a new lambda per call: Spring keeps its handlers in a set, so a second
    // application in the same JVM adds no second drain.
    private static final Runnable DRAIN = Ringtail::shutdown;

    private final Diagnostics diagnostics = Diagnostics.stderr();
    private volatile boolean springShutdownHook = true;

    /** The constructor Spring Boot calls, also when named by the {@code LoggingSystem} system property. */
    public RingtailLoggingSystem(ClassLoader classLoader) {
        // the class loader serves logging systems that read configuration files; ringtail reads none
    }

    @Override
    public void beforeInitialize() {
        control().bridgeJul();
    }

    @Override
    public void initialize(LoggingInitializationContext context, String configLocation, LogFile logFile) {
        Environment environment = context.getEnvironment();
        if (environment != null) {
            control().reconfigure(new SpringOverlay(environment, diagnostics));
            springShutdownHook = environment.getProperty(SPRING_SHUTDOWN_HOOK, Boolean.class, Boolean.TRUE);
        }
        // ringtail bridged JUL when it started; whatever reset JUL since (a JUL-based logging
        // system run before this one, a container) must not leave Tomcat's lines behind
        control().bridgeJul();
        if (configLocation != null && !configLocation.isBlank()) {
            diagnostics.once("spring-config", "ringtail ignores logging.config=" + configLocation
                    + ": it is configured with ringtail.* keys");
        }
        if (logFile != null) {
            diagnostics.once("spring-file", "ringtail ignores logging.file.*: it writes to the console and its sinks only");
        }
    }

    /**
     * Spring calls this when the context stops, before its beans are destroyed: ringtail keeps
     * running, so their {@code @PreDestroy} lines are still shipped. It drains in the shutdown handler.
     */
    @Override
    public void cleanUp() {
    }

    /**
     * Drains ringtail ({@code Ringtail.shutdown()}) once Spring closed the application context,
     * and takes that job from ringtail's own JVM hook, which would otherwise race the context's
     * close. Without Spring's shutdown hook ({@code spring.main.register-shutdown-hook=false})
     * no handler would run, so ringtail keeps its own.
     */
    @Override
    public Runnable getShutdownHandler() {
        if (!springShutdownHook) {
            return null;
        }
        control().standDownShutdownHook();
        return DRAIN;
    }

    @Override
    public Set<LogLevel> getSupportedLogLevels() {
        return SpringLevels.SUPPORTED;
    }

    @Override
    public void setLogLevel(String loggerName, LogLevel level) {
        SpringLevels.set(loggerName, level);
    }

    @Override
    public List<LoggerConfiguration> getLoggerConfigurations() {
        return SpringLevels.all();
    }

    @Override
    public LoggerConfiguration getLoggerConfiguration(String loggerName) {
        return SpringLevels.one(loggerName);
    }

    private static ProviderControl control() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof ProviderControl control) {
            return control;
        }
        throw new IllegalStateException("ringtail is not the SLF4J provider in use; SLF4J is bound to "
                + factory.getClass().getName());
    }

    /**
     * Picks ringtail's logging system when ringtail is the SLF4J provider in use, and nothing
     * otherwise, so the next factory (Logback's, Log4j2's, then JUL's) is asked. It comes before
     * Logback's ({@code HIGHEST_PRECEDENCE + 1024}): a logback-classic jar that is merely on the
     * class path must not win over the provider SLF4J actually bound.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE + 512)
    public static final class Factory implements LoggingSystemFactory {
        /** Called by Spring's {@code SpringFactoriesLoader}. */
        public Factory() {
        }

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return LoggerFactory.getILoggerFactory() instanceof ProviderControl ? new RingtailLoggingSystem(classLoader) : null;
        }
    }
}
