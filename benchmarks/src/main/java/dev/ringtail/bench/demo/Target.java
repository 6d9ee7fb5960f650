package dev.ringtail.bench.demo;

import dev.ringtail.PipelineStats;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.BenchmarkLoggers;
import dev.ringtail.slf4j.Ringtail;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the demo's ringtail logger comes from. Normally SLF4J's {@link LoggerFactory} with
 * ringtail as the provider, configured by the {@code ringtail.*} properties like any application.
 * If the provider in this build does not start a BetterStack sink, the demo builds the same
 * pipeline itself from the same configuration and hands out the binding's own logger over it.
 */
interface Target {
    Logger logger(String name);

    boolean flush(Duration timeout);

    PipelineStats stats();

    void shutdown(Duration timeout);

    /** How events reach BetterStack (or the receiver), for the report. */
    String route();

    static Target open() {
        Logger probe = LoggerFactory.getLogger(Demo.class);
        if (probe.getClass().getName().startsWith("dev.ringtail.") && Ringtail.stats().sink(BetterStackSink.NAME).isPresent()) {
            return new ProviderTarget();
        }
        return new OwnPipelineTarget(RingtailConfig.load());
    }

    /** The real thing: SLF4J's provider. */
    final class ProviderTarget implements Target {
        @Override
        public Logger logger(String name) {
            return LoggerFactory.getLogger(name);
        }

        @Override
        public boolean flush(Duration timeout) {
            return Ringtail.flush(timeout);
        }

        @Override
        public PipelineStats stats() {
            return Ringtail.stats();
        }

        @Override
        public void shutdown(Duration timeout) {
            Ringtail.shutdown(timeout);
        }

        @Override
        public String route() {
            return "SLF4J -> ringtail provider -> BetterStack sink";
        }
    }

    /** The provider's pipeline, assembled here from the same configuration. */
    final class OwnPipelineTarget implements Target {
        private final Pipeline pipeline;

        OwnPipelineTarget(RingtailConfig config) {
            Diagnostics diagnostics = Diagnostics.stderr();
            pipeline = Pipeline.builder()
                    .ringSize(config.ringSize())
                    .reserve(config.reserve())
                    .waitStrategy(config.waitStrategy())
                    .dropReportInterval(config.dropReportInterval())
                    .maxMessageChars(config.maxMessageChars())
                    .diagnostics(diagnostics)
                    .jmx(false)
                    .sink(Components.betterStack(config, diagnostics))
                    .build()
                    .start();
        }

        @Override
        public Logger logger(String name) {
            return BenchmarkLoggers.logger(name, pipeline);
        }

        @Override
        public boolean flush(Duration timeout) {
            return pipeline.flush(timeout);
        }

        @Override
        public PipelineStats stats() {
            return pipeline.stats();
        }

        @Override
        public void shutdown(Duration timeout) {
            pipeline.shutdown(timeout);
        }

        @Override
        public String route() {
            return "ringtail's SLF4J logger -> pipeline -> BetterStack sink (assembled by the demo: this build's"
                    + " provider starts no BetterStack sink)";
        }
    }
}
