package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ringtail.DropReason;
import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.TestEvents;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every drop is counted under exactly one reason, and the reasons add up to the drops. */
class DropReasonsTest {

    @Test
    void eachWayAnEventIsRefusedIsCountedUnderItsOwnReason() throws Exception {
        CollectingSink sink = new CollectingSink().stall();
        CapturedOutput stderr = new CapturedOutput();
        Pipeline pipeline = Pipeline.builder().jmx(false).ringSize(10).reserve(0.5).maxRetainedBytes(1000)
                .diagnostics(stderr.diagnostics()).sink(sink).build().start();
        for (int i = 0; i < 20; i++) {
            log(pipeline, Level.INFO, "info " + i); // 5 fit below the reserve
        }
        for (int i = 0; i < 20; i++) {
            log(pipeline, Level.ERROR, "error " + i); // 5 more fit, the rest find the ring full
        }
        log(pipeline, Level.ERROR, "x".repeat(2_000)); // holds more than the budget allows
        pipeline.publish(Level.ERROR, "broken", (event, a, b, c, d) -> {
            throw new IllegalStateException("capture fails");
        }, null, null, null, null);
        pipeline.publish(Level.ERROR, "outer", (event, a, b, c, d) -> {
            log(pipeline, Level.WARN, "from inside a toString()"); // re-entrant
            event.message("outer");
        }, null, null, null, null);
        sink.release();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        pipeline.shutdown(Duration.ofSeconds(5));
        log(pipeline, Level.ERROR, "after shutdown");

        PipelineStats stats = pipeline.stats();
        assertThat(stats.dropped(DropReason.RESERVE)).isEqualTo(15);
        assertThat(stats.dropped(DropReason.RING_FULL)).isEqualTo(15 + 1); // the last ERROR and the outer call
        assertThat(stats.dropped(DropReason.MEMORY)).isEqualTo(1);
        assertThat(stats.dropped(DropReason.FILL_FAILED)).isEqualTo(1);
        assertThat(stats.dropped(DropReason.REENTRANT)).isEqualTo(1);
        assertThat(stats.dropped(DropReason.AFTER_SHUTDOWN)).isEqualTo(1);
        long byReason = 0;
        for (DropReason reason : DropReason.values()) {
            byReason += stats.dropped(reason);
        }
        assertThat(byReason).isEqualTo(stats.dropped());
        assertThat(stats.accepted() + stats.dropped()).isEqualTo(stats.attempted());
    }

    /**
     * A dropped event is let go of on the caller's thread, which must not run user code: an MDC
     * map that throws when read is only referenced, never asked whether it is empty.
     */
    @Test
    void anEventDroppedOnAFullRingNeverReadsItsMdcOnTheCallersThread() throws Exception {
        CollectingSink sink = new CollectingSink().stall();
        Pipeline pipeline = Pipeline.builder().jmx(false).ringSize(2).sink(sink).build().start();
        Map<String, String> unreadable = TestEvents.unreadableMdc();
        boolean[] accepted = new boolean[4];
        assertThatCode(() -> {
            for (int i = 0; i < accepted.length; i++) {
                accepted[i] = pipeline.publish(Level.ERROR, "x", (e, a, b, c, d) -> e.message("m").mdc(unreadable),
                        null, null, null, null);
            }
        }).doesNotThrowAnyException();
        sink.release();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        pipeline.shutdown(Duration.ofSeconds(5));

        assertThat(accepted).containsExactly(true, true, false, false);
        assertThat(pipeline.stats().dropped(DropReason.RING_FULL)).isEqualTo(2);
    }
}
