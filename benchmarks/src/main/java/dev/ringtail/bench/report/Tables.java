package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.Formats.bytes;
import static dev.ringtail.bench.report.Formats.ns;
import static dev.ringtail.bench.report.Formats.percent;
import static dev.ringtail.bench.report.Formats.rate;
import static dev.ringtail.bench.report.Formats.ratio;

import dev.ringtail.bench.FloorBenchmark;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The document's tables: enqueue latency (and the floor it is read against), throughput, end to end, the rest. */
final class Tables extends Section {
    private static final double P50 = 50;
    private static final int[] THREAD_COUNTS = {1, 2};

    Tables(SuiteResults suite, StringBuilder md) {
        super(suite, md);
    }

    @Override
    void write() {
        enqueueLatency();
        againstTheFloor();
        throughput();
        endToEnd();
        others();
    }

    private void enqueueLatency() {
        md.append("## Enqueue latency\n\n");
        md.append("![latency percentiles](").append(ReportGenerator.CHART_FILE).append(")\n\n");
        md.append("JMH SampleTime, nanoseconds per call. _accepted_ is the share of calls over the whole trial"
                + " (warmup included) that the ring accepted; the rest took the (cheaper) drop path because the"
                + " consumer had fallen behind.\n\n");
        md.append("| logger | message | threads | p50 | p90 | p99 | p99.9 | p99.99 | B/op | accepted |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : suite.enqueueRows(SuiteResults.SAMPLE)) {
            md.append("| ").append(SuiteResults.ENQUEUE.get(r.className())).append(" | ").append(variant(r))
                    .append(" | ").append(r.threads());
            for (double p : LatencyChart.PERCENTILES) {
                md.append(" | ").append(ns(r.percentileNanos(p)));
            }
            md.append(" | ").append(bytes(r.allocBytes())).append(" | ").append(percent(suite.acceptedShare(r)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** ringtail's p50 as a multiple of the floor's, per thread count and floor consumer. */
    private void againstTheFloor() {
        if (suite.matching(r -> r.className().equals(SuiteResults.FLOOR)).isEmpty()) {
            return;
        }
        md.append("**Against the floor.** ringtail's p50 (1 arg, no context) as a multiple of the bare Disruptor"
                + " publish's, on the same machine in the same run:\n\n");
        md.append("| threads | ringtail p50 | floor p50, consumer parked | multiple | floor p50, consumer spinning"
                + " | multiple |\n|---:|---:|---:|---:|---:|---:|\n");
        for (int threads : THREAD_COUNTS) {
            Optional<Result> ringtail = suite.canonical(SuiteResults.RINGTAIL, SuiteResults.SAMPLE, threads);
            double p50 = ringtail.map(r -> r.percentileNanos(P50)).orElse(Double.NaN);
            double parked = floorP50(FloorBenchmark.PARK, threads);
            double spinning = floorP50(FloorBenchmark.BUSY_SPIN, threads);
            if (Double.isNaN(parked) && Double.isNaN(spinning)) {
                continue; // no floor at this thread count (a partial run): nothing to read against
            }
            md.append("| ").append(threads).append(" | ").append(ns(p50)).append(" | ").append(ns(parked))
                    .append(" | ").append(ratio(p50 / parked)).append(" | ").append(ns(spinning)).append(" | ")
                    .append(ratio(p50 / spinning)).append(" |\n");
        }
        md.append('\n');
    }

    private double floorP50(String consumer, int threads) {
        return suite.floor(consumer, threads).map(r -> r.percentileNanos(P50)).orElse(Double.NaN);
    }

    private void throughput() {
        md.append("## Throughput\n\n");
        md.append("JMH Throughput: log calls per second over all benchmark threads.\n\n");
        md.append("| logger | message | threads | calls/s | error (99.9%) | B/op | accepted |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Result r : suite.enqueueRows(SuiteResults.THROUGHPUT)) {
            double perSecond = Units.perSecond(r.unit());
            md.append("| ").append(SuiteResults.ENQUEUE.get(r.className())).append(" | ").append(variant(r))
                    .append(" | ").append(r.threads()).append(" | ").append(rate(r.score() * perSecond)).append(" | ")
                    .append(Double.isNaN(r.error()) ? Formats.MISSING : rate(r.error() * perSecond)).append(" | ")
                    .append(bytes(r.allocBytes())).append(" | ").append(percent(suite.acceptedShare(r)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private void endToEnd() {
        List<Result> rows = suite.matching(r -> r.className().endsWith(SuiteResults.END_TO_END_SUFFIX));
        if (rows.isEmpty()) {
            return;
        }
        md.append("## End to end: log call to 202\n\n");
        md.append("Events per second from the SLF4J call to the 202 of a loopback BetterStack-compatible receiver"
                + " (serialization, gzip, HTTP included; the receiver parses every body to count the events). One"
                + " thread logs 10,000 events per invocation and waits until the receiver has counted them all;"
                + " nothing is dropped. logback-logtail has no gzip option. The OTLP rows are ringtail's OTLP sink on"
                + " the same machinery, to the 200 of a loopback OTLP/HTTP receiver that counts every record.\n\n");
        md.append("| sender | gzip | events/s | error (99.9%) |\n|---|---|---:|---:|\n");
        for (Result r : rows) {
            boolean otlp = r.className().startsWith("Otlp");
            String sender = r.className().startsWith("Ringtail") ? "ringtail"
                    : otlp ? "ringtail OTLP " + r.params().get("protocol") : "logback-logtail";
            String gzip = r.params().getOrDefault("gzip", otlp ? "true" : "false (unsupported)");
            double perSecond = Units.perSecond(r.unit());
            md.append("| ").append(sender).append(" | ").append(gzip).append(" | ").append(rate(r.eventsPerSecond()))
                    .append(" | ").append(rate(r.error() * perSecond)).append(" |\n");
        }
        md.append('\n');
    }

    private void others() {
        List<Result> rows = suite.matching(r -> !SuiteResults.ENQUEUE.containsKey(r.className())
                && !r.className().endsWith(SuiteResults.END_TO_END_SUFFIX));
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

    /** What a row's call is: its arguments and context, and a consumer or ring other than the default. */
    static String variant(Result r) {
        if (r.params().containsKey("consumer")) {
            return FloorBenchmark.PARK.equals(r.param("consumer")) ? "consumer parked 1 ms" : "consumer busy-spinning";
        }
        String wait = r.params().getOrDefault("waitStrategy", SuiteResults.DEFAULT_WAIT);
        String setting = (SuiteResults.DEFAULT_WAIT.equals(wait) ? "" : ", consumer " + wait)
                + (SuiteResults.isDefaultRing(r) ? "" : ", ring " + r.param("ringSize"));
        if (r.params().containsKey("args") && r.params().containsKey("context")) {
            String args = r.param("args") + (r.param("args").equals("1") ? " arg" : " args") + setting;
            switch (r.param("context")) {
                case "mdc":
                    return args + ", MDC (2 entries)";
                case "kv":
                    return args + ", 2 key-values";
                default:
                    return args;
            }
        }
        if (r.params().isEmpty() || r.params().keySet().equals(Set.of("waitStrategy"))) {
            return "1 arg" + setting;
        }
        return "1 arg, " + new TreeMap<>(r.params());
    }
}
