package dev.ringtail.slf4j;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.ring.Pipeline;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Benchmarks only: ringtail's real SLF4J loggers over a pipeline the benchmark builds (a no-op
 * sink that keeps up, or a stalled one), bypassing SLF4J's global provider state the way the
 * binding's own tests do. It sits in the binding's package because the logger factory is
 * package-private there; it adds no behaviour, so what is measured is the shipped logger code.
 */
public final class BenchmarkLoggers {
    private BenchmarkLoggers() {
    }

    /** A logger with the default configuration (level info) that publishes into {@code pipeline}. */
    public static Logger logger(String name, Pipeline pipeline) {
        RingtailConfig config = RingtailConfig.of(Map.of(), Map.of(), null, Diagnostics.stderr());
        return new RingtailLoggerFactory(config, pipeline).getLogger(name);
    }
}
