package dev.ringtail.slf4j;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import dev.ringtail.internal.ring.Pipeline;
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
 */
final class RingtailLoggerFactory implements ILoggerFactory {
    /**
     * Where the {@code all} jar relocates its dependencies. httpclient5's loggers are named after
     * its classes, so there they are called {@code dev.ringtail.shaded.org.apache.hc...}; their
     * level is looked up under the original name, so the built-in {@code org.apache.hc = warn}
     * and a user's {@code ringtail.level.org.apache.hc} apply to them just the same.
     */
    static final String SHADED_PREFIX = "dev.ringtail.shaded.";

    private final RingtailConfig config;
    private final Pipeline pipeline;
    private final ConcurrentMap<String, RingtailLogger> loggers = new ConcurrentHashMap<>();
    /** Levels set at run time: prefix ("" is root) to threshold. */
    private final ConcurrentMap<String, Integer> overrides = new ConcurrentHashMap<>();

    /** @param pipeline where events go; null means nowhere, and every logger is off */
    RingtailLoggerFactory(RingtailConfig config, Pipeline pipeline) {
        this.config = config;
        this.pipeline = pipeline;
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
        if (pipeline == null) {
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
        for (RingtailLogger logger : loggers.values()) {
            logger.threshold(threshold(logger.getName()));
        }
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
