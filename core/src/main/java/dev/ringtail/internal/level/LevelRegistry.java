package dev.ringtail.internal.level;

import dev.ringtail.internal.config.LoggerPrefixes;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The level of every logger, changeable while the application runs.
 *
 * <p>It holds the configured prefixes, seeded from the configuration ({@code ringtail.level},
 * {@code ringtail.level.<prefix>}, the built-in {@code org.apache.hc = warn}, HttpClient's
 * always-off loggers), and every logger created so far. The longest configured prefix decides a
 * logger's level ({@link LoggerPrefixes}). The registry writes each logger's threshold into the
 * logger itself through a {@link ThresholdWriter}, so a log call keeps reading one field of its
 * own logger and comparing it with a constant; it never looks here.
 *
 * <p>Names: the prefix {@code ""} or {@value RingtailConfig#ROOT} is the root. A name under
 * {@value #SHADED_PREFIX} is looked up under its original name: the all jar relocates its
 * dependencies there, and httpclient5's loggers are named after its classes, so
 * {@code org.apache.hc = warn} and a user's {@code org.apache.hc} level apply to them as well.
 *
 * @param <L> the logger type: the registry knows loggers only through the writer
 */
public final class LevelRegistry<L> {
    /** Where the all jar relocates ringtail's dependencies. */
    public static final String SHADED_PREFIX = "dev.ringtail.shaded.";

    /** How the registry sets a logger's threshold. */
    @FunctionalInterface
    public interface ThresholdWriter<L> {
        /** Makes {@code logger}'s next call use {@code threshold} (a volatile write). */
        void write(L logger, int threshold);
    }

    private final ThresholdWriter<L> writer;
    /** Guarded by this, as the prefixes: a reconfiguration can give events somewhere to go. */
    private boolean everythingOff;
    private int configuredRoot;
    private final ConcurrentMap<String, L> loggers = new ConcurrentHashMap<>();
    private final List<LevelListener> listeners = new CopyOnWriteArrayList<>();

    /*
     * Registering a logger and setting a level both hold this registry's lock, and so cannot
     * interleave: a registration computes the new logger's threshold from the prefixes and adds
     * the logger to `loggers`; setLevel changes the prefixes and rewrites the threshold of every
     * logger in `loggers` under the prefix. A logger created while a level is being set is
     * therefore either among the loggers that setLevel rewrites, or computes its threshold from
     * the prefixes as that setLevel left them: no logger keeps a threshold computed before a
     * change it missed. setLevels are serialized the same way, each rewriting from the prefixes
     * as they then are, so the last one's levels are what every logger holds. Lookups of existing
     * loggers take no lock: a logger is put into `loggers` only after its threshold was written.
     */
    private final Map<String, Integer> prefixes;
    private int root;

    /**
     * @param everythingOff true when there is nowhere for events to go (no sink): every logger is
     *                      off whatever is configured or set, and {@link #threshold} says so
     */
    public LevelRegistry(RingtailConfig config, boolean everythingOff, ThresholdWriter<L> writer) {
        this.writer = Objects.requireNonNull(writer);
        this.everythingOff = everythingOff;
        this.configuredRoot = config.rootLevel();
        this.root = configuredRoot;
        this.prefixes = new HashMap<>(config.loggerLevels());
    }

    /** The logger registered under {@code name}, or null; takes no lock. */
    public L logger(String name) {
        return loggers.get(name);
    }

    /**
     * Registers {@code logger} under {@code name} with the threshold in force for that name, unless
     * a logger is registered under it already.
     *
     * @return the logger registered under {@code name}: {@code logger}, or the one that was there
     */
    public synchronized L register(String name, L logger) {
        L existing = loggers.get(name);
        if (existing != null) {
            return existing;
        }
        writer.write(logger, effective(lookupName(name)));
        loggers.put(name, logger);
        return logger;
    }

    /**
     * Sets the level of a prefix, and with it the threshold of every registered logger under it.
     *
     * @param prefix a logger name or prefix; {@code null}, {@code ""} or {@value RingtailConfig#ROOT}
     *               for the root
     * @param level  {@code trace}, {@code debug}, {@code info}, {@code warn} (or {@code warning}),
     *               {@code error} or {@code off}, in any case; {@code null} to make the prefix
     *               inherit again (the root goes back to its configured level)
     * @throws IllegalArgumentException for any other level, and for a level other than
     *                                  {@code off} on one of HttpClient's always-off loggers
     */
    public void setLevel(String prefix, String level) {
        String key = canonical(prefix);
        Integer threshold = parse(key, level);
        if (LoggerPrefixes.alwaysOff(key) && !Objects.equals(threshold, Thresholds.OFF)) {
            throw new IllegalArgumentException(describe(key) + " is always off: HttpClient's header and wire"
                    + " loggers print credentials");
        }
        synchronized (this) {
            if (key.isEmpty()) {
                root = threshold == null ? configuredRoot : threshold;
            } else if (threshold == null) {
                prefixes.remove(key);
            } else {
                prefixes.put(key, threshold);
            }
            for (Map.Entry<String, L> entry : loggers.entrySet()) {
                String name = lookupName(entry.getKey());
                // startsWith also takes in com.shopping for com.shop: recomputing those changes nothing
                if (key.isEmpty() || name.startsWith(key)) {
                    writer.write(entry.getValue(), effective(name));
                }
            }
        }
        // outside the lock: a listener that takes its own lock cannot deadlock with a registration
        String changed = key.isEmpty() ? RingtailConfig.ROOT : key;
        for (LevelListener listener : listeners) {
            listener.levelChanged(changed);
        }
    }

    /**
     * Adopts a new configuration (Spring Boot's Environment, read after ringtail started): every
     * prefix whose configured level differs from {@code previous}'s, and the root if it does, takes
     * the new level, as if set now; levels set at run time for other prefixes stay. With
     * {@code everythingOff} the loggers follow the sinks coming or going. Every logger is rewritten.
     */
    public void reconfigure(RingtailConfig previous, RingtailConfig next, boolean everythingOff) {
        List<String> changed = new ArrayList<>();
        synchronized (this) {
            this.everythingOff = everythingOff;
            if (next.rootLevel() != previous.rootLevel()) {
                configuredRoot = next.rootLevel();
                root = configuredRoot;
                changed.add(RingtailConfig.ROOT);
            }
            for (Map.Entry<String, Integer> entry : next.loggerLevels().entrySet()) {
                if (!entry.getValue().equals(previous.loggerLevels().get(entry.getKey()))) {
                    prefixes.put(entry.getKey(), entry.getValue());
                    changed.add(entry.getKey());
                }
            }
            for (Map.Entry<String, L> entry : loggers.entrySet()) {
                writer.write(entry.getValue(), effective(lookupName(entry.getKey())));
            }
        }
        for (String prefix : changed) {
            for (LevelListener listener : listeners) {
                listener.levelChanged(prefix);
            }
        }
    }

    /** The threshold in force for a logger name ({@code null}, {@code ""} or {@code ROOT}: the root's). */
    public synchronized int threshold(String loggerName) {
        return effective(canonical(loggerName));
    }

    /**
     * The threshold configured for exactly this prefix, or null if it inherits; the root
     * ({@code ""} or {@code ROOT}) always has one.
     */
    public synchronized Integer configured(String prefix) {
        String key = canonical(prefix);
        return key.isEmpty() ? Integer.valueOf(root) : prefixes.get(key);
    }

    /** Every configured prefix and its level ({@link Thresholds#name}), sorted, the root as {@code ROOT}. */
    public synchronized SortedMap<String, String> configuredLevels() {
        SortedMap<String, String> levels = new TreeMap<>();
        levels.put(RingtailConfig.ROOT, Thresholds.name(root));
        for (Map.Entry<String, Integer> entry : prefixes.entrySet()) {
            levels.put(entry.getKey(), Thresholds.name(entry.getValue()));
        }
        return Collections.unmodifiableSortedMap(levels);
    }

    /** The names of every logger registered so far, sorted. */
    public SortedSet<String> loggerNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(loggers.keySet()));
    }

    /** Told of every {@link #setLevel}, after the loggers were updated. */
    public void addListener(LevelListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    private int effective(String lookupName) {
        return everythingOff ? Thresholds.OFF : LoggerPrefixes.resolve(prefixes, root, lookupName);
    }

    private static String canonical(String prefix) {
        if (prefix == null || prefix.equals(RingtailConfig.ROOT)) {
            return "";
        }
        return lookupName(prefix);
    }

    private static String lookupName(String name) {
        return name.startsWith(SHADED_PREFIX) ? name.substring(SHADED_PREFIX.length()) : name;
    }

    private static Integer parse(String key, String level) {
        if (level == null) {
            return null;
        }
        int threshold = Thresholds.parse(level);
        if (threshold == Thresholds.INVALID) {
            throw new IllegalArgumentException("invalid level \"" + level + "\" for " + describe(key)
                    + ": expected trace, debug, info, warn, error or off (or null to inherit)");
        }
        return threshold;
    }

    private static String describe(String key) {
        return key.isEmpty() ? "the root logger" : "logger \"" + key + "\"";
    }
}
