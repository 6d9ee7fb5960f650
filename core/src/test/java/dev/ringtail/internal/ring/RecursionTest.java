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

@Timeout(20)
class RecursionTest {
    private static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);

    @Test
    void loggingFromInsideASinkNeitherDeadlocksNorReentersTheRing() {
        CapturedOutput err = new CapturedOutput();
        AtomicReference<Pipeline> self = new AtomicReference<>();
        CollectingSink sink = new CollectingSink() {
            @Override
            public void onEvent(EventView event) throws Exception {
                super.onEvent(event);
                if (!event.isSynthetic()) {
                    // a sink (or its HTTP client) that logs: must not publish into the ring it drains
                    log(self.get(), Level.ERROR, "sink.internal", "logged from the sink");
                }
            }
        };
        Pipeline pipeline = Pipeline.builder().ringSize(16).jmx(false).diagnostics(err.diagnostics())
                .sink(sink).build();
        self.set(pipeline);
        pipeline.start();
        for (int i = 0; i < 100; i++) {
            log(pipeline, Level.ERROR, "app", "app event " + i);
            if (i % 8 == 7) {
                pipeline.flush(Duration.ofSeconds(5));
            }
        }
        assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(sink.messages()).hasSize(100).allMatch(m -> m.startsWith("app event"));
        assertThat(pipeline.stats().accepted()).isEqualTo(100);
        assertThat(pipeline.stats().dropped(Level.ERROR)).as("re-entrant calls are counted").isEqualTo(100);
        assertThat(err.text()).contains("logged from inside the pipeline").contains("logged from the sink");
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void loggingFromAToStringWhileFormattingNeitherDeadlocksNorRecurses() {
        CapturedOutput err = new CapturedOutput();
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().ringSize(16).jmx(false).diagnostics(err.diagnostics())
                .sink(sink).build().start();
        Object chatty = new Object() {
            @Override
            public String toString() {
                // logs while the outer event is being formatted into its claimed slot
                pipeline.publish(Level.INFO, "inner", FORMAT1, "inner {}", this, null, null);
                return "chatty";
            }
        };
        for (int i = 0; i < 50; i++) {
            assertThat(pipeline.publish(Level.WARN, "outer", FORMAT1, "outer {}", chatty, null, null)).isTrue();
            pipeline.flush(Duration.ofSeconds(5));
        }
        assertThat(sink.messages()).hasSize(50).containsOnly("outer chatty");
        // each outer event logs once while formatted; showing that nested event on stderr formats
        // it, which calls toString() again and logs once more: two counted drops per outer event
        assertThat(pipeline.stats().dropped(Level.INFO)).isEqualTo(100);
        assertThat(err.text()).contains("not sent, logged from inside the pipeline");
        pipeline.shutdown(Duration.ofSeconds(5));
    }
}
