package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Errors, not just exceptions, from a sink: the consumer survives, later events arrive, counts are exact. */
@Timeout(60)
class SinkErrorTest {

    /** Overflows the stack for messages starting "so", throws an OutOfMemoryError for "oom". */
    private static final class ErrorSink extends CollectingSink {
        @Override
        public void onEvent(EventView event) throws Exception {
            String message = event.isSynthetic() ? "" : String.valueOf(event.message());
            if (message.startsWith("so")) {
                recurse(0);
            }
            if (message.startsWith("oom")) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
            super.onEvent(event);
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    @Test
    void stackOverflowAndOutOfMemoryFromASinkAreCountedReportedOnceAndTheConsumerKeepsConsuming() {
        CapturedOutput err = new CapturedOutput();
        ErrorSink sink = new ErrorSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(err.diagnostics()).sink(sink).build().start();
        logMix(pipeline);

        assertExact(pipeline, sink);
        assertThat(err.lines()).as("one line per error type").hasSize(2);
        assertThat(err.text()).contains("threw java.lang.StackOverflowError from onEvent")
                .contains("threw java.lang.OutOfMemoryError from onEvent: Java heap space (simulated)");
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    /**
     * Memory is still short while the error is reported: the report itself throws. Before the fix
     * that error left onEvent, the Disruptor's exception handler failed the same way, and the
     * consumer thread ended: every later event stayed in the ring.
     */
    @Test
    void anErrorWhileReportingTheSinksErrorDoesNotEndTheConsumer() {
        PrintStream failing = new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public void print(String s) {
                throw new OutOfMemoryError("still no heap (simulated)");
            }

            @Override
            public void println(String s) {
                throw new OutOfMemoryError("still no heap (simulated)");
            }
        };
        ErrorSink sink = new ErrorSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(new Diagnostics(() -> failing, 0))
                .sink(sink).build().start();
        logMix(pipeline);

        assertExact(pipeline, sink);
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    // 300 events: every 10th overflows the stack, every 10th (offset 5) throws OutOfMemoryError
    private static void logMix(Pipeline pipeline) {
        for (int i = 0; i < 300; i++) {
            String prefix = i % 10 == 0 ? "so " : i % 10 == 5 ? "oom " : "ok ";
            log(pipeline, Level.INFO, prefix + i);
        }
        log(pipeline, Level.ERROR, "ok after the errors");
    }

    private static void assertExact(Pipeline pipeline, CollectingSink sink) {
        assertThat(pipeline.flush(Duration.ofSeconds(20))).as("the consumer still answers").isTrue();
        SinkStats stats = pipeline.stats().sink("test").orElseThrow();
        assertThat(stats.failed(Level.INFO)).isEqualTo(60);
        assertThat(stats.delivered(Level.INFO)).isEqualTo(240);
        assertThat(stats.delivered(Level.ERROR)).isEqualTo(1);
        assertThat(sink.messages()).hasSize(241).contains("ok 1", "ok 299", "ok after the errors")
                .noneMatch(m -> m.startsWith("so") || m.startsWith("oom"));
    }
}
