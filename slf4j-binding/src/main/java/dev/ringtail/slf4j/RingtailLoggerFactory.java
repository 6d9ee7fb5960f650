package dev.ringtail.slf4j;

import dev.ringtail.internal.config.ConfigOverlay;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.internal.ProviderControl;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Hands out one {@link RingtailLogger} per name, its level resolved once from the configuration
 * ({@code ringtail.level.<prefix>}, longest prefix wins, {@code off}).
 *
 * <p>It is also what integrations reach the provider through ({@link ProviderControl}): SLF4J
 * hands it out, so it can be found without any static state of ringtail's.
 */
final class RingtailLoggerFactory implements ILoggerFactory, ProviderControl {
    /**
     * Where the {@code all} jar relocates its dependencies. httpclient5's loggers are named after
     * its classes, so there they are called {@code dev.ringtail.shaded.org.apache.hc...}; their
     * level is looked up under the original name, so the built-in {@code org.apache.hc = warn}
     * and a user's {@code ringtail.level.org.apache.hc} apply to them just the same.
     */
    static final String SHADED_PREFIX = "dev.ringtail.shaded.";

    private volatile RingtailConfig config;
    private final LivePipeline pipeline;
    /** Null for a factory over a fixed pipeline (tests, benchmarks): it cannot be reconfigured. */
    private final RingtailRuntime runtime;
    private final ConcurrentMap<String, RingtailLogger> loggers = new ConcurrentHashMap<>();
    /** Levels set at run time: prefix ("" is root) to threshold. */
    private final ConcurrentMap<String, Integer> overrides = new ConcurrentHashMap<>();

    /** @param pipeline where events go; null means nowhere, and every logger is off */
    RingtailLoggerFactory(RingtailConfig config, Pipeline pipeline) {
        this.config = config;
        this.pipeline = new LivePipeline(pipeline);
        this.runtime = null;
    }

    /** The provider's factory: its loggers publish to whatever pipeline {@code runtime} runs. */
    RingtailLoggerFactory(RingtailRuntime runtime) {
        this.config = runtime.config();
        this.pipeline = runtime.live();
        this.runtime = runtime;
    }

    @Override
    public Logger getLogger(String name) {
        String key = name == null ? Logger.ROOT_LOGGER_NAME : name;
        RingtailLogger logger = loggers.get(key);
        if (logger != null) {
            return logger;
        }
        // get-then-putIfAbsent, not computeIfAbsent: no capturing lambda, and a racing creator loses cleanly
        RingtailLogger created = new RingtailLogger(key, threshold(key), pipeline);
        RingtailLogger raced = loggers.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    /** The lowest enabled level's ordinal for a logger name, or {@link Thresholds#OFF}. */
    int threshold(String name) {
        if (pipeline.get() == null) {
            return Thresholds.OFF;
        }
        String configured = name.startsWith(SHADED_PREFIX) ? name.substring(SHADED_PREFIX.length()) : name;
        for (String prefix = configured; ; prefix = parent(prefix)) {
            Integer set = overrides.get(prefix);
            if (set != null) {
                return set;
            }
            if (prefix.isEmpty()) {
                return config.levelFor(configured);
            }
        }
    }

    private static String parent(String name) {
        int dot = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
        return dot <= 0 ? "" : name.substring(0, dot);
    }

    synchronized void setLevel(String prefix, String level) {
        String key = prefix == null || prefix.equalsIgnoreCase("ROOT") ? "" : prefix;
        if (level == null) {
            overrides.remove(key);
        } else {
            int parsed = Thresholds.parse(level);
            if (parsed < 0) {
                throw new IllegalArgumentException("not a level: " + level);
            }
            overrides.put(key, parsed);
        }
        refreshThresholds();
    }

    private void refreshThresholds() {
        for (RingtailLogger logger : loggers.values()) {
            logger.threshold(threshold(logger.getName()));
        }
    }

    @Override
    public synchronized void reconfigure(ConfigOverlay overlay) {
        if (runtime == null) {
            throw new IllegalStateException("a factory over a fixed pipeline cannot be reconfigured");
        }
        RingtailConfig next = RingtailConfig.load(overlay);
        runtime.reconfigure(next);
        config = next;
        refreshThresholds();
    }

    @Override
    public void standDownShutdownHook() {
        if (runtime != null) {
            runtime.standDownHook();
        }
    }

    @Override
    public void bridgeJul() {
        JulBridge.install();
    }

    String getLevel(String name) {
        int t = threshold(name == null || name.equalsIgnoreCase("ROOT") ? "" : name);
        return t == Thresholds.OFF ? "off" : dev.ringtail.Level.ofOrdinal(t).name().toLowerCase(Locale.ROOT);
    }

    Map<String, String> configuredLevels() {
        Map<String, String> levels = new TreeMap<>();
        config.loggerLevels().forEach((k, v) -> levels.put(k, name(v)));
        levels.put("ROOT", name(config.rootLevel()));
        overrides.forEach((k, v) -> levels.put(k.isEmpty() ? "ROOT" : k, name(v)));
        return levels;
    }

    private static String name(int threshold) {
        return threshold == Thresholds.OFF ? "off" : dev.ringtail.Level.ofOrdinal(threshold).name().toLowerCase(Locale.ROOT);
    }

    Set<String> loggerNames() {
        return new TreeSet<>(loggers.keySet());
    }
}
