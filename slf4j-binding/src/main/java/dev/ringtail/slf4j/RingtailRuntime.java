package dev.ringtail.slf4j;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.ring.Handover;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.sink.Sink;
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
    private final LivePipeline live;
    private volatile RingtailConfig config;
    /** Guarded by this; null once removed or stood down. */
    private Thread hook;
    /** Guarded by this: after shutdown nothing is rebuilt. */
    private boolean stopped;

    private RingtailRuntime(RingtailConfig config, Diagnostics diagnostics, Pipeline pipeline) {
        this.config = config;
        this.diagnostics = diagnostics;
        this.live = new LivePipeline(pipeline);
    }

    /**
     * Builds the sinks the configuration asks for (the console if {@code ringtail.console}, BetterStack
     * if a token is set), starts the pipeline, registers the shutdown
     * hook if {@code ringtail.shutdownHook}, and prints where logs go. With no sink at all
     * (console off, no token) there is no pipeline and every logger is off.
     */
    static RingtailRuntime start(RingtailConfig config, Diagnostics diagnostics) {
        List<Sink> sinks = Components.sinks(config, diagnostics);
        diagnostics.line(destinations(config, sinks));
        Pipeline pipeline = build(config, sinks, diagnostics);
        RingtailRuntime runtime = new RingtailRuntime(config, diagnostics, pipeline == null ? null : pipeline.start());
        if (config.shutdownHook()) {
            runtime.addHook();
        }
        return runtime;
    }

    private static Pipeline build(RingtailConfig config, List<Sink> sinks, Diagnostics diagnostics) {
        if (sinks.isEmpty()) {
            return null;
        }
        PipelineBuilder builder = Components.pipeline(config, diagnostics);
        sinks.forEach(builder::sink);
        return builder.build();
    }

    // The hook drains whichever pipeline is current when the JVM exits, not the one of start-up.
    private synchronized void addHook() {
        hook = new Thread(() -> shutdown(config.shutdownTimeout()), HOOK_THREAD);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Adopts {@code next}. If it builds other sinks or another ring than the running pipeline, a
     * new pipeline replaces it ({@link Handover}): events the old one accepted reach the sinks
     * configured when they were logged, or are counted failed there. One line says where logs go
     * now and what became of the events before. After shutdown this does nothing.
     *
     * @return true if the pipeline was rebuilt
     */
    synchronized boolean reconfigure(RingtailConfig next) {
        if (stopped) {
            return false;
        }
        RingtailConfig previous = config;
        if (Components.samePipeline(previous, next)) {
            config = next;
            return false;
        }
        List<Sink> sinks = Components.sinks(next, diagnostics);
        PipelineStats before = Handover.replace(live.get(), build(next, sinks, diagnostics), live::set,
                previous.shutdownTimeout());
        config = next;
        diagnostics.line(destinations(next, sinks) + " (reconfigured)"
                + (before == null ? "" : "; until then " + Accounting.summary(before)));
        return true;
    }

    /** Removes the JVM shutdown hook: whoever calls this drains ringtail at shutdown. */
    synchronized void standDownHook() {
        if (hook != null) {
            removeHook(hook);
            hook = null;
        }
    }

    private static void removeHook(Thread hook) {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyExiting) {
            // the JVM is shutting down: the hook runs (or ran) and shutdown is idempotent
        }
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

    boolean flush(Duration timeout) {
        Pipeline pipeline = live.get();
        return pipeline == null || pipeline.flush(timeout);
    }

    /**
     * Drains and stops; the shutdown hook is removed so it does not run a second, empty shutdown.
     * Waits for a rebuild under way, so it drains the pipeline that rebuild left.
     */
    boolean shutdown(Duration timeout) {
        Pipeline pipeline;
        synchronized (this) {
            stopped = true;
            standDownHook();
            pipeline = live.get();
        }
        return pipeline == null || pipeline.shutdown(timeout);
    }

    /** The current pipeline's counters: after a rebuild they start again at zero (see {@link Handover}). */
    PipelineStats stats() {
        Pipeline pipeline = live.get();
        return pipeline == null ? new PipelineStats(new long[Level.count()], new long[Level.count()], 0, 0, List.of()) : pipeline.stats();
    }
}
