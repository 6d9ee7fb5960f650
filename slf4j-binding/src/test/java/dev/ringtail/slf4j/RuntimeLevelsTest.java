package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import dev.ringtail.internal.level.LevelRegistry;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.Races;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Levels set while the application runs, through {@link Ringtail} and under concurrent logging. */
@Timeout(120)
class RuntimeLevelsTest {
    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @Test
    void setLevelChangesLoggersThatExistAlreadyFromTheirNextCall() {
        Logger cart = LoggerFactory.getLogger("shop.checkout.Cart");
        cart.debug("before: not logged");
        assertThat(cart.isDebugEnabled()).isFalse();

        Ringtail.setLevel("shop.checkout", "debug");
        cart.debug("after: logged");
        assertThat(cart.isDebugEnabled()).isTrue();
        assertThat(Ringtail.getLevel("shop.checkout.Cart")).isEqualTo("debug");

        Ringtail.setLevel("shop.checkout", null);
        cart.debug("inherits again: not logged");
        Ringtail.setLevel("ROOT", "ERROR");
        cart.warn("root at error: not logged");
        cart.error("root at error: logged");
        assertThat(Ringtail.flush()).isTrue();

        assertThat(slf4j.stdout().text()).contains("[DEBUG] shop.checkout.Cart: after: logged",
                "[ERROR] shop.checkout.Cart: root at error: logged").doesNotContain("not logged");
    }

    @Test
    void getLevelAnswersTheLevelInForceForAnyNameLowerCase() {
        slf4j.systemProperty("ringtail.level", "warn");
        slf4j.systemProperty("ringtail.level.com.shop", "TRACE");
        LoggerFactory.getLogger("first"); // SLF4J initializes ringtail with these properties

        assertThat(Ringtail.getLevel("com.shop.Cart$Line")).isEqualTo("trace");
        assertThat(Ringtail.getLevel("com.shopping")).isEqualTo("warn");
        assertThat(Ringtail.getLevel("ROOT")).isEqualTo("warn");
        assertThat(Ringtail.getLevel("")).isEqualTo("warn");
        assertThat(Ringtail.getLevel("org.apache.hc.client5.http.wire")).isEqualTo("off");
        Ringtail.setLevel("com.shop", "warning");
        assertThat(Ringtail.getLevel("com.shop.Cart")).isEqualTo("warn");
    }

    @Test
    void configuredLevelsAndLoggerNamesAreSorted() {
        slf4j.systemProperty("ringtail.level.com.shop", "debug");
        LoggerFactory.getLogger("b.second"); // SLF4J initializes ringtail with these properties
        LoggerFactory.getLogger("a.first");
        Ringtail.setLevel("", "warn");

        assertThat(Ringtail.configuredLevels()).containsExactly(Map.entry("ROOT", "warn"),
                Map.entry("com.shop", "debug"), Map.entry("org.apache.hc", "warn"),
                Map.entry("org.apache.hc.client5.http.headers", "off"), Map.entry("org.apache.hc.client5.http.wire", "off"),
                Map.entry("org.apache.hc.client5.http2", "off"));
        assertThat(new ArrayList<>(Ringtail.loggerNames())).containsSubsequence("a.first", "b.second").isSorted();
    }

    @Test
    void anInvalidLevelIsAnIllegalArgumentNamingTheValueAndTheApplicationGoesOn() {
        Logger logger = LoggerFactory.getLogger("shop.app");

        assertThatThrownBy(() -> Ringtail.setLevel("shop", "loud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"loud\"").hasMessageContaining("\"shop\"");
        logger.info("still logging");
        assertThat(Ringtail.flush()).isTrue();
        assertThat(slf4j.stdout().text()).contains("[INFO] shop.app: still logging");
        assertThat(Ringtail.getLevel("shop.app")).isEqualTo("info");
    }

    @Test
    void theRootNameIsSlf4jsRootLoggerName() {
        assertThat(RingtailConfig.ROOT).isEqualTo(Logger.ROOT_LOGGER_NAME);
    }

    /**
     * Logging threads call every logger while setter threads change the levels of its prefixes
     * (each setter its own prefixes, a known sequence) and creator threads add loggers. Once the
     * setters are done every logger holds its prefix's last level, and a last call from every
     * thread is delivered exactly where that level lets it through.
     */
    @Test
    void manyThreadsLoggingWhileLevelsChangeLeaveEveryLoggerAtTheLatestLevel() throws Exception {
        int setters = 3;
        int prefixes = 6;
        int changes = 200;
        int loggersPerPrefix = 5;
        int loggingThreads = 4;
        int rounds = 30;
        CollectingSink sink = new CollectingSink();
        try (TestLoggers loggers = new TestLoggers(sink, "ringtail.ringSize", "100000")) {
            LevelRegistry<RingtailLogger> levels = loggers.factory.levels();
            List<String> names = new ArrayList<>();
            for (int s = 0; s < setters; s++) {
                for (int p = 0; p < prefixes; p++) {
                    for (int l = 0; l < loggersPerPrefix; l++) {
                        names.add("s" + s + ".p" + p + ".L" + l);
                    }
                }
            }
            List<String> early = names.subList(0, names.size() / 2);
            List<String> late = names.subList(names.size() / 2, names.size());
            early.forEach(loggers::logger);

            List<Runnable> work = new ArrayList<>();
            for (int s = 0; s < setters; s++) {
                int setter = s;
                work.add(() -> {
                    for (int c = 0; c < changes; c++) {
                        levels.setLevel("s" + setter + ".p" + (c % prefixes), LEVELS[level(setter, c)]);
                    }
                });
            }
            work.add(() -> late.forEach(loggers::logger));
            for (int t = 0; t < loggingThreads; t++) {
                work.add(() -> {
                    for (int r = 0; r < rounds; r++) {
                        for (String name : early) {
                            loggers.logger(name).debug("churn {}", r);
                        }
                    }
                });
            }
            Races.all(work);

            Map<String, Integer> expected = new HashMap<>();
            for (String name : names) {
                int setter = name.charAt(1) - '0';
                int prefix = name.charAt(4) - '0';
                int lastChange = changes - 1 - Math.floorMod(changes - 1 - prefix, prefixes);
                expected.put(name, Thresholds.parse(LEVELS[level(setter, lastChange)]));
                assertThat(((RingtailLogger) loggers.logger(name)).threshold()).as(name).isEqualTo(expected.get(name));
            }

            List<Runnable> last = new ArrayList<>();
            for (int t = 0; t < loggingThreads; t++) {
                last.add(() -> names.forEach(name -> loggers.logger(name).debug("last")));
            }
            Races.all(last);
            loggers.flush();

            Map<String, Integer> delivered = new HashMap<>();
            for (LogEvent event : sink.events()) {
                if (event.message().toString().equals("last")) {
                    delivered.merge(event.loggerName(), 1, Integer::sum);
                }
            }
            for (String name : names) {
                int want = expected.get(name) <= Thresholds.DEBUG ? loggingThreads : 0;
                assertThat(delivered.getOrDefault(name, 0)).as(name).isEqualTo(want);
            }
            assertThat(loggers.pipeline.stats().dropped()).isZero();
        }
    }

    private static final String[] LEVELS = {"trace", "debug", "info", "warn", "error", "off"};

    private static int level(int setter, int change) {
        return (change * 5 + setter) % LEVELS.length;
    }
}
