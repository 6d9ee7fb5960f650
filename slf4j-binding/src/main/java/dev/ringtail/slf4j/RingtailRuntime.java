package dev.ringtail.slf4j;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.level.LevelRegistry;
import dev.ringtail.internal.level.LevelsBean;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.slf4j.jul.JulBridge;
import java.time.Duration;
import java.util.List;

/**
 * The running pipeline of one provider: its sinks chosen from the configuration, the one startup
 * line saying where logs go, and the shutdown hook that drains the ring when the JVM exits.
 */
final class RingtailRuntime {
    /** Name of the shutdown hook thread. */
    static final String HOOK_THREAD = "ringtail-shutdown";

    private final RingtailConfig config;
    private final LevelRegistry<RingtailLogger> levels;
    private final Pipeline pipeline;
    private final Thread hook;
    private final JulBridge jul;

    private RingtailRuntime(RingtailConfig config, LevelRegistry<RingtailLogger> levels, Pipeline pipeline,
                            Thread hook, JulBridge jul) {
        this.config = config;
        this.levels = levels;
        this.pipeline = pipeline;
        this.hook = hook;
        this.jul = jul;
    }

    /**
     * Builds the sinks the configuration asks for (the console if {@code ringtail.console}, BetterStack
     * if a token is set), starts the pipeline with the levels' MBean beside its own, registers the
     * shutdown hook if {@code ringtail.shutdownHook}, prints where logs go, and bridges JUL if
     * {@code ringtail.jul}. With no sink at all (console off, no token) there is no pipeline and
     * every logger is off.
     */
    static RingtailRuntime start(RingtailConfig config, Diagnostics diagnostics) {
        List<Sink> sinks = Components.sinks(config, diagnostics);
        diagnostics.line(destinations(config, sinks));
        LevelRegistry<RingtailLogger> levels = RingtailLoggerFactory.levels(config, sinks.isEmpty());
        Pipeline pipeline = null;
        Thread hook = null;
        if (!sinks.isEmpty()) {
            PipelineBuilder builder = Components.pipeline(config, diagnostics)
                    .mbean(LevelsBean.NAME, new LevelsBean(levels).mbean());
            sinks.forEach(builder::sink);
            pipeline = builder.build().start();
            hook = shutdownHook(config, pipeline);
        }
        JulBridge jul = new JulBridge(levels, diagnostics);
        if (config.jul()) {
            jul.install();
        }
        return new RingtailRuntime(config, levels, pipeline, hook, jul);
    }

    private static Thread shutdownHook(RingtailConfig config, Pipeline pipeline) {
        if (!config.shutdownHook()) {
            return null;
        }
        Duration timeout = config.shutdownTimeout();
        Thread hook = new Thread(() -> pipeline.shutdown(timeout), HOOK_THREAD);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /**
     * The startup line: {@code logs go to console (stdout) and BetterStack <host> (token ****abcd)};
     * the token shows only its last 4 characters. A BetterStack sink that refused to send (its
     * line comes just before) is not named as a destination.
     *
     * @param sinks the sinks built from {@code config}
     */
    static String destinations(RingtailConfig config, List<Sink> sinks) {
        String console = config.console() ? "console (" + (config.consoleStderr() ? "stderr" : "stdout") + ")" : null;
        String host = Components.betterStackHost(sinks);
        boolean refused = host == null && config.token().isPresent();
        String remote = host != null ? "BetterStack " + host + " (token " + config.maskedToken() + ")" : null;
        String why = refused ? "BetterStack refused, see above" : "no token";
        if (console != null && remote != null) {
            return "logs go to " + console + " and " + remote;
        }
        if (remote != null) {
            return "logs go to " + remote + " (console off)";
        }
        if (console != null) {
            return "logs go to " + console + " only (" + why + ")";
        }
        return "logs go nowhere: " + RingtailConfig.CONSOLE + "=false and " + why;
    }

    /** The pipeline, or null if there is no sink. */
    Pipeline pipeline() {
        return pipeline;
    }

    RingtailConfig config() {
        return config;
    }

    /** Every logger's level, as configured and as set since. */
    LevelRegistry<RingtailLogger> levels() {
        return levels;
    }

    /** The JUL bridge, installed if {@code ringtail.jul}. */
    JulBridge jul() {
        return jul;
    }

    boolean flush(Duration timeout) {
        return pipeline == null || pipeline.flush(timeout);
    }

    /**
     * Gives JUL its own handlers back, drains and stops; the shutdown hook is removed so it does not
     * run a second, empty shutdown. (The hook itself leaves JUL bridged: the JVM is exiting.)
     */
    boolean shutdown(Duration timeout) {
        jul.uninstall();
        if (pipeline == null) {
            return true;
        }
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the JVM is shutting down: the hook runs (or ran) and shutdown is idempotent
            }
        }
        return pipeline.shutdown(timeout);
    }

    PipelineStats stats() {
        return pipeline == null ? new PipelineStats(new long[Level.count()], new long[Level.count()], 0, 0, List.of()) : pipeline.stats();
    }
}
