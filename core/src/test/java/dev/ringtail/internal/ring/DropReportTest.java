package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.testing.CollectingSink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DropReportTest {

    @Test
    void dropSummaryReachesEverySinkAfterDrops() throws Exception {
        // Both sinks are held at the first event until all 25 were offered: a sink reports drops
        // at the end of each of its batches, so one still draining would report the first few alone.
        CollectingSink first = new CollectingSink("first").stall();
        CollectingSink second = new CollectingSink("second").stall();
        Pipeline pipeline = Pipeline.builder().ringSize(10).jmx(false).sink(first).sink(second).build().start();
        log(pipeline, Level.ERROR, "e0");
        assertThat(first.awaitEntered(5000)).isTrue();
        assertThat(second.awaitEntered(5000)).isTrue();
        for (int i = 1; i < 25; i++) {
            log(pipeline, Level.ERROR, "e" + i);
        }
        first.release();
        second.release();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();

        long dropped = pipeline.stats().dropped();
        assertThat(dropped).isPositive();
        for (CollectingSink sink : List.of(first, second)) {
            List<LogEvent> summaries = sink.syntheticEvents();
            assertThat(summaries).hasSize(1);
            LogEvent summary = summaries.get(0);
            assertThat(summary.level()).isEqualTo(Level.WARN);
            assertThat(summary.loggerName()).isEqualTo("dev.ringtail");
            assertThat(summary.message().toString())
                    .startsWith("ringtail dropped " + dropped + " events (")
                    .contains("error=" + dropped).contains("; ring full=" + dropped + ")").contains(" in the last ");
            double window = Double.parseDouble(summary.message().toString().replaceAll(".* in the last ([0-9.]+) s$", "$1"));
            assertThat(window).as("the window is the time since the pipeline started").isLessThan(5.0);
            assertThat(sink.counters().snapshot().delivered()).as("summaries are not counted")
                    .isEqualTo(sink.events().size());
        }
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    @Test
    void dropSummaryComesNoMoreOftenThanConfigured() throws Exception {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().ringSize(4).jmx(false).dropReportInterval(Duration.ofMillis(400))
                .sink(sink).build().start();
        long start = System.nanoTime();
        // ~1.2 s of bursts: each burst overflows the tiny ring, so there is always something to report
        while (System.nanoTime() - start < 1_200_000_000L) {
            for (int i = 0; i < 50; i++) {
                log(pipeline, Level.ERROR, "burst");
            }
            Thread.sleep(20);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
        List<LogEvent> summaries = sink.syntheticEvents();
        assertThat(summaries.size()).isBetween(2, 4);
        for (int i = 1; i < summaries.size(); i++) {
            long gapNanos = nanos(summaries.get(i)) - nanos(summaries.get(i - 1));
            assertThat(gapNanos).as("gap between summaries").isGreaterThanOrEqualTo(390_000_000L);
        }
        long reported = summaries.stream()
                .mapToLong(e -> Long.parseLong(e.message().toString().split(" ")[2])).sum();
        assertThat(reported).isLessThanOrEqualTo(pipeline.stats().dropped());
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    private static long nanos(LogEvent e) {
        return e.epochSecond() * 1_000_000_000L + e.nanoOfSecond();
    }
}
