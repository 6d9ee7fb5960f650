package dev.ringtail.slf4j.spring;

import dev.ringtail.slf4j.Ringtail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/** Spring Boot's view of ringtail's levels: its {@code LogLevel}s, {@code ROOT}, and logger configurations. */
final class SpringLevels {
    /** FATAL is accepted as error, but never reported: ringtail has no level of that name. */
    static final Set<LogLevel> SUPPORTED = Collections.unmodifiableSet(
            EnumSet.of(LogLevel.TRACE, LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR, LogLevel.OFF));
    private static final String ROOT = LoggingSystem.ROOT_LOGGER_NAME;

    private SpringLevels() {
    }

    /** Sets a level through ringtail's runtime levels; a null name is the root, a null level inherits again. */
    static void set(String loggerName, LogLevel level) {
        Ringtail.setLevel(loggerName == null ? ROOT : loggerName, level == null ? null : ringtailName(level));
    }

    static String ringtailName(LogLevel level) {
        return level == LogLevel.FATAL ? "error" : level.name().toLowerCase(Locale.ROOT);
    }

    /** ROOT first, then every logger created so far and every configured prefix, by name. */
    static List<LoggerConfiguration> all() {
        Map<String, String> configured = Ringtail.configuredLevels();
        Set<String> names = new TreeSet<>(Ringtail.loggerNames());
        names.addAll(configured.keySet());
        names.remove(ROOT);
        List<LoggerConfiguration> result = new ArrayList<>(names.size() + 1);
        result.add(of(ROOT, configured));
        for (String name : names) {
            result.add(of(name, configured));
        }
        return result;
    }

    static LoggerConfiguration one(String loggerName) {
        String name = loggerName == null || ROOT.equalsIgnoreCase(loggerName) ? ROOT : loggerName;
        return of(name, Ringtail.configuredLevels());
    }

    private static LoggerConfiguration of(String name, Map<String, String> configured) {
        String level = configured.get(name);
        return new LoggerConfiguration(name, level == null ? null : springLevel(level), springLevel(Ringtail.getLevel(name)));
    }

    private static LogLevel springLevel(String ringtailLevel) {
        String upper = ringtailLevel.toUpperCase(Locale.ROOT);
        return upper.equals("WARNING") ? LogLevel.WARN : LogLevel.valueOf(upper);
    }
}
