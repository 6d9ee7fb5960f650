package dev.ringtail.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Regenerates {@code docs/benchmarks.md} and its SVG chart from a JMH JSON result:
 * {@code java -jar benchmarks.jar report --results r.json --out docs/benchmarks.md [--outcomes o.tsv]
 * [--command "..."] [--provisional "why"]}. Every number in the document comes from the JSON (and
 * the outcomes file); the prose around a missed goal is fixed text naming the causes found when
 * the suite was written.
 */
public final class ReportGenerator {
    static final String CHART_FILE = "benchmarks-latency.svg";
    /** Below this share of accepted calls a latency number mostly measures the drop path. */
    static final double CONCLUSIVE_ACCEPTED_SHARE = 0.95;

    /** Display names, in the order the tables list them. */
    static final Map<String, String> ENQUEUE = new LinkedHashMap<>();

    static {
        ENQUEUE.put("RingtailSlf4jBenchmark", "ringtail (SLF4J)");
        ENQUEUE.put("CorePublishBenchmark", "ringtail core publish (no SLF4J)");
        ENQUEUE.put("RingtailSlf4jDropBenchmark", "ringtail, full ring (SLF4J)");
        ENQUEUE.put("CoreDropBenchmark", "ringtail, full ring (core)");
        ENQUEUE.put("Log4j2AsyncBenchmark", "Log4j2 all-async");
        ENQUEUE.put("LogbackAsyncBenchmark", "Logback AsyncAppender");
        ENQUEUE.put("LogtailBenchmark", "logback-logtail");
        ENQUEUE.put("SyncBaselineBenchmark", "synchronous POST");
    }

    static final String RINGTAIL = "RingtailSlf4jBenchmark";
    static final String DEFAULT_WAIT = "timeout";
    static final String SYNC = "SyncBaselineBenchmark";
    static final String LOG4J2 = "Log4j2AsyncBenchmark";
    static final String LOGBACK = "LogbackAsyncBenchmark";
    static final String LOGTAIL = "LogtailBenchmark";

    private final List<Result> results;
    private final Map<String, Object> facts;
    private final Map<String, long[]> outcomes;
    private final String command;
    private final String provisional;
    private final String date;
    private String failed = "";
    private final StringBuilder md = new StringBuilder();

    ReportGenerator(JmhResults.Run run, Map<String, long[]> outcomes, String command, String provisional, String date) {
        this.results = run.results();
        this.facts = run.facts();
        this.outcomes = outcomes;
        this.command = command;
        this.provisional = provisional;
        this.date = date;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        if (!opts.containsKey("--results") || !opts.containsKey("--out")) {
            System.err.println("usage: report --results jmh.json --out docs/benchmarks.md [--outcomes outcomes.tsv]"
                    + " [--command \"how the suite was run\"] [--provisional \"why these numbers are not final\"]");
            System.exit(2);
        }
        JmhResults.Run run = JmhResults.read(Path.of(opts.get("--results")));
        Map<String, long[]> outcomes = opts.containsKey("--outcomes")
                ? readOutcomes(Path.of(opts.get("--outcomes"))) : Map.of();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        ReportGenerator generator = new ReportGenerator(run, outcomes, opts.getOrDefault("--command", "(not recorded)"),
                opts.get("--provisional"), date);
        generator.failed = opts.getOrDefault("--failed", "");
        Path out = Path.of(opts.get("--out"));
        Path chart = out.resolveSibling(CHART_FILE);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(chart, generator.chart(), StandardCharsets.UTF_8);
        Files.writeString(out, generator.markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + " and " + chart + " from " + run.results().size() + " results");
    }

    static Map<String, long[]> readOutcomes(Path file) throws IOException {
        Map<String, long[]> map = new HashMap<>();
        if (!Files.exists(file)) {
            return map;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 6) {
                String key = String.join("\t", f[0], f[1], f[2], f[3]);
                long[] sum = map.computeIfAbsent(key, k -> new long[2]);
                sum[0] += Long.parseLong(f[4]);
                sum[1] += Long.parseLong(f[5]);
            }
        }
        return map;
    }

    // ------------------------------------------------------------------ document

    String markdown() {
        md.append("# Benchmarks: what a log call costs\n\n");
        md.append("<!-- generated by `java -jar benchmarks/target/benchmarks.jar report` from a JMH JSON result;"
                + " edit ReportGenerator, not this file -->\n\n");
        if (provisional != null) {
            md.append("> **Provisional numbers.** ").append(provisional).append("\n\n");
        }
        runFacts();
        if (!failed.isBlank()) {
            md.append("> **Failed in this run** (no numbers below; see the run log): `")
                    .append(failed.replace(";", "`, `")).append("`\n\n");
        }
        goals();
        enqueueLatency();
        throughput();
        endToEnd();
        others();
        method();
        return md.toString();
    }

    private void runFacts() {
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

    private String fact(String key) {
        Object v = facts.get(key);
        if (v instanceof Double && ((Double) v) == Math.rint((Double) v)) {
            return Long.toString(((Double) v).longValue());
        }
        return v == null ? "?" : v.toString();
    }

    // ------------------------------------------------------------------ goals

    private void goals() {
        md.append("## Goals\n\n");
        md.append("The same call everywhere: `logger.info(\"Payment failed for order {}\", orderId)`, one thread,"
                + " JMH SampleTime; \"time\" is the time the log call takes on the application thread.\n\n");
        Optional<Result> ringtail = canonical(RINGTAIL, "sample", 1);
        if (ringtail.isEmpty()) {
            md.append("_No ringtail SLF4J result in this run: goals not evaluated._\n\n");
            return;
        }
        Result r = ringtail.get();
        md.append("| comparison | goal | p50 | p99 | p99.9 | throughput | verdict |\n|---|---|---:|---:|---:|---:|---|\n");
        List<String> missed = new ArrayList<>();
        canonical(SYNC, "sample", 1).ifPresent(s -> {
            double p50 = s.percentileNanos(50) / r.percentileNanos(50);
            boolean ok = p50 >= 1000;
            md.append("| synchronous POST / ringtail | ringtail >= 1000x faster | ").append(times(p50)).append(" | ")
                    .append(times(s.percentileNanos(99) / r.percentileNanos(99))).append(" | ")
                    .append(times(s.percentileNanos(99.9) / r.percentileNanos(99.9))).append(" | ")
                    .append(throughputRatio(RINGTAIL, SYNC)).append(" | ")
                    .append(ok ? "met" + caveat(r) : "**missed**: " + times(p50) + " at p50, short by a factor of "
                            + String.format(Locale.ROOT, "%.1f", 1000 / p50)).append(" |\n");
            if (!ok) {
                missed.add("sync");
            }
        });
        canonical(LOG4J2, "sample", 1).ifPresent(l -> {
            double p50 = r.percentileNanos(50) / l.percentileNanos(50);
            boolean ok = p50 <= 0.8;
            md.append("| ringtail / Log4j2 all-async | <= 0.8x its time | ").append(ratio(p50)).append(" | ")
                    .append(ratio(r.percentileNanos(99) / l.percentileNanos(99))).append(" | ")
                    .append(ratio(r.percentileNanos(99.9) / l.percentileNanos(99.9))).append(" | ")
                    .append(timeRatioFromThroughput(RINGTAIL, LOG4J2)).append(" | ")
                    .append(ok ? "met" + caveat(r) : String.format(Locale.ROOT, "**missed**: %.2fx, %.0f%% over the goal (%s vs"
                                    + " the %s the goal allows)", p50, (p50 / 0.8 - 1) * 100,
                            ns(r.percentileNanos(50)), ns(0.8 * l.percentileNanos(50)))).append(" |\n");
            if (!ok && !missed.contains("log4j2")) {
                missed.add("log4j2");
            }
        });
        for (String peer : new String[] {LOGBACK, LOGTAIL}) {
            canonical(peer, "sample", 1).ifPresent(p -> md.append("| ringtail / ").append(ENQUEUE.get(peer))
                    .append(" | (none: for reference) | ").append(ratio(r.percentileNanos(50) / p.percentileNanos(50)))
                    .append(" | ").append(ratio(r.percentileNanos(99) / p.percentileNanos(99))).append(" | ")
                    .append(ratio(r.percentileNanos(99.9) / p.percentileNanos(99.9))).append(" | ")
                    .append(timeRatioFromThroughput(RINGTAIL, peer)).append(" | |\n"));
        }
        md.append("\nRatios below 1 mean ringtail's call is faster; the throughput column is the same ratio computed"
                + " from JMH Throughput (time per call = 1 / throughput). ringtail's row accepted ")
                .append(accepted(r)).append(" of its calls into the ring (SampleTime trial; Throughput trial: ")
                .append(canonical(RINGTAIL, "thrpt", 1).map(this::accepted).orElse("-"))
                .append("); any rest was refused because the consumer had fallen behind, and a refusal is cheaper"
                        + " than an accepted call. Log4j2 never refuses: its full ring makes the caller wait."
                        + " Logback's AsyncAppender and logback-logtail discard silently when full.\n\n");
        allocationGoal(missed);
        if (!missed.isEmpty()) {
            md.append("### Where a goal is missed: why, and what would close it\n\n");
            for (String m : missed) {
                md.append(Diagnosis.TEXT.get(m)).append("\n\n");
            }
        }
    }

    private void allocationGoal(List<String> missed) {
        List<Result> rows = new ArrayList<>();
        for (Result r : results) {
            if (r.className().equals(RINGTAIL) && r.isThroughput() && r.threads() == 1
                    && "none".equals(r.param("context"))
                    && DEFAULT_WAIT.equals(r.params().getOrDefault("waitStrategy", DEFAULT_WAIT))) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparing(r -> r.param("args")));
        md.append("**Allocation per log call without MDC** (goal: 0 B; `-prof gc`, Throughput, one thread, all"
                + " threads' allocation divided by calls):\n\n| arguments | B/op | verdict |\n|---|---:|---|\n");
        boolean allOk = true;
        for (Result r : rows) {
            boolean ok = r.allocBytes() < 1; // JMH's accounting leaves fractions of a byte of noise
            allOk &= ok;
            md.append("| ").append(r.param("args")).append(" | ").append(bytes(r.allocBytes())).append(" | ")
                    .append(ok ? "met" : "**missed** by " + bytes(r.allocBytes()) + " B per call").append(" |\n");
        }
        md.append('\n');
        if (!allOk) {
            missed.add("alloc");
        }
    }

    private Optional<Result> canonical(String className, String mode, int threads) {
        return results.stream().filter(r -> r.className().equals(className) && r.mode().equals(mode)
                && r.threads() == threads && (r.params().isEmpty()
                || ("1".equals(r.param("args")) && "none".equals(r.param("context"))
                && DEFAULT_WAIT.equals(r.params().getOrDefault("waitStrategy", DEFAULT_WAIT))))).findFirst();
    }

    private String throughputRatio(String fast, String slow) {
        Optional<Result> f = canonical(fast, "thrpt", 1);
        Optional<Result> s = canonical(slow, "thrpt", 1);
        return f.isPresent() && s.isPresent() ? times(f.get().opsPerSecond() / s.get().opsPerSecond()) : "-";
    }

    private String timeRatioFromThroughput(String ours, String theirs) {
        Optional<Result> o = canonical(ours, "thrpt", 1);
        Optional<Result> t = canonical(theirs, "thrpt", 1);
        return o.isPresent() && t.isPresent() ? ratio(t.get().opsPerSecond() / o.get().opsPerSecond()) : "-";
    }

    // ------------------------------------------------------------------ tables

    private void enqueueLatency() {
        md.append("## Enqueue latency\n\n");
        md.append("![latency percentiles](").append(CHART_FILE).append(")\n\n");
        md.append("JMH SampleTime, nanoseconds per call. _accepted_ is the share of calls over the whole trial"
                + " (warmup included) that the ring accepted; the rest took the (cheaper) drop path because the"
                + " consumer had fallen behind.\n\n");
        md.append("| logger | message | threads | p50 | p90 | p99 | p99.9 | p99.99 | B/op | accepted |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : sorted("sample")) {
            md.append("| ").append(ENQUEUE.get(r.className())).append(" | ").append(variant(r)).append(" | ")
                    .append(r.threads());
            for (double p : LatencyChart.PERCENTILES) {
                md.append(" | ").append(ns(r.percentileNanos(p)));
            }
            md.append(" | ").append(bytes(r.allocBytes())).append(" | ").append(accepted(r)).append(" |\n");
        }
        md.append('\n');
    }

    private void throughput() {
        md.append("## Throughput\n\n");
        md.append("JMH Throughput: log calls per second over all benchmark threads.\n\n");
        md.append("| logger | message | threads | calls/s | error (99.9%) | B/op | accepted |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Result r : sorted("thrpt")) {
            double perSecond = Units.perSecond(r.unit());
            md.append("| ").append(ENQUEUE.get(r.className())).append(" | ").append(variant(r)).append(" | ")
                    .append(r.threads()).append(" | ").append(rate(r.score() * perSecond)).append(" | ")
                    .append(Double.isNaN(r.error()) ? "-" : rate(r.error() * perSecond)).append(" | ")
                    .append(bytes(r.allocBytes())).append(" | ").append(accepted(r)).append(" |\n");
        }
        md.append('\n');
    }

    private List<Result> sorted(String mode) {
        List<String> order = new ArrayList<>(ENQUEUE.keySet());
        List<Result> rows = new ArrayList<>();
        for (Result r : results) {
            if (r.mode().equals(mode) && ENQUEUE.containsKey(r.className())) {
                rows.add(r);
            }
        }
        rows.sort(Comparator.<Result>comparingInt(r -> order.indexOf(r.className()))
                .thenComparing(r -> r.params().getOrDefault("context", ""), Comparator.comparingInt(
                        c -> List.of("none", "mdc", "kv").indexOf(c)))
                .thenComparing(r -> r.params().getOrDefault("args", ""))
                .thenComparingInt(Result::threads));
        return rows;
    }

    private void endToEnd() {
        List<Result> rows = new ArrayList<>();
        for (Result r : results) {
            if (r.className().endsWith("EndToEndBenchmark")) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## End to end: log call to 202\n\n");
        md.append("Events per second from the SLF4J call to the 202 of a loopback BetterStack-compatible receiver"
                + " (serialization, gzip, HTTP included; the receiver parses every body to count the events). One"
                + " thread logs 10,000 events per invocation and waits until the receiver has counted them all;"
                + " nothing is dropped. logback-logtail has no gzip option.\n\n");
        md.append("| sender | gzip | events/s | error (99.9%) |\n|---|---|---:|---:|\n");
        for (Result r : rows) {
            String sender = r.className().startsWith("Ringtail") ? "ringtail" : "logback-logtail";
            String gzip = r.params().getOrDefault("gzip", "false (unsupported)");
            double perSecond = Units.perSecond(r.unit());
            md.append("| ").append(sender).append(" | ").append(gzip).append(" | ").append(rate(r.score() * perSecond))
                    .append(" | ").append(rate(r.error() * perSecond)).append(" |\n");
        }
        md.append('\n');
    }

    private void others() {
        List<Result> rows = new ArrayList<>();
        for (Result r : results) {
            if (!ENQUEUE.containsKey(r.className()) && !r.className().endsWith("EndToEndBenchmark")) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Other benchmarks\n\n| benchmark | parameters | mode | threads | score | unit | B/op |\n");
        md.append("|---|---|---|---:|---:|---|---:|\n");
        for (Result r : rows) {
            md.append("| ").append(r.className()).append('.').append(r.method()).append(" | ")
                    .append(r.params().isEmpty() ? "" : new TreeMap<>(r.params()).toString()).append(" | ")
                    .append(r.mode()).append(" | ").append(r.threads()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.3f", r.score())).append(" | ").append(r.unit()).append(" | ")
                    .append(bytes(r.allocBytes())).append(" |\n");
        }
        md.append('\n');
    }

    private void method() {
        md.append("## How these numbers are made\n\n");
        md.append(Diagnosis.METHOD).append("\n\n");
        md.append("Reproduce: `benchmarks/run-suite.sh` (the full suite, about 25 minutes on 2 cores; run it on a"
                + " quiet machine). This document came from: `").append(command).append("`.\n");
    }

    // ------------------------------------------------------------------ chart

    String chart() {
        String[][] lines = {
                {RINGTAIL, "ringtail", "#d62728"},
                {LOG4J2, "Log4j2 all-async", "#1f77b4"},
                {LOGBACK, "Logback AsyncAppender", "#2ca02c"},
                {LOGTAIL, "logback-logtail", "#9467bd"},
                {SYNC, "synchronous POST", "#7f7f7f"}};
        List<LatencyChart.Series> series = new ArrayList<>();
        for (int threads = 1; threads <= 2; threads++) {
            for (String[] l : lines) {
                int t = threads;
                canonical(l[0], "sample", t).ifPresent(r -> {
                    double[] v = new double[LatencyChart.PERCENTILES.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.percentileNanos(LatencyChart.PERCENTILES[i]);
                    }
                    series.add(new LatencyChart.Series(l[1] + (t == 1 ? ", 1 thread" : ", 2 threads"), l[2], t == 2, v));
                });
            }
        }
        return LatencyChart.svg("Log call latency: info(\"... {}\", orderId)" + (provisional != null ? " (provisional)" : ""),
                series);
    }

    // ------------------------------------------------------------------ formats

    private String variant(Result r) {
        String wait = r.params().getOrDefault("waitStrategy", DEFAULT_WAIT);
        String consumer = DEFAULT_WAIT.equals(wait) ? "" : ", consumer " + wait;
        if (r.params().containsKey("args") && r.params().containsKey("context")) {
            String args = r.param("args") + (r.param("args").equals("1") ? " arg" : " args") + consumer;
            switch (r.param("context")) {
                case "mdc":
                    return args + ", MDC (2 entries)";
                case "kv":
                    return args + ", 2 key-values";
                default:
                    return args;
            }
        }
        if (r.params().isEmpty() || r.params().keySet().equals(java.util.Set.of("waitStrategy"))) {
            return "1 arg" + consumer;
        }
        return "1 arg, " + new TreeMap<>(r.params());
    }

    /** A "met" measured mostly on refusals proves little: say so. */
    private String caveat(Result r) {
        long[] o = outcomes.get(outcomeKey(r));
        if (o == null || o[0] + o[1] == 0) {
            return "";
        }
        double share = (double) o[0] / (o[0] + o[1]);
        return share >= CONCLUSIVE_ACCEPTED_SHARE ? "" : String.format(Locale.ROOT,
                " (not conclusive: only %.0f%% of ringtail's calls were accepted, the rest were cheaper refusals)",
                100 * share);
    }

    private String accepted(Result r) {
        long[] o = outcomes.get(outcomeKey(r));
        if (o == null || o[0] + o[1] == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * o[0] / (o[0] + o[1]));
    }

    static String outcomeKey(Result r) {
        return dev.ringtail.bench.Outcomes.key(r.benchmark(), r.mode(), r.threads(), r.params());
    }

    static String ns(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        if (nanos < 10_000) {
            return String.format(Locale.ROOT, "%,.0f ns", nanos);
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, nanos < 100_000 ? "%.1f \u00b5s" : "%.0f \u00b5s", nanos / 1e3);
        }
        return String.format(Locale.ROOT, nanos < 100_000_000 ? "%.1f ms" : "%.0f ms", nanos / 1e6);
    }

    static String bytes(double b) {
        return Double.isNaN(b) ? "-" : String.format(Locale.ROOT, b < 10 ? "%.1f" : "%,.0f", b);
    }

    static String rate(double perSecond) {
        if (Double.isNaN(perSecond)) {
            return "-";
        }
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        if (perSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    static String times(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, x >= 100 ? "%,.0fx" : "%.1fx", x);
    }

    static String ratio(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.2fx", x);
    }
}
