package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.JmhJson.endToEnd;
import static dev.ringtail.bench.report.JmhJson.sample;
import static dev.ringtail.bench.report.JmhJson.throughput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.bench.DemoSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotPathGoalsSectionTest {
    private static final String DEFAULTS = "\"waitStrategy\":\"timeout\",\"ringSize\":\"10000\"";
    private static final String CALL = "{\"args\":\"1\",\"context\":\"none\"," + DEFAULTS + "}";
    private static final String FLUENT = "{\"args\":\"1\",\"context\":\"kv\"," + DEFAULTS + "}";
    private static final String GZIP_1 = "{\"gzip\":\"true\",\"gzipLevel\":\"1\"}";

    @TempDir
    Path dir;

    @Test
    void everyGoalMetReadsMetAndExplainsNothing() throws Exception {
        String md = markdown(burst(300_000, 1_000, 0, 0),
                sample("RingtailSlf4jBenchmark.oneThread", CALL, 1, 90, 800, 15_000),
                sample("RingtailSlf4jBenchmark.twoThreads", CALL, 2, 140, 900, 30_000),
                sample("LogtailBenchmark.oneThread", "{}", 1, 150, 2_000, 130_000),
                sample("Log4j2AsyncBenchmark.oneThread", "{}", 1, 450, 5_000, 40_000),
                sample("FloorBenchmark.oneThread", "{\"consumer\":\"park\"}", 1, 45, 100, 500),
                sample("FloorBenchmark.oneThread", "{\"consumer\":\"busyspin\"}", 1, 90, 200, 600),
                sample("FloorBenchmark.twoThreads", "{\"consumer\":\"park\"}", 2, 70, 150, 700),
                sample("FloorBenchmark.twoThreads", "{\"consumer\":\"busyspin\"}", 2, 100, 250, 800),
                throughput("RingtailSlf4jBenchmark.oneThread", FLUENT, 1, 0.005, 1.0),
                sample("RingtailSlf4jBenchmark.oneThread", FLUENT, 1, 180, 1_000, 9_000),
                endToEnd("RingtailEndToEndBenchmark.ringtail", GZIP_1, 700_000),
                endToEnd("RingtailEndToEndBenchmark.ringtail", "{\"gzip\":\"true\",\"gzipLevel\":\"6\"}", 400_000),
                endToEnd("RingtailEndToEndBenchmark.ringtail", "{\"gzip\":\"false\",\"gzipLevel\":\"1\"}", 900_000),
                endToEnd("LogtailEndToEndBenchmark.logtailPlain", "{}", 250_000));

        assertThat(md).contains(HotPathGoalsSection.TITLE + "\n\n",
                "| goal | measured | verdict |\n|---|---|---|\n",
                "| ringtail, one thread, accepted: p50 <= 100 ns | 90 ns | met |",
                "| ringtail, one thread, accepted: p99 <= 1,000 ns | 800 ns | met |",
                "| ringtail, one thread, accepted: p99.9 <= 20.0 \u00b5s | 15.0 \u00b5s | met |",
                "| ringtail, two threads: p50 <= 150 ns | 140 ns | met |",
                "| against logback-logtail, one thread: ringtail's p50 <= 0.67x its p50 | 0.60x (90 ns against 150 ns)"
                        + " | met |",
                "| against logback-logtail, one thread: ringtail faster at every percentile (p50, p99, p99.9)"
                        + " | p50 0.60x, p99 0.40x, p99.9 0.12x | met |",
                "| against Log4j2 all-async, one thread: ringtail's p50 <= 0.25x its p50 | 0.20x (90 ns against 450 ns)"
                        + " | met |",
                "| the floor, one thread: ringtail's p50 as a multiple of a bare Disruptor publish's"
                        + " | 2.00x with the consumer parked (45 ns), 1.00x busy-spinning (90 ns) | for reference |",
                "| the floor, two threads: ringtail's p50 as a multiple of a bare Disruptor publish's"
                        + " | 2.00x with the consumer parked (70 ns), 1.40x busy-spinning (100 ns) | for reference |",
                "| fluent API, two key-values, one thread: <= 48 B per call | 1.0 B | met |",
                "| fluent API, two key-values, one thread: p50 <= 200 ns | 180 ns | met |",
                "| end to end, ringtail with gzip (level 1): >= 600.0 k events/s | 700.0 k events/s | met |",
                "| end to end: ringtail >= 2.5x logback-logtail's events/s, same run"
                        + " | 2.8x (700.0 k against 250.0 k events/s) | met |",
                "| an application offering 300,000 events/s in bursts of 1,000 drops nothing"
                        + " | 3,000,000 events, 1 thread: 0 dropped, 0 failed | met |",
                "| an idle pipeline uses under 1 % of a core"
                        + " | checked by a test: `WaitStrategyTest.anIdleDefaultConsumerUsesUnderOnePercentOfACore`"
                        + " | tested, not benchmarked |",
                "| a lone event is delivered within flushMillis + 100 ms"
                        + " | checked by a test: `BetterStackSinkTest.aLoneEventAfterAnIdleSpellArrivesWithinFlushMillisPlus100`"
                        + " | tested, not benchmarked |");
        assertThat(section(md)).doesNotContain("**missed**", "not measured", HotPathGoalsSection.WHERE_THE_TIME_GOES);
    }

    @Test
    void everyGoalMissedSaysByHowMuchAndWhereTheTimeGoes() throws Exception {
        String md = markdown(burst(300_000, 1_000, 325_986, 106_013),
                sample("RingtailSlf4jBenchmark.oneThread", CALL, 1, 260, 1_500, 30_000),
                sample("RingtailSlf4jBenchmark.twoThreads", CALL, 2, 430, 1_300, 260_000),
                sample("LogtailBenchmark.oneThread", "{}", 1, 200, 2_000, 20_000),
                sample("Log4j2AsyncBenchmark.oneThread", "{}", 1, 520, 10_000, 40_000),
                throughput("RingtailSlf4jBenchmark.oneThread", FLUENT, 1, 0.002, 249),
                sample("RingtailSlf4jBenchmark.oneThread", FLUENT, 1, 361, 1_200, 9_000),
                endToEnd("RingtailEndToEndBenchmark.ringtail", GZIP_1, 510_000),
                endToEnd("LogtailEndToEndBenchmark.logtailPlain", "{}", 258_000));

        assertThat(md).contains(
                "| ringtail, one thread, accepted: p50 <= 100 ns | 260 ns | **missed**: by 160 ns, 2.6x the goal |",
                "| ringtail, one thread, accepted: p99 <= 1,000 ns | 1,500 ns | **missed**: by 500 ns, 1.5x the goal |",
                "| ringtail, one thread, accepted: p99.9 <= 20.0 \u00b5s | 30.0 \u00b5s"
                        + " | **missed**: by 10.0 \u00b5s, 1.5x the goal |",
                "| ringtail, two threads: p50 <= 150 ns | 430 ns | **missed**: by 280 ns, 2.9x the goal |",
                "| against logback-logtail, one thread: ringtail's p50 <= 0.67x its p50 | 1.30x (260 ns against 200 ns)"
                        + " | **missed**: by 126 ns (the goal allows 134 ns) |",
                "| against logback-logtail, one thread: ringtail faster at every percentile (p50, p99, p99.9)"
                        + " | p50 1.30x, p99 0.75x, p99.9 1.50x | **missed**: slower at p50 1.30x, p99.9 1.50x |",
                "| against Log4j2 all-async, one thread: ringtail's p50 <= 0.25x its p50 | 0.50x (260 ns against 520 ns)"
                        + " | **missed**: by 130 ns (the goal allows 130 ns) |",
                "| fluent API, two key-values, one thread: <= 48 B per call | 249 B | **missed**: by 201 B, 5.2x the goal |",
                "| fluent API, two key-values, one thread: p50 <= 200 ns | 361 ns | **missed**: by 161 ns, 1.8x the goal |",
                "| end to end, ringtail with gzip (level 1): >= 600.0 k events/s | 510.0 k events/s"
                        + " | **missed**: short by 90.0 k events/s, 85% of the goal |",
                "| end to end: ringtail >= 2.5x logback-logtail's events/s, same run"
                        + " | 2.0x (510.0 k against 258.0 k events/s)"
                        + " | **missed**: short by 135.0 k events/s (the goal needs 645.0 k) |",
                "| an application offering 300,000 events/s in bursts of 1,000 drops nothing"
                        + " | 3,000,000 events, 1 thread: 325,986 dropped, 106,013 failed"
                        + " | **missed**: 325,986 dropped (10.9%), 106,013 failed (3.5%) |");
        String section = section(md);
        assertThat(section).contains(HotPathGoalsSection.WHERE_THE_TIME_GOES + "\n\n**The call, at one and two threads.**");
        assertThat(section).containsSubsequence("**The call, at one and two threads.**",
                "**Against logback-logtail and Log4j2.**", "**The fluent call with two key-values.**",
                "**End to end.**", "**Bursts.**");
    }

    @Test
    void onlyTheFamiliesThatMissedAreExplained() throws Exception {
        String md = markdown(Optional.empty(),
                sample("RingtailSlf4jBenchmark.oneThread", CALL, 1, 90, 800, 15_000),
                endToEnd("RingtailEndToEndBenchmark.ringtail", GZIP_1, 510_000));

        assertThat(section(md)).contains(HotPathGoalsSection.WHERE_THE_TIME_GOES, "**End to end.**")
                .doesNotContain("**The call, at one and two threads.**", "**Bursts.**", "**Against logback-logtail");
    }

    @Test
    void rowsARunDidNotMeasureSaySoAndAreNoMiss() throws Exception {
        String md = markdown(Optional.empty(), throughput("SerializationBenchmark.typical", "{}", 0.001, 0));

        for (String goal : new String[] {"ringtail, one thread, accepted: p50 <= 100 ns",
                "ringtail, one thread, accepted: p99 <= 1,000 ns", "ringtail, one thread, accepted: p99.9 <= 20.0 \u00b5s",
                "ringtail, two threads: p50 <= 150 ns",
                "against logback-logtail, one thread: ringtail's p50 <= 0.67x its p50",
                "against logback-logtail, one thread: ringtail faster at every percentile (p50, p99, p99.9)",
                "against Log4j2 all-async, one thread: ringtail's p50 <= 0.25x its p50",
                "the floor, one thread: ringtail's p50 as a multiple of a bare Disruptor publish's",
                "the floor, two threads: ringtail's p50 as a multiple of a bare Disruptor publish's",
                "fluent API, two key-values, one thread: <= 48 B per call",
                "fluent API, two key-values, one thread: p50 <= 200 ns",
                "end to end, ringtail with gzip (level 1): >= 600.0 k events/s",
                "end to end: ringtail >= 2.5x logback-logtail's events/s, same run",
                "an application offering 300,000 events/s in bursts of 1,000 drops nothing"}) {
            assertThat(md).contains("| " + goal + " | - | not measured in this run |");
        }
        assertThat(section(md)).contains("| tested, not benchmarked |").doesNotContain("**missed**",
                HotPathGoalsSection.WHERE_THE_TIME_GOES);
    }

    @Test
    void fluentBytesWithoutTheGcProfilerAreNotMeasured() throws Exception {
        String md = markdown(Optional.empty(), throughput("RingtailSlf4jBenchmark.oneThread", FLUENT, 1, 0.005, Double.NaN));

        assertThat(md).contains("| fluent API, two key-values, one thread: <= 48 B per call | - |"
                + " not measured (run with `-prof gc`) |");
    }

    @Test
    void aBurstRunAtAnotherLoadIsNotTheGoalsMeasurement() throws Exception {
        String md = markdown(burst(150_000, 1_000, 42_220, 25_779));

        assertThat(md).contains("| an application offering 300,000 events/s in bursts of 1,000 drops nothing"
                + " | -, the demo ran 150,000 events/s in bursts of 1,000 | not measured in this run |");
        assertThat(section(md)).doesNotContain("**missed**");
    }

    @Test
    void theBurstRowIsReadFromTheDemosSummaryFile() throws Exception {
        Path file = dir.resolve("burst.tsv");
        Files.writeString(file, "rate\t300000\nburst\t1000\nthreads\t2\nevents\t3000000\naccepted\t2999000\n"
                + "dropped\t1000\ndelivered\t2999000\nfailed\t0\nend_to_end_events_per_second\t290000\n");

        String md = markdown(DemoSummary.read(file));

        assertThat(md).contains("| an application offering 300,000 events/s in bursts of 1,000 drops nothing"
                + " | 3,000,000 events, 2 threads: 1,000 dropped, 0 failed | **missed**: 1,000 dropped (0.033%) |");
        assertThat(section(md)).contains("**Bursts.**");
    }

    @Test
    void theSectionFollowsTheGoalsSection() throws Exception {
        String md = markdown(Optional.empty(), sample("RingtailSlf4jBenchmark.oneThread", CALL, 1, 90, 800, 15_000));

        assertThat(md).containsSubsequence("## Goals\n", HotPathGoalsSection.TITLE, "## Enqueue latency");
    }

    private Optional<DemoSummary> burst(long rate, long size, long dropped, long failed) {
        return Optional.of(new DemoSummary().put(DemoSummary.RATE, rate).put(DemoSummary.BURST, size)
                .put(DemoSummary.THREADS, 1).put(DemoSummary.EVENTS, 3_000_000)
                .put(DemoSummary.ACCEPTED, 3_000_000 - dropped).put(DemoSummary.DROPPED, dropped)
                .put(DemoSummary.DELIVERED, 3_000_000 - dropped - failed).put(DemoSummary.FAILED, failed));
    }

    private String markdown(Optional<DemoSummary> burst, String... results) throws Exception {
        Path json = JmhJson.write(dir.resolve("results.json"), results);
        return new ReportGenerator(JmhResults.read(json), Map.of(), burst, "run-suite.sh", null, "2026-01-01 00:00 UTC",
                "").markdown();
    }

    /** The new section alone, from its title to the next section. */
    private static String section(String md) {
        int start = md.indexOf(HotPathGoalsSection.TITLE);
        return md.substring(start, md.indexOf("\n## ", start + 1));
    }
}
