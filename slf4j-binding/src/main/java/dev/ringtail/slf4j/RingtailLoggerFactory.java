package dev.ringtail.slf4j;

import dev.ringtail.internal.config.ConfigOverlay;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.level.LevelRegistry;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.internal.ProviderControl;
import dev.ringtail.slf4j.jul.JulBridge;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Hands out one {@link RingtailLogger} per name. The level registry holds them, and their levels:
 * {@code ringtail.level.<prefix>} (longest prefix wins) as configured, then as set at run time.
 * It is also what SLF4J exposes of the provider, so the provider's JUL bridge is found through it,
 * and integrations reach the running provider through it ({@link ProviderControl}: Spring Boot).
 */
final class RingtailLoggerFactory implements ILoggerFactory, JulBridge.Owner, ProviderControl {
    private final LevelRegistry<RingtailLogger> levels;
    private final LivePipeline pipeline;
    private final JulBridge jul;
    /** Null for a factory over a fixed pipeline (tests, benchmarks): it cannot be reconfigured. */
    private final RingtailRuntime runtime;

    /** A factory with levels of its own, as configured (tests, benchmarks). */
    RingtailLoggerFactory(RingtailConfig config, Pipeline pipeline) {
        this(levels(config, pipeline == null), new LivePipeline(pipeline), null, null);
    }

    /** The provider's factory: its loggers publish to whatever pipeline {@code runtime} runs now. */
    RingtailLoggerFactory(RingtailRuntime runtime) {
        this(runtime.levels(), runtime.live(), runtime.jul(), runtime);
    }

    /**
     * @param pipeline where events go; null means nowhere, and the registry keeps every logger off
     * @param jul      the provider's JUL bridge, which {@link JulBridge#active()} finds here; may be null
     */
    private RingtailLoggerFactory(LevelRegistry<RingtailLogger> levels, LivePipeline pipeline, JulBridge jul,
                                  RingtailRuntime runtime) {
        this.levels = levels;
        this.pipeline = pipeline;
        this.jul = jul;
        this.runtime = runtime;
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

    @Override
    public void reconfigure(ConfigOverlay overlay) {
        requireRuntime().reconfigure(RingtailConfig.load(overlay));
    }

    @Override
    public void standDownShutdownHook() {
        requireRuntime().standDownHook();
    }

    @Override
    public void bridgeJul() {
        requireRuntime().bridgeJul();
    }

    private RingtailRuntime requireRuntime() {
        if (runtime == null) {
            throw new IllegalStateException("a factory over a fixed pipeline is not a provider's");
        }
        return runtime;
    }
}
