package dev.ringtail.bench.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringtail.bench.DemoSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    /** SLF4J binds its provider once per JVM, so the tests read one small demo run. */
    @TempDir
    static Path dir;
    private static Path summaryFile;
    private static int exit;
    private static String report;

    @BeforeAll
    static void runASmallDemo() {
        summaryFile = dir.resolve("burst.tsv");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        exit = Demo.run(new String[] {"--events", "3000", "--threads", "2", "--rate", "200000", "--burst", "100",
                "--sync-events", "20", "--summary", summaryFile.toString()},
                new PrintStream(captured, true, StandardCharsets.UTF_8), false);
        report = captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void smallDemoDeliversEveryAcceptedEventAndReportsBothLatencies() {
        assertThat(exit).as(report).isZero();
        assertThat(report).contains("3,000 events from 2 threads at 200,000 events/s in bursts of 100", "ringtail",
                "synchronous POST", "ratio (sync / ringtail)", "accepted 3,000, dropped 0",
                "delivered 3,000 (2xx), failed 0", "the receiver counted 3,000", "sync POST  20 events",
                "delivered 20, failed 0");
    }

    @Test
    void readsRingtailAgainstABareDisruptorPublishTimedAtTheSamePace() {
        assertThat(report).contains("(3,000 / 3,000 / 20 calls timed)", "  floor (Disruptor publish)  ",
                "  ringtail / floor  ", "  floor     100% 3,000/3,000");
        assertThat(report.indexOf("floor     100%")).isLessThan(report.indexOf("ringtail  100%"));
    }

    @Test
    void holdsTheRunAgainstTheGoals() {
        assertThat(report).contains("goals (docs/benchmarks.md judges them on JMH; this run's figures, timer included)")
                .containsPattern("  p50 <= 100 ns +[0-9.]+ [nu]?s +(met|missed)\n")
                .containsPattern("  p99 <= 1000 ns +[0-9.]+ [num]?s +(met|missed)\n")
                .containsPattern("  p99.9 <= 20.0 us +[0-9.]+ [num]?s +(met|missed)\n")
                .contains("  end to end >= 600,000 events/s", "n/a: paced at 200,000 events/s, below the goal")
                .containsPattern("  no drops in bursts +0 dropped +n/a: the goal's load is 300,000 events/s in bursts"
                        + " of 1,000 \\(this run: 200,000 in bursts of 100\\)\n");
    }

    @Test
    void summaryFileHoldsTheClosingFiguresOneKeyAndValueALine() throws Exception {
        DemoSummary summary = DemoSummary.read(summaryFile).orElseThrow();
        assertThat(summary.get(DemoSummary.RATE)).hasValue(200_000);
        assertThat(summary.get(DemoSummary.BURST)).hasValue(100);
        assertThat(summary.get(DemoSummary.THREADS)).hasValue(2);
        assertThat(summary.get(DemoSummary.EVENTS)).hasValue(3000);
        assertThat(summary.get(DemoSummary.ACCEPTED)).hasValue(3000);
        assertThat(summary.get(DemoSummary.DROPPED)).hasValue(0);
        assertThat(summary.get(DemoSummary.DELIVERED)).hasValue(3000);
        assertThat(summary.get(DemoSummary.FAILED)).hasValue(0);
        for (String positive : new String[] {DemoSummary.END_TO_END_EVENTS_PER_SECOND, DemoSummary.P50_NANOS,
                DemoSummary.P99_NANOS, DemoSummary.P999_NANOS}) {
            assertThat(summary.get(positive).orElseThrow()).as(positive).isPositive();
        }
        assertThat(Files.readAllLines(summaryFile)).hasSize(12).allMatch(line -> line.matches("[a-z0-9_.]+\t\\d+"));
        assertThat(report).contains("summary written to " + summaryFile);
    }

    @Test
    void badFlagPrintsUsageAndExitsWithTwo() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        int exit = Demo.run(new String[] {"--threads", "zero"},
                new PrintStream(captured, true, StandardCharsets.UTF_8), false);

        assertThat(exit).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("--threads needs a whole number >= 1, got 'zero'", "usage:");
    }

    @Test
    void burstSetsHowManyEventsAThreadLogsBackToBackAndMustBePositive() {
        assertThat(DemoOptions.parse().burst).isEqualTo(DemoOptions.DEFAULT_BURST);
        assertThat(DemoOptions.parse("--rate", "300000", "--burst", "1,000").burst).isEqualTo(1_000);
        assertThatThrownBy(() -> DemoOptions.parse("--burst", "0"))
                .hasMessage("--burst needs a whole number >= 1, got '0'");
    }

    @Test
    void summaryNamesAFileAndIsOffByDefault() {
        assertThat(DemoOptions.parse().summary).isNull();
        assertThat(DemoOptions.parse("--summary", "out/burst.tsv").summary).isEqualTo(Path.of("out/burst.tsv"));
    }

    @Test
    void threadSharesAddUpToTheTotal() {
        assertThat(Load.share(10, 3, 0) + Load.share(10, 3, 1) + Load.share(10, 3, 2)).isEqualTo(10);
        assertThat(Load.share(2, 4, 3)).isZero();
    }
}
