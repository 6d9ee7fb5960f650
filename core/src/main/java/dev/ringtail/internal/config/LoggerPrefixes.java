package dev.ringtail.internal.config;

import java.util.Map;

/**
 * How a logger name relates to the configured prefixes, in one place for the configuration and
 * the level registry: a prefix covers itself and every name below it at a {@code .} or a
 * {@code $} ({@code com.shop} covers {@code com.shop.Cart} and {@code com.shop.Cart$Line}, not
 * {@code com.shopping}), and the longest configured prefix decides a name's level.
 */
public final class LoggerPrefixes {
    private LoggerPrefixes() {
    }

    /**
     * The threshold of the longest prefix in {@code levels} that is {@code name} or an ancestor of
     * it, else {@code root}.
     */
    public static int resolve(Map<String, Integer> levels, int root, String name) {
        String candidate = name == null ? "" : name;
        while (true) {
            Integer level = levels.get(candidate);
            if (level != null) {
                return level;
            }
            int dot = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('$'));
            if (dot <= 0) {
                return root;
            }
            candidate = candidate.substring(0, dot);
        }
    }

    /**
     * True for HttpClient's header, wire and HTTP/2 loggers and everything below them: they print
     * credentials, so they are off whatever anyone configures or sets at run time.
     */
    public static boolean alwaysOff(String name) {
        for (String prefix : RingtailConfig.ALWAYS_OFF) {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
