package dev.ringtail.slf4j;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.level.LevelRegistry;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.jul.JulBridge;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Hands out one {@link RingtailLogger} per name. The level registry holds them, and their levels:
 * {@code ringtail.level.<prefix>} (longest prefix wins) as configured, then as set at run time.
 * It is also what SLF4J exposes of the provider, so the provider's JUL bridge is found through it.
 */
final class RingtailLoggerFactory implements ILoggerFactory, JulBridge.Owner {
    private final LevelRegistry<RingtailLogger> levels;
    private final Pipeline pipeline;
    private final JulBridge jul;

    /** A factory with levels of its own, as configured (tests, benchmarks). */
    RingtailLoggerFactory(RingtailConfig config, Pipeline pipeline) {
        this(levels(config, pipeline == null), pipeline, null);
    }

    /**
     * @param pipeline where events go; null means nowhere, and the registry keeps every logger off
     * @param jul      the provider's JUL bridge, which {@link JulBridge#active()} finds here; may be null
     */
    RingtailLoggerFactory(LevelRegistry<RingtailLogger> levels, Pipeline pipeline, JulBridge jul) {
        this.levels = levels;
        this.pipeline = pipeline;
        this.jul = jul;
    }

    /** A level registry for these loggers; every one off if {@code everythingOff} (no sink). */
    static LevelRegistry<RingtailLogger> levels(RingtailConfig config, boolean everythingOff) {
        return new LevelRegistry<>(config, everythingOff, RingtailLogger::threshold);
    }

    @Override
    public Logger getLogger(String name) {
        String key = name == null ? Logger.ROOT_LOGGER_NAME : name;
        RingtailLogger logger = levels.logger(key);
        if (logger != null) {
            return logger;
        }
        // a creator racing this one may win: register answers with the logger that did
        return levels.register(key, new RingtailLogger(key, pipeline));
    }

    LevelRegistry<RingtailLogger> levels() {
        return levels;
    }

    @Override
    public JulBridge julBridge() {
        return jul;
    }
}
