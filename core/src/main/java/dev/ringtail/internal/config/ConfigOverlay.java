package dev.ringtail.internal.config;

import java.util.Map;

/**
 * A source of {@code ringtail.*} values read after system properties and before environment
 * variables: Spring's {@code Environment} in a Spring Boot application. Its answers may come
 * from wherever that source looks (application.properties, profiles, its own view of the
 * environment); ringtail only asks.
 */
public interface ConfigOverlay {
    /** No overlay: system properties, environment, {@code ringtail.properties}. */
    ConfigOverlay NONE = new ConfigOverlay() {
        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public Map<String, String> levelKeys() {
            return Map.of();
        }
    };

    /** The value of a {@code ringtail.*} key, or null if this source has none. */
    String get(String key);

    /**
     * Every {@code ringtail.level.<prefix>} key this source holds, with its value: per-logger
     * levels are found by listing, not by asking for a known key.
     */
    Map<String, String> levelKeys();
}
