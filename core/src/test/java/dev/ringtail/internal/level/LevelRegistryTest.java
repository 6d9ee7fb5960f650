package dev.ringtail.internal.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Races;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LevelRegistryTest {
    private final CapturedOutput err = new CapturedOutput();

    /** What the registry writes into: the threshold a logger would compare against. */
    static final class Probe {
        volatile int threshold = -1;
    }

    private LevelRegistry<Probe> registry(String... keyValues) {
        return registry(false, keyValues);
    }

    private LevelRegistry<Probe> registry(boolean everythingOff, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        RingtailConfig config = RingtailConfig.of(props, Map.of(), new Properties(), err.diagnostics());
        return new LevelRegistry<>(config, everythingOff, (probe, threshold) -> probe.threshold = threshold);
    }

    private static Probe logger(LevelRegistry<Probe> registry, String name) {
        Probe existing = registry.logger(name);
        return existing != null ? existing : registry.register(name, new Probe());
    }

    @Test
    void aNewLoggerGetsTheLongestConfiguredPrefixBuiltInDefaultsIncluded() {
        LevelRegistry<Probe> registry = registry("ringtail.level", "warn", "ringtail.level.com.shop", "debug",
                "ringtail.level.com.shop.noisy", "off");

        assertThat(logger(registry, "com.shop.Cart").threshold).isEqualTo(Thresholds.DEBUG);
        assertThat(logger(registry, "com.shop.Cart$Line").threshold).isEqualTo(Thresholds.DEBUG);
        assertThat(logger(registry, "com.shop.noisy.Poller").threshold).isEqualTo(Thresholds.OFF);
        assertThat(logger(registry, "com.shopping.Cart").threshold).isEqualTo(Thresholds.WARN);
        assertThat(logger(registry, "org.apache.hc.core5.pool").threshold).isEqualTo(Thresholds.WARN);
        assertThat(logger(registry, "dev.ringtail.shaded.org.apache.hc.client5.http.wire").threshold)
                .as("the all jar's relocated HttpClient, looked up under its original name").isEqualTo(Thresholds.OFF);
        assertThat(logger(registry, "ROOT").threshold).isEqualTo(Thresholds.WARN);
    }

    @Test
    void registeringTheSameNameTwiceKeepsTheFirstLogger() {
        LevelRegistry<Probe> registry = registry();
        Probe first = registry.register("a.b", new Probe());
        Probe second = new Probe();

        assertThat(registry.register("a.b", second)).isSameAs(first);
        assertThat(second.threshold).as("the loser is never written").isEqualTo(-1);
    }

    @Test
    void settingAPrefixChangesEveryExistingLoggerUnderItAndNoOther() {
        LevelRegistry<Probe> registry = registry();
        Probe shop = logger(registry, "com.shop");
        Probe cart = logger(registry, "com.shop.Cart");
        Probe line = logger(registry, "com.shop.Cart$Line");
        Probe shopping = logger(registry, "com.shopping");
        Probe other = logger(registry, "org.other");

        registry.setLevel("com.shop", "DEBUG");

        assertThat(List.of(shop.threshold, cart.threshold, line.threshold)).containsOnly(Thresholds.DEBUG);
        assertThat(List.of(shopping.threshold, other.threshold)).containsOnly(Thresholds.INFO);
        assertThat(logger(registry, "com.shop.Later").threshold).as("a logger created afterwards")
                .isEqualTo(Thresholds.DEBUG);
        assertThat(registry.threshold("com.shop.never.Created")).isEqualTo(Thresholds.DEBUG);
    }

    @Test
    void aLongerPrefixKeepsItsOwnLevelAndNullMakesAPrefixInheritAgain() {
        LevelRegistry<Probe> registry = registry("ringtail.level.com.shop.sql", "error");
        Probe sql = logger(registry, "com.shop.sql.Pool");
        Probe cart = logger(registry, "com.shop.Cart");

        registry.setLevel("com.shop", "trace");
        assertThat(sql.threshold).isEqualTo(Thresholds.ERROR);
        assertThat(cart.threshold).isEqualTo(Thresholds.TRACE);

        registry.setLevel("com.shop.sql", null);
        assertThat(sql.threshold).as("inherits com.shop now").isEqualTo(Thresholds.TRACE);
        registry.setLevel("com.shop", null);
        assertThat(List.of(sql.threshold, cart.threshold)).as("inherit the root").containsOnly(Thresholds.INFO);
        assertThat(registry.configuredLevels()).doesNotContainKeys("com.shop", "com.shop.sql");
    }

    @Test
    void theRootIsNamedByNullEmptyOrRootAndNullTakesItBackToItsConfiguredLevel() {
        LevelRegistry<Probe> registry = registry("ringtail.level", "warn");
        Probe any = logger(registry, "any.Thing");

        registry.setLevel("", "debug");
        assertThat(any.threshold).isEqualTo(Thresholds.DEBUG);
        registry.setLevel("ROOT", "error");
        assertThat(any.threshold).isEqualTo(Thresholds.ERROR);
        assertThat(registry.threshold("ROOT")).isEqualTo(Thresholds.ERROR);
        assertThat(registry.threshold(null)).isEqualTo(Thresholds.ERROR);
        registry.setLevel(null, "trace");
        assertThat(any.threshold).isEqualTo(Thresholds.TRACE);

        registry.setLevel("ROOT", null);
        assertThat(any.threshold).as("ringtail.level").isEqualTo(Thresholds.WARN);
        assertThat(registry.configured("ROOT")).isEqualTo(Thresholds.WARN);
    }

    @Test
    void anInvalidLevelIsRefusedNamingTheValueAndChangesNothing() {
        LevelRegistry<Probe> registry = registry();
        Probe cart = logger(registry, "com.shop.Cart");

        assertThatThrownBy(() -> registry.setLevel("com.shop", "verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid level \"verbose\" for logger \"com.shop\": expected trace, debug, info, warn,"
                        + " error or off (or null to inherit)");
        assertThatThrownBy(() -> registry.setLevel("ROOT", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid level \"\" for the root logger");
        assertThat(cart.threshold).isEqualTo(Thresholds.INFO);
        assertThat(registry.configuredLevels()).doesNotContainKey("com.shop");
    }

    @Test
    void httpClientsCredentialLoggersStayOffWhateverIsSet() {
        LevelRegistry<Probe> registry = registry();
        Probe wire = logger(registry, "org.apache.hc.client5.http.wire");
        Probe shadedHeaders = logger(registry, "dev.ringtail.shaded.org.apache.hc.client5.http.headers");

        registry.setLevel("org.apache.hc", "trace");
        registry.setLevel("ROOT", "trace");
        assertThat(List.of(wire.threshold, shadedHeaders.threshold)).containsOnly(Thresholds.OFF);
        for (String level : new String[] {"debug", null}) {
            assertThatThrownBy(() -> registry.setLevel("org.apache.hc.client5.http.wire", level))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("logger \"org.apache.hc.client5.http.wire\" is always off");
        }
        assertThatThrownBy(() -> registry.setLevel("dev.ringtail.shaded.org.apache.hc.client5.http.headers.x", "info"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is always off");
        registry.setLevel("org.apache.hc.client5.http.wire", "off");
        assertThat(wire.threshold).isEqualTo(Thresholds.OFF);
    }

    @Test
    void configuredLevelsAreSortedByPrefixWithTheRootAsRoot() {
        LevelRegistry<Probe> registry = registry("ringtail.level", "warn", "ringtail.level.com.shop", "debug");
        registry.setLevel("a.first", "warning");

        assertThat(registry.configuredLevels()).containsExactly(
                Map.entry("ROOT", "warn"),
                Map.entry("a.first", "warn"),
                Map.entry("com.shop", "debug"),
                Map.entry("org.apache.hc", "warn"),
                Map.entry("org.apache.hc.client5.http.headers", "off"),
                Map.entry("org.apache.hc.client5.http.wire", "off"),
                Map.entry("org.apache.hc.client5.http2", "off"));
    }

    @Test
    void loggerNamesAreEveryRegisteredNameSorted() {
        LevelRegistry<Probe> registry = registry();
        for (String name : new String[] {"b.two", "ROOT", "a.one", "b.one"}) {
            logger(registry, name);
        }
        assertThat(registry.loggerNames()).containsExactly("ROOT", "a.one", "b.one", "b.two");
    }

    @Test
    void withNowhereToSendEveryLoggerStaysOffWhateverIsSet() {
        LevelRegistry<Probe> registry = registry(true, "ringtail.level", "trace");
        Probe probe = logger(registry, "x.y");
        registry.setLevel("x", "debug");

        assertThat(probe.threshold).isEqualTo(Thresholds.OFF);
        assertThat(registry.threshold("x.y")).isEqualTo(Thresholds.OFF);
        assertThat(registry.configuredLevels()).containsEntry("x", "debug").containsEntry("ROOT", "trace");
    }

    @Test
    void listenersAreToldAfterTheLoggersObey() {
        LevelRegistry<Probe> registry = registry();
        Probe cart = logger(registry, "com.shop.Cart");
        List<String> told = new ArrayList<>();
        registry.addListener(prefix -> told.add(prefix + " " + Thresholds.name(cart.threshold)));

        registry.setLevel("com.shop", "debug");
        registry.setLevel("", "error");
        registry.setLevel("com.shop", null);

        assertThat(told).containsExactly("com.shop debug", "ROOT debug", "com.shop error");
    }

    /**
     * The worst moment: a logger's threshold computed and being written, not yet registered, when
     * its prefix's level is set. The set waits for the registration, then rewrites the logger.
     */
    @Test
    void aLevelSetWhileALoggerIsBeingRegisteredReachesThatLogger() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Probe slow = new Probe();
        RingtailConfig config = RingtailConfig.of(Map.of(), Map.of(), new Properties(), err.diagnostics());
        LevelRegistry<Probe> registry = new LevelRegistry<>(config, false, (probe, threshold) -> {
            if (probe == slow && writing.getCount() > 0) {
                writing.countDown();
                await(release);
            }
            probe.threshold = threshold;
        });
        Thread registering = new Thread(() -> registry.register("slow.Logger", slow), "registering");
        Thread setting = new Thread(() -> registry.setLevel("slow", "debug"), "setting");

        registering.start();
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        setting.start();
        Waiting.atMost(Duration.ofSeconds(10)).until(() -> setting.getState() == Thread.State.BLOCKED
                || setting.getState() == Thread.State.TERMINATED);
        release.countDown();
        registering.join(10_000);
        setting.join(10_000);

        assertThat(slow.threshold).isEqualTo(Thresholds.DEBUG);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A logger created while its prefix's level is being set: whichever of the two gets in
     * first, the logger ends at the new level. Each round releases both at once.
     */
    @Test
    void aLoggerCreatedWhileItsLevelIsSetNeverMissesTheChange() throws Exception {
        LevelRegistry<Probe> registry = registry();
        int rounds = 2_000;
        Probe[] created = new Probe[rounds];
        Races.rounds(rounds,
                round -> registry.setLevel("race." + round, round % 2 == 0 ? "debug" : "error"),
                round -> created[round] = logger(registry, "race." + round + ".Logger"));

        for (int round = 0; round < rounds; round++) {
            assertThat(created[round].threshold).as("round %d", round)
                    .isEqualTo(round % 2 == 0 ? Thresholds.DEBUG : Thresholds.ERROR);
        }
    }

    /**
     * Threads setting levels (each its own prefixes, a known sequence of levels) while as many
     * create loggers under those prefixes: afterwards every logger holds the last level set.
     */
    @Test
    void manyThreadsSettingLevelsWhileOthersCreateLoggersLeaveEveryLoggerAtTheLastLevel() throws Exception {
        LevelRegistry<Probe> registry = registry();
        int setters = 4;
        int prefixes = 8;
        int changes = 300;
        int loggersEach = 400;
        Map<String, Probe> probes = new ConcurrentHashMap<>();
        List<Runnable> work = new ArrayList<>();
        for (int s = 0; s < setters; s++) {
            int setter = s;
            work.add(() -> {
                for (int c = 0; c < changes; c++) {
                    registry.setLevel("p" + setter + "." + (c % prefixes), LEVELS[level(setter, c)]);
                }
            });
            work.add(() -> {
                for (int i = 0; i < loggersEach; i++) {
                    String name = "p" + setter + "." + (i % prefixes) + ".L" + i;
                    probes.put(name, logger(registry, name));
                }
            });
        }
        Races.all(work);

        assertThat(probes).hasSize(setters * loggersEach);
        for (int setter = 0; setter < setters; setter++) {
            for (int i = 0; i < loggersEach; i++) {
                int prefix = i % prefixes;
                int lastChange = changes - 1 - Math.floorMod(changes - 1 - prefix, prefixes);
                String name = "p" + setter + "." + prefix + ".L" + i;
                assertThat(probes.get(name).threshold).as(name)
                        .isEqualTo(Thresholds.parse(LEVELS[level(setter, lastChange)]));
            }
        }
    }

    private static final String[] LEVELS = {"trace", "debug", "info", "warn", "error", "off"};

    /** The level a setter's change number {@code change} sets. */
    private static int level(int setter, int change) {
        return (change * 7 + setter) % LEVELS.length;
    }
}
