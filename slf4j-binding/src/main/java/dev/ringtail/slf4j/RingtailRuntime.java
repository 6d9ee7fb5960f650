package dev.ringtail.slf4j;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.level.LevelRegistry;
import dev.ringtail.internal.level.LevelsBean;
import dev.ringtail.internal.ring.Handover;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.slf4j.jul.JulBridge;
import java.time.Duration;
import java.util.List;

/**
 * The running pipeline of one provider: its sinks chosen from the configuration, the one startup
 * line saying where logs go, the shutdown hook that drains the ring when the JVM exits, and the
 * rebuild when the configuration changes while the application runs (Spring Boot's Environment
 * becoming ready after ringtail started).
 */
final class RingtailRuntime {
    /** Name of the shutdown hook thread. */
    static final String HOOK_THREAD = "ringtail-shutdown";

    private final Diagnostics diagnostics;
    private final LevelRegistry<RingtailLogger> levels;
    private final LivePipeline live;
    private final JulBridge jul;
    private volatile RingtailConfig config;
    /** Guarded by this; null once removed or stood down. */
    private Thread hook;
    /** Guarded by this: someone else drains at shutdown (Spring Boot), so no hook is ever added again. */
    private boolean hookTakenOver;
    /** Guarded by this: after shutdown nothing is rebuilt. */
    private boolean stopped;

    private RingtailRuntime(RingtailConfig config, Diagnostics diagnostics, LevelRegistry<RingtailLogger> levels,
                            Pipeline pipeline, JulBridge jul) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.levels = levels;
        this.live = new LivePipeline(pipeline);
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
        Pipeline pipeline = build(config, sinks, levels, diagnostics);
        JulBridge jul = new JulBridge(levels, diagnostics);
        RingtailRuntime runtime = new RingtailRuntime(config, diagnostics, levels,
                pipeline == null ? null : pipeline.start(), jul);
        if (pipeline != null && config.shutdownHook()) {
            runtime.addHook();
        }
        if (config.jul()) {
            jul.install();
        }
        return runtime;
    }

    private static Pipeline build(RingtailConfig config, List<Sink> sinks, LevelRegistry<RingtailLogger> levels,
                                  Diagnostics diagnostics) {
        if (sinks.isEmpty()) {
            return null;
        }
        PipelineBuilder builder = Components.pipeline(config, diagnostics)
                .mbean(LevelsBean.NAME, new LevelsBean(levels).mbean());
        sinks.forEach(builder::sink);
        return builder.build();
    }

    // The hook drains whichever pipeline is current when the JVM exits, not the one of start-up.
    private synchronized void addHook() {
        hook = new Thread(() -> shutdown(config.shutdownTimeout(), false), HOOK_THREAD);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Adopts {@code next}. If it builds other sinks or another ring than the running pipeline, a
     * new pipeline replaces it ({@link Handover}): events the old one accepted reach the sinks
     * configured when they were logged, or are counted failed there. One line says where logs go
     * now and what became of the events before. Levels follow {@code next}'s {@code ringtail.level*}
     * keys either way, and JUL {@code ringtail.jul}. After shutdown this does nothing.
     *
     * @return true if the pipeline was rebuilt
     */
    synchronized boolean reconfigure(RingtailConfig next) {
        if (stopped) {
            return false;
        }
        RingtailConfig previous = config;
        boolean rebuilt = !Components.samePipeline(previous, next);
        if (rebuilt) {
            List<Sink> sinks = Components.sinks(next, diagnostics);
            PipelineStats before = Handover.replace(live.get(), build(next, sinks, levels, diagnostics), live::set,
                    previous.shutdownTimeout());
            diagnostics.line(destinations(next, sinks) + " (reconfigured)"
                    + (before == null ? "" : "; until then " + Accounting.summary(before)));
            if (hook == null && !hookTakenOver && live.get() != null && next.shutdownHook()) {
                addHook(); // there was no pipeline to drain before
            }
        }
        levels.reconfigure(previous, next, live.get() == null);
        config = next;
        bridgeJul();
        if (!next.jul()) {
            jul.uninstall();
        }
        return rebuilt;
    }

    /** Routes JUL into ringtail again if {@code ringtail.jul}, in case something reset JUL since. */
    void bridgeJul() {
        if (config.jul()) {
            jul.install();
        }
    }

    /** Removes the JVM shutdown hook: whoever calls this drains ringtail at shutdown. */
    synchronized void standDownHook() {
        hookTakenOver = true;
        removeHook();
    }

    private synchronized void removeHook() {
        if (hook != null) {
            if (Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyExiting) {
                    // the JVM is shutting down: the hook runs (or ran) and shutdown is idempotent
                }
            }
            hook = null;
        }
    }

    /**
     * The startup line: {@code logs go to console (stdout) and BetterStack <host> (token ****abcd)},
     * {@code and OTLP <endpoint> (http/protobuf)} with an OTLP sink;
     * the token shows only its last 4 characters. A sink that refused to send (its line comes just
     * before) is not named as a destination.
     *
     * @param sinks the sinks built from {@code config}
     */
    static String destinations(RingtailConfig config, List<Sink> sinks) {
        String console = config.console() ? "console (" + (config.consoleStderr() ? "stderr" : "stdout") + ")" : null;
        String host = Components.betterStackHost(sinks);
        boolean refused = host == null && config.token().isPresent();
        String remote = host != null ? "BetterStack " + host + " (token " + config.maskedToken() + ")" : null;
        String why = refused ? "BetterStack refused, see above" : "no token";
        String otlp = Components.otlpDestination(sinks);
        if (otlp != null) {
            remote = remote == null ? otlp : remote + " and " + otlp;
        } else if (config.otlp().enabled()) {
            why = (refused ? "BetterStack and OTLP" : "OTLP") + " refused, see above";
        }
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

    /** The current pipeline, or null if there is no sink. */
    Pipeline pipeline() {
        return live.get();
    }

    /** What every logger of this runtime publishes to. */
    LivePipeline live() {
        return live;
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
        Pipeline pipeline = live.get();
        return pipeline == null || pipeline.flush(timeout);
    }

    /**
     * Gives JUL its own handlers back, drains and stops; the shutdown hook is removed so it does not
     * run a second, empty shutdown. Waits for a rebuild under way, so it drains what that left.
     */
    boolean shutdown(Duration timeout) {
        return shutdown(timeout, true);
    }

    // The hook leaves JUL bridged: the JVM is exiting, and JUL's own lines should still arrive.
    private boolean shutdown(Duration timeout, boolean restoreJul) {
        Pipeline pipeline;
        synchronized (this) {
            stopped = true;
            removeHook();
            pipeline = live.get();
        }
        if (restoreJul) {
            jul.uninstall();
        }
        return pipeline == null || pipeline.shutdown(timeout);
    }

    /** The current pipeline's counters: after a rebuild they start again at zero (see {@link Handover}). */
    PipelineStats stats() {
        Pipeline pipeline = live.get();
        return pipeline == null ? new PipelineStats(new long[Level.count()], new long[Level.count()], 0, 0, List.of()) : pipeline.stats();
    }
}
