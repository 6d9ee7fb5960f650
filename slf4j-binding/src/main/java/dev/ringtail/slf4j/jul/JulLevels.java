package dev.ringtail.slf4j.jul;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.config.Thresholds;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JUL's levels set from ringtail's, so that JUL, which checks a logger's level before it builds a
 * record, drops a call ringtail would drop anyway: the root logger's level from ringtail's root,
 * and each configured prefix's JUL logger from that prefix.
 *
 * <p>Thresholds map onto the lowest JUL level that jul-to-slf4j hands over at that SLF4J level
 * (it maps FINEST to trace, FINER and FINE to debug, CONFIG and INFO to info, WARNING to warn,
 * SEVERE to error): trace FINEST, debug FINER, info CONFIG, warn WARNING, error SEVERE, off OFF.
 *
 * <p>JUL's hierarchy splits names at {@code .} only: a prefix {@code a.B} covers JUL's
 * {@code a.B.c} but not {@code a.B$C}, which ringtail's own loggers would include. Not thread
 * safe: {@link JulBridge} calls it holding its lock.
 */
final class JulLevels {
    /**
     * The JUL loggers whose level was set, by ringtail prefix. Strong references: JUL holds its
     * loggers weakly, and a logger it collected and creates again has forgotten its level.
     */
    private final Map<String, Logger> followed = new HashMap<>();
    /** Each followed logger's level before ringtail set it (null: it inherited). */
    private final Map<String, Level> originals = new HashMap<>();

    /**
     * Sets the JUL logger of a ringtail prefix to {@code threshold}, or back to its own level if
     * the prefix inherits now ({@code threshold} null).
     *
     * @param prefix a configured prefix, {@code ROOT} for the root
     */
    void follow(String prefix, Integer threshold) {
        Logger logger = followed.get(prefix);
        if (logger == null) {
            if (threshold == null) {
                return; // never set: already as it was
            }
            logger = Logger.getLogger(prefix.equals(RingtailConfig.ROOT) ? "" : prefix);
            followed.put(prefix, logger);
            originals.put(prefix, logger.getLevel());
        }
        logger.setLevel(threshold == null ? originals.get(prefix) : toJul(threshold));
    }

    /** The prefixes whose JUL logger was set. */
    Iterable<String> followedPrefixes() {
        return Map.copyOf(followed).keySet();
    }

    /** Every JUL logger set goes back to the level it had, and is let go. */
    void restore() {
        for (Map.Entry<String, Logger> entry : followed.entrySet()) {
            entry.getValue().setLevel(originals.get(entry.getKey()));
        }
        forget();
    }

    /** Lets go of every JUL logger set without touching it (JUL was reset: its levels are new). */
    void forget() {
        followed.clear();
        originals.clear();
    }

    static Level toJul(int threshold) {
        switch (threshold) {
            case Thresholds.TRACE: return Level.FINEST;
            case Thresholds.DEBUG: return Level.FINER;
            case Thresholds.INFO: return Level.CONFIG;
            case Thresholds.WARN: return Level.WARNING;
            case Thresholds.ERROR: return Level.SEVERE;
            default: return Level.OFF;
        }
    }
}
