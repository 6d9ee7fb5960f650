package dev.ringtail.slf4j.spring;

import dev.ringtail.internal.config.ConfigOverlay;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring's {@code Environment} as a ringtail configuration source: whatever Spring answers for a
 * {@code ringtail.*} key (application.properties or yaml, profiles, command-line arguments,
 * environment variables as Spring binds them), with placeholders resolved.
 */
final class SpringOverlay implements ConfigOverlay {
    private static final String ENVIRONMENT_LEVEL_PREFIX = "RINGTAIL_LEVEL_";

    private final Environment environment;
    private final Diagnostics diagnostics;

    SpringOverlay(Environment environment, Diagnostics diagnostics) {
        this.environment = environment;
        this.diagnostics = diagnostics;
    }

    @Override
    public String get(String key) {
        try {
            return environment.getProperty(key);
        } catch (IllegalArgumentException unresolvable) {
            // not the exception's text: it quotes the raw value, which may hold a token
            diagnostics.line("ignoring " + key + " from Spring's Environment: a placeholder in it cannot be resolved");
            return null;
        }
    }

    /**
     * Every {@code ringtail.level.<prefix>} key of every listable property source, the first
     * (highest-precedence) source's value winning. An environment variable
     * {@code RINGTAIL_LEVEL_COM_EXAMPLE} is {@code ringtail.level.com.example}, as Spring binds
     * {@code LOGGING_LEVEL_COM_EXAMPLE}; the prefix keeps its case in every other source.
     */
    @Override
    public Map<String, String> levelKeys() {
        Map<String, String> levels = new HashMap<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return levels;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> listable) {
                for (String name : listable.getPropertyNames()) {
                    String key = levelKey(source, name);
                    if (key != null && !levels.containsKey(key)) {
                        String value = get(name);
                        if (value != null) {
                            levels.put(key, value);
                        }
                    }
                }
            }
        }
        return levels;
    }

    private static String levelKey(PropertySource<?> source, String name) {
        if (name.startsWith(RingtailConfig.LEVEL_PREFIX)) {
            return name;
        }
        if (source instanceof SystemEnvironmentPropertySource && name.startsWith(ENVIRONMENT_LEVEL_PREFIX)) {
            return RingtailConfig.LEVEL_PREFIX
                    + name.substring(ENVIRONMENT_LEVEL_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }
}
