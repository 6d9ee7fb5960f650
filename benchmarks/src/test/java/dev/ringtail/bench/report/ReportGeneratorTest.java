package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.JmhJson.endToEnd;
import static dev.ringtail.bench.report.JmhJson.sample;
import static dev.ringtail.bench.report.JmhJson.throughput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.bench.Outcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesGoalVerdictsTablesAndChartFromJmhJson() throws Exception {
        Path json = JmhJson.write(dir.resolve("jmh.json"),
                sample("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000),
                sample("SyncBaselineBenchmark.oneThread", "{}", 400_000, 3_000_000),
                sample("Log4j2AsyncBenchmark.oneThread", "{}", 110, 900),
                throughput("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 0.01, 48),
                throughput("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"0\",\"context\":\"none\"}", 0.02, 0.01),
                throughput("Log4j2AsyncBenchmark.oneThread", "{}", 0.005, 0.02),
                endToEnd("RingtailEndToEndBenchmark.ringtail", "{\"gzip\":\"true\"}", 150_000),
                endToEnd("OtlpEndToEndBenchmark.otlp", "{\"protocol\":\"http/json\"}", 120_000));
        Path outcomes = dir.resolve("outcomes.tsv");
        Files.writeString(outcomes, "dev.ringtail.bench.RingtailSlf4jBenchmark.oneThread\tsample\t1\t"
                + "args=1;context=none;\t750\t250\n");

        JmhResults.Run run = JmhResults.read(json);
        ReportGenerator generator = new ReportGenerator(run, Outcomes.read(outcomes), Optional.empty(), "run-suite.sh",
                "a test", "2026-01-01 00:00 UTC", "");
        String md = generator.markdown();
        String svg = generator.chart();

        assertThat(md).contains("**Provisional numbers.** a test", "| command | `run-suite.sh` |",
                "| synchronous POST / ringtail | ringtail >= 1000x faster | 4,000x |",
                "met (not conclusive: only 75% of ringtail's calls were accepted",
                "| ringtail / Log4j2 all-async | <= 0.8x its time | 0.91x |", "**missed**: 0.91x, 14% over the goal",
                "| 0 | 0.0 | met |", "| 1 | 48 | **missed** by 48 B per call |",
                "### Where a goal is missed", "**Allocation.**", "**Against Log4j2 all-async.**",
                "| ringtail (SLF4J) | 1 arg | 1 | 100 ns |", "| 75% |", "ringtail's row accepted 75% of its calls", "| ringtail | true | 150.0 k |",
                "| ringtail OTLP http/json | true | 120.0 k |");
        assertThat(svg).startsWith("<svg").contains("<polyline", "ringtail, 1 thread", "synchronous POST, 1 thread",
                "100 \u00b5s");
    }

    @Test
    void markdownIsTheSameDocumentHoweverOftenItIsAsked() throws Exception {
        ReportGenerator generator = generator(
                sample("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000),
                sample("SyncBaselineBenchmark.oneThread", "{}", 400_000, 3_000_000));

        String first = generator.markdown();
        String second = generator.markdown();

        assertThat(second).isEqualTo(first);
        assertThat(first.split("# Benchmarks: what a log call costs", -1)).hasSize(2);
    }

    @Test
    void showsTheFloorAsRowsAndRingtailAsAMultipleOfIt() throws Exception {
        ReportGenerator generator = generator(
                sample("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000),
                sample("FloorBenchmark.oneThread", "{\"consumer\":\"park\"}", 40, 300),
                sample("FloorBenchmark.oneThread", "{\"consumer\":\"busyspin\"}", 80, 500));

        String md = generator.markdown();

        assertThat(md).contains(
                "| floor: bare Disruptor publish | consumer parked 1 ms | 1 | 40 ns |",
                "| floor: bare Disruptor publish | consumer busy-spinning | 1 | 80 ns |",
                "| ringtail / floor (bare Disruptor publish, consumer parked 1 ms) | (none: the machine's floor) | 2.50x |",
                "| 1 | 100 ns | 40 ns | 2.50x | 80 ns | 1.25x |");
        // the floor is the first enqueue row, read before ringtail's
        assertThat(md.indexOf("| floor: bare Disruptor publish | consumer parked"))
                .isLessThan(md.indexOf("| ringtail (SLF4J) | 1 arg |"));
        assertThat(md).doesNotContain("| 2 | - |").doesNotContain("FloorBenchmark.oneThread |");
    }

    @Test
    void allocationIsNotMeasuredRatherThanMissedInARunWithoutTheGcProfiler() throws Exception {
        ReportGenerator generator = generator(
                sample("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000),
                throughput("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 0.01, Double.NaN));

        String md = generator.markdown();

        assertThat(md).contains("| 1 | - | not measured (run with `-prof gc`) |")
                .doesNotContain("**missed** by").doesNotContain("**Allocation.**");
    }

    @Test
    void threeArgumentAllocationIsShownForReferenceAndIsNoMiss() throws Exception {
        ReportGenerator generator = generator(
                sample("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000),
                throughput("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"0\",\"context\":\"none\"}", 0.01, 0.4),
                throughput("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}", 0.01, 0.6),
                throughput("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"3\",\"context\":\"none\"}", 0.01, 32));

        String md = generator.markdown();

        assertThat(md).contains("(goal: 0 B with up to 1 argument;", "| 0 | 0.4 | met |", "| 1 | 0.6 | met |",
                "| 3 | 32 | for reference: SLF4J's varargs array |");
        assertThat(md).doesNotContain("**missed** by").doesNotContain("**Allocation.**")
                .doesNotContain("### Where a goal is missed");
    }

    @Test
    void judgesTheDefaultRingWhenTheRunAlsoMeasuredASmallerOne() throws Exception {
        ReportGenerator generator = generator(
                sample("RingtailSlf4jBenchmark.oneThread",
                        "{\"args\":\"1\",\"context\":\"none\",\"waitStrategy\":\"timeout\",\"ringSize\":\"2000\"}", 50, 500),
                sample("RingtailSlf4jBenchmark.oneThread",
                        "{\"args\":\"1\",\"context\":\"none\",\"waitStrategy\":\"timeout\",\"ringSize\":\"10000\"}", 100, 2000),
                sample("Log4j2AsyncBenchmark.oneThread", "{}", 110, 900));

        String md = generator.markdown();

        assertThat(md).contains("| ringtail / Log4j2 all-async | <= 0.8x its time | 0.91x |",
                "| ringtail (SLF4J) | 1 arg, ring 2000 | 1 | 50 ns |", "| ringtail (SLF4J) | 1 arg | 1 | 100 ns |");
        assertThat(md.indexOf("| 1 arg, ring 2000 |")).isLessThan(md.indexOf("| 1 arg | 1 | 100 ns |"));
    }

    private ReportGenerator generator(String... results) throws Exception {
        Path json = JmhJson.write(dir.resolve("results.json"), results);
        return new ReportGenerator(JmhResults.read(json), Map.of(), Optional.empty(), "run-suite.sh", null, "2026-01-01 00:00 UTC", "");
    }

    @Test
    void aRegenerationKeepsWhatFollowsTheHandWrittenMarker() throws Exception {
        Path json = JmhJson.write(dir.resolve("jmh.json"), sample("RingtailSlf4jBenchmark.oneThread",
                "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000));
        Path out = dir.resolve("docs/benchmarks.md");
        Files.createDirectories(out.getParent());
        String handWritten = "\n## Before and after\n\nMeasured by hand, kept as written.\n";
        Files.writeString(out, "# an older generated part\n\n" + HandWrittenTail.MARKER + "\n" + handWritten);
        String[] args = {"--results", json.toString(), "--out", out.toString()};

        ReportGenerator.main(args);
        String once = Files.readString(out);
        ReportGenerator.main(args);
        String twice = Files.readString(out);

        assertThat(once).startsWith("# Benchmarks: what a log call costs").doesNotContain("an older generated part")
                .contains(HotPathGoalsSection.TITLE).endsWith("`.\n\n" + HandWrittenTail.MARKER + "\n" + handWritten);
        assertThat(twice).endsWith(HandWrittenTail.MARKER + "\n" + handWritten);
        assertThat(twice.split(HandWrittenTail.MARKER, -1)).hasSize(2);
        assertThat(twice.split("Measured by hand", -1)).hasSize(2);
    }

    @Test
    void aNewDocumentEndsWithTheMarkerAndNothingAfterIt() throws Exception {
        String md = generator(sample("RingtailSlf4jBenchmark.oneThread", "{\"args\":\"1\",\"context\":\"none\"}",
                100, 2000)).markdown();

        assertThat(md).endsWith("\n\n" + HandWrittenTail.MARKER + "\n");
        assertThat(HandWrittenTail.keep(md, "")).isEqualTo(md);
        assertThat(HandWrittenTail.keep(md, "a document from before the marker")).isEqualTo(md);
    }

    @Test
    void burstOptionJudgesTheDemosSummaryAndAMissingFileIsNotMeasured() throws Exception {
        Path json = JmhJson.write(dir.resolve("jmh.json"), sample("RingtailSlf4jBenchmark.oneThread",
                "{\"args\":\"1\",\"context\":\"none\"}", 100, 2000));
        Path out = dir.resolve("benchmarks.md");
        Path burst = dir.resolve("burst.tsv");
        Files.writeString(burst, "rate\t300000\nburst\t1000\nthreads\t1\nevents\t3000000\ndropped\t0\nfailed\t0\n");
        String row = "| an application offering 300,000 events/s in bursts of 1,000 drops nothing | ";

        ReportGenerator.main(new String[] {"--results", json.toString(), "--out", out.toString(), "--burst",
                burst.toString()});
        String measured = Files.readString(out);
        ReportGenerator.main(new String[] {"--results", json.toString(), "--out", out.toString(), "--burst",
                dir.resolve("no-such-run.tsv").toString()});
        String absent = Files.readString(out);

        assertThat(measured).contains(row + "3,000,000 events, 1 thread: 0 dropped, 0 failed | met |");
        assertThat(absent).contains(row + "- | not measured in this run |");
    }

    @Test
    void decadeLabelsReadAsTimes() {
        assertThat(LatencyChart.decadeLabel(1)).isEqualTo("10 ns");
        assertThat(LatencyChart.decadeLabel(3)).isEqualTo("1 \u00b5s");
        assertThat(LatencyChart.decadeLabel(8)).isEqualTo("100 ms");
    }
}
