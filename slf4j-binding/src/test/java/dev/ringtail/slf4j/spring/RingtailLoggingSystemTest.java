package dev.ringtail.slf4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.slf4j.FreshSlf4jExtension;
import dev.ringtail.slf4j.Ringtail;
import dev.ringtail.testing.IngestServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.java.JavaLoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring Boot's logging system for ringtail, in this JVM with a real (non-web) SpringApplication:
 * chosen when ringtail is the SLF4J provider, {@code logging.level.*} from any property source
 * and {@code --debug}, {@code ringtail.*} keys from the Environment, the operations
 * {@code /actuator/loggers} uses, and the shutdown handler. The Spring Boot application built as
 * a fat jar (the consumer projects under src/it) covers the web server, actuator and SIGTERM.
 */
@Timeout(60)
class RingtailLoggingSystemTest {
    private static final String TOKEN = "spring-env-token-0123456789wxyz";

    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void springBootPicksRingtailsLoggingSystemWhenRingtailIsTheProvider() {
        LoggerFactory.getLogger("shop.picked");

        assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(RingtailLoggingSystem.class);
    }

    @Test
    void springBootFallsBackToItsOwnChoiceWhenAnotherProviderIsInUse() {
        slf4j.systemProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        LoggerFactory.getLogger("shop.elsewhere");

        assertThat(LoggingSystem.get(getClass().getClassLoader())).as(LoggerFactory.getILoggerFactory().getClass().getName())
                .isInstanceOf(JavaLoggingSystem.class);
    }

    @Test
    void logLevelsFromPropertiesFromEnvironmentVariablesAndDebugTakeEffect() {
        try (ConfigurableApplicationContext context = run(Map.of("logging.level.shop.props", "debug"),
                Map.of("LOGGING_LEVEL_SHOP_ENV", "trace", "RINGTAIL_LEVEL_SHOP_RINGTAIL", "warn"), "--debug")) {
            assertThat(context.getBean(LoggingSystem.class)).isInstanceOf(RingtailLoggingSystem.class);
            assertThat(Ringtail.getLevel("shop.props.Cart")).isEqualTo("debug");
            assertThat(Ringtail.getLevel("shop.env.Cart")).isEqualTo("trace");
            assertThat(Ringtail.getLevel("shop.ringtail.Cart")).isEqualTo("warn");
            assertThat(Ringtail.getLevel("org.springframework.boot.SpringApplication")).as("--debug").isEqualTo("debug");
            assertThat(Ringtail.getLevel("shop.other")).isEqualTo("info");
            assertThat(LoggerFactory.getLogger("shop.props.Cart").isDebugEnabled()).isTrue();
        }
    }

    @Test
    void loggingLevelIsAppliedAfterRingtailsOwnLevelsForTheSamePrefix() {
        try (ConfigurableApplicationContext context = run(
                Map.of("ringtail.level.shop.both", "error", "logging.level.shop.both", "debug"), Map.of())) {
            assertThat(context.getBean(LoggingSystem.class)).isInstanceOf(RingtailLoggingSystem.class);
            assertThat(Ringtail.getLevel("shop.both.Cart")).isEqualTo("debug");
        }
    }

    @Test
    void ringtailKeysFromTheEnvironmentRebuildTheSinksAndResolvePlaceholders() throws Exception {
        try (IngestServer server = IngestServer.start(TOKEN)) {
            Logger early = LoggerFactory.getLogger("shop.early");
            early.info("before Spring: console only");
            try (ConfigurableApplicationContext context = run(Map.of(
                    "ringtail.betterstack.token", "${SHOP_SOURCE_TOKEN}",
                    "ringtail.betterstack.endpoint", server.uri().toString(),
                    "ringtail.batch.flushMillis", "50"), Map.of("SHOP_SOURCE_TOKEN", TOKEN))) {
                assertThat(context.getBean(LoggingSystem.class)).isInstanceOf(RingtailLoggingSystem.class);
                early.info("after Spring: shipped");
                assertThat(Ringtail.flush(Duration.ofSeconds(10))).isTrue();

                assertThat(server.events()).extracting(e -> e.get("message")).contains("after Spring: shipped")
                        .doesNotContain("before Spring: console only");
                assertThat(server.problems()).as("the receiver checks the token").isEmpty();
                assertThat(slf4j.stderr().text()).contains("(reconfigured); until then accepted");
                assertThat(slf4j.stdout().text()).contains("before Spring: console only");
            }
        }
    }

    @Test
    void theLoggersEndpointsOperationsListSetAndResetLevels() {
        try (ConfigurableApplicationContext context = run(Map.of("logging.level.shop.live", "warn"), Map.of())) {
            LoggingSystem system = context.getBean(LoggingSystem.class);
            Logger cart = LoggerFactory.getLogger("shop.live.Cart");
            assertThat(cart.isInfoEnabled()).isFalse();

            system.setLogLevel("shop.live", LogLevel.DEBUG);
            assertThat(cart.isDebugEnabled()).as("the next call obeys").isTrue();
            assertThat(system.getLoggerConfiguration("shop.live"))
                    .isEqualTo(new LoggerConfiguration("shop.live", LogLevel.DEBUG, LogLevel.DEBUG));
            List<LoggerConfiguration> all = system.getLoggerConfigurations();
            assertThat(all.get(0).getName()).isEqualTo("ROOT");
            assertThat(all.get(0).getEffectiveLevel()).isEqualTo(LogLevel.INFO);
            assertThat(all).contains(new LoggerConfiguration("shop.live.Cart", null, LogLevel.DEBUG));

            system.setLogLevel("shop.live", null);
            assertThat(cart.isDebugEnabled()).isFalse();
            assertThat(system.getLoggerConfiguration("shop.live.Cart").getEffectiveLevel()).isEqualTo(LogLevel.INFO);
            system.setLogLevel(null, LogLevel.OFF);
            assertThat(cart.isErrorEnabled()).isFalse();
            assertThat(system.getLoggerConfiguration(null).getEffectiveLevel()).isEqualTo(LogLevel.OFF);
            assertThat(system.getSupportedLogLevels()).doesNotContain(LogLevel.FATAL).contains(LogLevel.OFF, LogLevel.TRACE);
        }
    }

    @Test
    void theShutdownHandlerDrainsRingtailWhileWithoutSpringsHookThereIsNone() {
        Logger log = LoggerFactory.getLogger("shop.shutdown");
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        log.info("before the handler ran");

        Runnable handler = system.getShutdownHandler();
        assertThat(handler).isNotNull();
        handler.run();
        log.info("after it: on stderr, counted");

        assertThat(Ringtail.stats().dropped()).isEqualTo(1);
        assertThat(Ringtail.stats().sinks()).allSatisfy(sink -> assertThat(sink.delivered()).isEqualTo(1));
        try (ConfigurableApplicationContext context = run(Map.of(), Map.of())) {
            assertThat(context.getBean(LoggingSystem.class).getShutdownHandler())
                    .as("spring.main.register-shutdown-hook=false: ringtail keeps its own hook").isNull();
        }
    }

    // A non-web application whose Environment has these properties (as application.properties
    // would) and this environment in place of the process's; no JVM hook of Spring's is added.
    private static ConfigurableApplicationContext run(Map<String, String> properties, Map<String, String> environment,
                                                      String... args) {
        StandardEnvironment spring = new StandardEnvironment();
        Map<String, Object> values = new HashMap<>(properties);
        values.put("spring.main.register-shutdown-hook", "false");
        spring.getPropertySources().addLast(new MapPropertySource("test-properties", values));
        spring.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(environment)));
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setEnvironment(spring);
        return application.run(args);
    }
}
