package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SinkFailureTest {

    @Test
    void keepsTheConsumerThreadWhenTheSinkThrowsOnEveryThirdEvent() {
        CapturedOutput err = new CapturedOutput();
        CollectingSink sink = new CollectingSink().failEvery(3);
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(err.diagnostics()).sink(sink).build().start();
        for (int i = 1; i <= 300; i++) {
            log(pipeline, Level.INFO, "event " + i);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        // and the thread still works after 100 failures
        log(pipeline, Level.ERROR, "after the failures");
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

        SinkStats stats = pipeline.stats().sink("test").orElseThrow();
        assertThat(stats.failed(Level.INFO)).isEqualTo(100);
        assertThat(stats.delivered(Level.INFO)).isEqualTo(200);
        assertThat(stats.delivered(Level.ERROR)).isEqualTo(1);
        assertThat(sink.messages()).contains("event 1", "event 2", "event 4", "event 299", "after the failures")
                .doesNotContain("event 3", "event 300");
        assertThat(err.lines()).as("reported once per exception type").hasSize(1);
        assertThat(err.lines().get(0)).contains("sink 'test' threw java.lang.IllegalStateException");
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void countsABrokenTranslationAsDroppedAndNeverThrowsIntoTheCaller() {
        CapturedOutput err = new CapturedOutput();
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(err.diagnostics()).sink(sink).build().start();
        boolean accepted = pipeline.publish(Level.WARN, "test", (event, a, b, c, d) -> {
            throw new IllegalArgumentException("bad translator");
        }, null, null, null, null);
        log(pipeline, Level.WARN, "next");
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(accepted).isFalse();
        assertThat(pipeline.stats().dropped(Level.WARN)).isEqualTo(1);
        assertThat(pipeline.stats().accepted(Level.WARN)).isEqualTo(1);
        assertThat(sink.messages()).containsExactly("next");
        assertThat(err.text()).contains("IllegalArgumentException");
        pipeline.shutdown(Duration.ofSeconds(5));
    }
}
