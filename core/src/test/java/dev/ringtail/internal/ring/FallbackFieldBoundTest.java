package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stderr line of an event logged from inside the pipeline cuts its logger name at the configured bound. */
@Timeout(20)
class FallbackFieldBoundTest {
    @Test
    void theFallbackLineCutsTheLoggerNameAtTheBuildersBound() {
        CapturedOutput err = new CapturedOutput();
        AtomicReference<Pipeline> self = new AtomicReference<>();
        String logger = "s".repeat(100);
        CollectingSink sink = new CollectingSink() {
            @Override
            public void onEvent(EventView event) throws Exception {
                super.onEvent(event);
                if (!event.isSynthetic()) {
                    log(self.get(), Level.ERROR, logger, "logged from the sink");
                }
            }
        };
        Pipeline pipeline = Pipeline.builder().ringSize(16).jmx(false).maxFieldChars(64)
                .diagnostics(err.diagnostics()).sink(sink).build();
        self.set(pipeline);
        pipeline.start();
        try {
            log(pipeline, Level.ERROR, "app", "app event");
            assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(err.text()).contains("[ERROR] " + "s".repeat(64) + "\u2026[truncated 36 chars]: logged from the sink");
        } finally {
            pipeline.shutdown(Duration.ofSeconds(5));
        }
    }
}
