package dev.ringtail.slf4j;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.testing.CapturedOutput;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * A logger factory over a real pipeline with a test's own sink and configuration, without
 * going through SLF4J's global state. Close it to stop the pipeline.
 */
final class TestLoggers implements AutoCloseable {
    final RingtailLoggerFactory factory;
    final Pipeline pipeline;
    /** ringtail's own lines, rate-limited lines at most one a millisecond. */
    final CapturedOutput stderr = new CapturedOutput(1);

    TestLoggers(Sink sink, String... keyValues) {
        Map<String, String> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        RingtailConfig config = RingtailConfig.of(props, Map.of(), null, stderr.diagnostics());
        pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics()).sink(sink).build().start();
        factory = new RingtailLoggerFactory(config, pipeline);
    }

    Logger logger(String name) {
        return factory.getLogger(name);
    }

    /** Waits until every event logged so far reached the sink. */
    void flush() {
        if (!pipeline.flush(Duration.ofSeconds(5))) {
            throw new AssertionError("pipeline did not flush within 5 s");
        }
    }

    @Override
    public void close() {
        pipeline.shutdown(Duration.ofSeconds(5));
    }
}
