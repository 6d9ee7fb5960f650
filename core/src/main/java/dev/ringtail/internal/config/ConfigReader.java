package dev.ringtail.internal.config;

import dev.ringtail.internal.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads {@code ringtail.*} values by precedence (system property, the overlay, environment
 * variable, {@code ringtail.properties}) and parses them. A bad value gets one stderr line naming the key,
 * the value and the default used instead; it never fails.
 */
final class ConfigReader {
    private final Function<String, String> properties;
    private final ConfigOverlay overlay;
    private final Function<String, String> environment;
    private final Properties file;
    private final Diagnostics diagnostics;

    ConfigReader(Function<String, String> properties, ConfigOverlay overlay, Function<String, String> environment,
                 Properties file, Diagnostics diagnostics) {
        this.properties = properties;
        this.overlay = overlay;
        this.environment = environment;
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** The environment form of a key: {@code ringtail.ringSize} is {@code RINGTAIL_RINGSIZE}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** {@code ringtail.properties} from the context class loader or ringtail's own; empty if absent or unreadable. */
    static Properties classpathProperties() {
        Properties props = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null || loader.getResource(RingtailConfig.PROPERTIES_RESOURCE) == null) {
            loader = ConfigReader.class.getClassLoader();
        }
        if (loader == null) {
            return props;
        }
        try (InputStream in = loader.getResourceAsStream(RingtailConfig.PROPERTIES_RESOURCE)) {
            if (in != null) {
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            Diagnostics.stderr().line("could not read " + RingtailConfig.PROPERTIES_RESOURCE + ": " + e + "; using defaults");
        }
        return props;
    }

    /** A setting as found: the name it was found under (the key, or its environment form) and its value, or null. */
    record Found(String name, String value) {
        /** The value trimmed; null if absent or blank. */
        String text() {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The key's value by precedence: system property, environment variable, {@code ringtail.properties}. */
    Found lookup(String key) {
        String value = properties.apply(key);
        if (value != null) {
            return new Found(key, value);
        }
        value = overlay.get(key);
        if (value != null) {
            return new Found(key, value);
        }
        String envName = environmentName(key);
        value = environment.apply(envName);
        if (value != null) {
            return new Found(envName, value);
        }
        value = file.getProperty(key);
        return new Found(key, value);
    }

    /** An environment variable as it is (the {@code OTEL_*} ones), under its own name. */
    Found environmentVariable(String name) {
        return new Found(name, environment.apply(name));
    }

    /** A key outside ringtail's own ({@code spring.application.name}): a system property, else the overlay (Spring's Environment). */
    Found property(String name) {
        String value = properties.apply(name);
        return new Found(name, value != null ? value : overlay.get(name));
    }

    /** One line about a setting that is not used as it is; {@code what} never holds a secret value. */
    void ignoring(String what) {
        diagnostics.line("ignoring " + what);
    }

    void bad(Found found, String expected, Object defaultValue) {
        diagnostics.line("ignoring " + found.name + "=" + found.value + " (" + expected
                + "); using the default " + defaultValue);
    }

    int integer(String key, int defaultValue, int min, int max) {
        return (int) whole(key, defaultValue, min, max);
    }

    long whole(String key, long defaultValue, long min, long max) {
        Found found = lookup(key);
        if (found.value == null || found.value.isBlank()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(found.value.trim().replace("_", ""));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        bad(found, "expected a whole number from " + min + " to " + max, defaultValue);
        return defaultValue;
    }

    Duration millis(String key, int defaultValue, int min, int max) {
        return Duration.ofMillis(integer(key, defaultValue, min, max));
    }

    boolean bool(String key, boolean defaultValue) {
        Found found = lookup(key);
        if (found.value == null || found.value.isBlank()) {
            return defaultValue;
        }
        String value = found.value.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        bad(found, "expected true or false", defaultValue);
        return defaultValue;
    }

    double fraction(String key, double defaultValue) {
        Found found = lookup(key);
        if (found.value == null || found.value.isBlank()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(found.value.trim());
            if (value >= 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        bad(found, "expected a number from 0 up to, not including, 1", defaultValue);
        return defaultValue;
    }

    String choice(String key, String defaultValue, String... allowed) {
        Found found = lookup(key);
        if (found.value == null || found.value.isBlank()) {
            return defaultValue;
        }
        String value = found.value.trim().toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        bad(found, "expected one of " + String.join(", ", allowed), defaultValue);
        return defaultValue;
    }

    int level(String key, String defaultValue) {
        Found found = lookup(key);
        if (found.value == null || found.value.isBlank()) {
            return Thresholds.parse(defaultValue);
        }
        int level = Thresholds.parse(found.value);
        if (level < 0) {
            bad(found, "expected trace, debug, info, warn, error or off", defaultValue);
            return Thresholds.parse(defaultValue);
        }
        return level;
    }

    Map<String, Integer> loggerLevels(Map<String, String> propertyMap) {
        Map<String, String> names = new TreeMap<>(RingtailConfig.DEFAULT_LOGGER_LEVELS);
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(RingtailConfig.LEVEL_PREFIX)) {
                names.put(key.substring(RingtailConfig.LEVEL_PREFIX.length()), file.getProperty(key));
            }
        }
        for (Map<String, String> layer : List.of(overlay.levelKeys(), propertyMap)) {
            for (Map.Entry<String, String> e : layer.entrySet()) {
                if (e.getKey().startsWith(RingtailConfig.LEVEL_PREFIX)) {
                    names.put(e.getKey().substring(RingtailConfig.LEVEL_PREFIX.length()), e.getValue());
                }
            }
        }
        Map<String, Integer> levels = new HashMap<>();
        for (String name : RingtailConfig.ALWAYS_OFF) {
            levels.put(name, Thresholds.OFF);
        }
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            if (e.getKey().equals(RingtailConfig.ROOT)) {
                // ROOT names the root level wherever a prefix is taken at run time; here the root has its own key
                diagnostics.line("ignoring " + RingtailConfig.LEVEL_PREFIX + e.getKey() + "=" + e.getValue()
                        + " (the root level's key is " + RingtailConfig.LEVEL + ")");
                continue;
            }
            if (LoggerPrefixes.alwaysOff(e.getKey())) {
                if (Thresholds.parse(e.getValue()) != Thresholds.OFF) {
                    diagnostics.line("ignoring " + RingtailConfig.LEVEL_PREFIX + e.getKey() + "=" + e.getValue()
                            + " (HttpClient's header and wire loggers print credentials; they are always off)");
                }
                levels.put(e.getKey(), Thresholds.OFF);
                continue;
            }
            int level = Thresholds.parse(e.getValue());
            if (level < 0) {
                String fallback = RingtailConfig.DEFAULT_LOGGER_LEVELS.getOrDefault(e.getKey(), "the root level");
                diagnostics.line("ignoring " + RingtailConfig.LEVEL_PREFIX + e.getKey() + "=" + e.getValue()
                        + " (expected trace, debug, info, warn, error or off); using " + fallback);
                String builtIn = RingtailConfig.DEFAULT_LOGGER_LEVELS.get(e.getKey());
                if (builtIn != null) {
                    levels.put(e.getKey(), Thresholds.parse(builtIn));
                }
                continue;
            }
            levels.put(e.getKey(), level);
        }
        return Collections.unmodifiableMap(levels);
    }

    String token() {
        Found found = lookup(RingtailConfig.TOKEN);
        String value = found.value;
        for (int i = 0; (value == null || value.isBlank()) && i < RingtailConfig.TOKEN_ENVIRONMENT.length; i++) {
            value = environment.apply(RingtailConfig.TOKEN_ENVIRONMENT[i]);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The endpoint as written, or null if unset. Not checked here: a bad endpoint must not fall
     * back to the default host (the token would go where nobody asked), so the BetterStack sink
     * checks it and refuses to start with one line (see {@code Endpoints}).
     */
    String endpoint() {
        Found found = lookup(RingtailConfig.ENDPOINT);
        return found.value == null || found.value.isBlank() ? null : found.value.trim();
    }

    /** A file system path as written (the spool directory), or null if unset; one that is not a path gets a line, and null. */
    Path path(String key) {
        Found found = lookup(key);
        String text = found.text();
        if (text == null) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            bad(found, "not a path: " + e.getReason(), "none (no spool)");
            return null;
        }
    }

    static Map<String, String> ringtailKeys(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("ringtail.")) {
                map.put(name, properties.getProperty(name));
            }
        }
        return map;
    }
}
