package dev.ringtail.testing;

import dev.ringtail.internal.config.ConfigOverlay;
import java.util.Map;

/** A {@link ConfigOverlay} over a map: stands in for Spring's Environment where Spring is not wanted. */
public final class MapOverlay implements ConfigOverlay {
    private final Map<String, String> values;

    private MapOverlay(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static MapOverlay of(Map<String, String> values) {
        return new MapOverlay(values);
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public Map<String, String> levelKeys() {
        return values;
    }
}
