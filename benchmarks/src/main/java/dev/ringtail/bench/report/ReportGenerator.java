package dev.ringtail.bench.report;

import dev.ringtail.bench.DemoSummary;
import dev.ringtail.bench.Outcomes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Regenerates {@code docs/benchmarks.md} and its SVG chart from a JMH JSON result:
 * {@code java -jar benchmarks.jar report --results r.json --out docs/benchmarks.md [--outcomes o.tsv]
 * [--burst burst.tsv] [--command "..."] [--provisional "why"] [--failed "a;b"]}. Every number in the
 * document comes from the JSON (and the outcomes file, and the demo's burst summary); the prose
 * around a missed goal is fixed text naming the causes found when the suite was written. This
 * class frames the document (run facts, method); {@link GoalsSection}, {@link HotPathGoalsSection}
 * and {@link Tables} write its body. The generated part ends with {@link HandWrittenTail#MARKER};
 * what follows the marker in an existing document is kept.
 */
public final class ReportGenerator {
    static final String CHART_FILE = "benchmarks-latency.svg";
    private static final String USAGE = "usage: report --results jmh.json --out docs/benchmarks.md"
            + " [--outcomes outcomes.tsv] [--burst burst.tsv] [--command \"how the suite was run\"]"
            + " [--provisional \"why these numbers are not final\"] [--failed \"benchmark;benchmark\"]";
    private static final int USAGE_ERROR = 2;
    /** The rows the chart draws, one line per logger and thread count: class, label, colour. */
    private static final String[][] CHART_LINES = {
            {SuiteResults.RINGTAIL, "ringtail", "#d62728"},
            {SuiteResults.LOG4J2, "Log4j2 all-async", "#1f77b4"},
            {SuiteResults.LOGBACK, "Logback AsyncAppender", "#2ca02c"},
            {SuiteResults.LOGTAIL, "logback-logtail", "#9467bd"},
            {SuiteResults.SYNC, "synchronous POST", "#7f7f7f"}};
    private static final int[] CHART_THREADS = {1, 2};

    private final SuiteResults suite;
    private final Optional<DemoSummary> burst;
    private final Map<String, Object> facts;
    private final String command;
    private final String provisional;
    private final String date;
    private final String failed;

    /**
     * @param burst       the demo's summary of its burst run, if there was one
     * @param provisional why the numbers are not final, or null
     * @param failed      benchmarks that failed in the run, separated by {@code ;}, or empty
     */
    ReportGenerator(JmhResults.Run run, Map<String, Outcomes.Counts> outcomes, Optional<DemoSummary> burst,
                    String command, String provisional, String date, String failed) {
        this.suite = new SuiteResults(run.results(), outcomes);
        this.burst = burst;
        this.facts = run.facts();
        this.command = command;
        this.provisional = provisional;
        this.date = date;
        this.failed = failed;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        if (!opts.containsKey("--results") || !opts.containsKey("--out")) {
            System.err.println(USAGE);
            System.exit(USAGE_ERROR);
        }
        JmhResults.Run run = JmhResults.read(Path.of(opts.get("--results")));
        Map<String, Outcomes.Counts> outcomes = opts.containsKey("--outcomes")
                ? Outcomes.read(Path.of(opts.get("--outcomes"))) : Map.of();
        Optional<DemoSummary> burst = Optional.empty();
        if (opts.containsKey("--burst")) {
            burst = DemoSummary.read(Path.of(opts.get("--burst")));
            if (burst.isEmpty()) {
                System.err.println("report: no burst summary at " + opts.get("--burst") + ": bursts not measured");
            }
        }
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        ReportGenerator generator = new ReportGenerator(run, outcomes, burst,
                opts.getOrDefault("--command", "(not recorded)"), opts.get("--provisional"), date,
                opts.getOrDefault("--failed", ""));
        Path out = Path.of(opts.get("--out"));
        Path chart = out.resolveSibling(CHART_FILE);
        Files.createDirectories(out.toAbsolutePath().getParent());
        String previous = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        if (!previous.isEmpty() && !HandWrittenTail.has(previous)) {
            System.err.println("report: " + out + " has no hand-written marker: all of it is replaced");
        }
        Files.writeString(chart, generator.chart(), StandardCharsets.UTF_8);
        Files.writeString(out, HandWrittenTail.keep(generator.markdown(), previous), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " and " + chart + " from " + run.results().size() + " results");
    }

    /** The generated document, up to and with the hand-written marker; the same text however often it is called. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: what a log call costs\n\n");
        md.append("<!-- generated by `java -jar benchmarks/target/benchmarks.jar report` from a JMH JSON result;"
                + " edit ReportGenerator, not this part: only what follows the hand-written marker is kept -->\n\n");
        if (provisional != null) {
            md.append("> **Provisional numbers.** ").append(provisional).append("\n\n");
        }
        runFacts(md);
        if (!failed.isBlank()) {
            md.append("> **Failed in this run** (no numbers below; see the run log): `")
                    .append(failed.replace(";", "`, `")).append("`\n\n");
        }
        new GoalsSection(suite, md).write();
        new HotPathGoalsSection(suite, burst, md).write();
        new Tables(suite, md).write();
        method(md);
        md.append('\n').append(HandWrittenTail.MARKER).append('\n');
        return md.toString();
    }

    private void runFacts(StringBuilder md) {
        md.append("| | |\n|---|---|\n");
        md.append("| date | ").append(date).append(" |\n");
        md.append("| machine | ").append(Machine.describe()).append(" |\n");
        md.append("| JDK | ").append(fact("vmName")).append(' ').append(fact("jdkVersion")).append(" (VM ")
                .append(fact("vmVersion")).append(") |\n");
        md.append("| JMH | ").append(fact("jmhVersion")).append(", ").append(fact("forks")).append(" fork(s), warmup ")
                .append(fact("warmupIterations")).append(" x ").append(fact("warmupTime")).append(", measurement ")
                .append(fact("measurementIterations")).append(" x ").append(fact("measurementTime")).append(" |\n");
        md.append("| command | `").append(command).append("` |\n\n");
    }

    /** A run fact as JMH wrote it; whole numbers without the ".0" JSON parsing gave them. */
    private String fact(String key) {
        Object v = facts.get(key);
        if (v instanceof Double && ((Double) v) == Math.rint((Double) v)) {
            return Long.toString(((Double) v).longValue());
        }
        return v == null ? "?" : v.toString();
    }

    private void method(StringBuilder md) {
        md.append("## How these numbers are made\n\n");
        md.append(Diagnosis.METHOD).append("\n\n");
        md.append("Reproduce: `benchmarks/run-suite.sh` (the full suite, about 25 minutes on 2 cores; run it on a"
                + " quiet machine). This document came from: `").append(command).append("`.\n");
    }

    /** The latency chart: each logger's canonical row, one and two threads (dashed). */
    String chart() {
        List<LatencyChart.Series> series = new ArrayList<>();
        for (int threads : CHART_THREADS) {
            for (String[] line : CHART_LINES) {
                int t = threads;
                suite.canonical(line[0], SuiteResults.SAMPLE, t).ifPresent(r -> {
                    double[] v = new double[LatencyChart.PERCENTILES.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.percentileNanos(LatencyChart.PERCENTILES[i]);
                    }
                    series.add(new LatencyChart.Series(line[1] + (t == 1 ? ", 1 thread" : ", 2 threads"), line[2],
                            t > 1, v));
                });
            }
        }
        return LatencyChart.svg("Log call latency: info(\"... {}\", orderId)" + (provisional != null ? " (provisional)" : ""),
                series);
    }
}
