package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.Formats.ns;
import static dev.ringtail.bench.report.Formats.ratio;
import static dev.ringtail.bench.report.SuiteResults.LOG4J2;
import static dev.ringtail.bench.report.SuiteResults.LOGTAIL;
import static dev.ringtail.bench.report.SuiteResults.RINGTAIL;
import static dev.ringtail.bench.report.SuiteResults.SAMPLE;
import static dev.ringtail.bench.report.SuiteResults.THROUGHPUT;

import dev.ringtail.bench.FloorBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows of the call's goals: ringtail's hot path at one and two threads, against
 * logback-logtail and Log4j2, as a multiple of the floor (for reference), and the fluent call.
 */
final class CallGoals {
    private static final double P50 = 50;
    private static final double[] PERCENTILES = {50, 99, 99.9};
    private static final String[] PERCENTILE_NAMES = {"p50", "p99", "p99.9"};
    private static final String FLUENT_ARGS = SuiteResults.ONE_ARG;
    private static final String KEY_VALUES = "kv";

    private final SuiteResults suite;
    private final GoalTable table;

    CallGoals(SuiteResults suite, GoalTable table) {
        this.suite = suite;
        this.table = table;
    }

    void write() {
        hotPath();
        againstLogtail();
        againstLog4j2();
        againstTheFloor();
        fluent();
    }

    private void hotPath() {
        Optional<Result> one = suite.canonical(RINGTAIL, SAMPLE, 1);
        double[] bounds = {Goals.HOT_PATH_P50_NANOS, Goals.HOT_PATH_P99_NANOS, Goals.HOT_PATH_P999_NANOS};
        for (int i = 0; i < PERCENTILES.length; i++) {
            latency("ringtail, one thread, accepted: " + PERCENTILE_NAMES[i] + " <= " + ns(bounds[i]), one,
                    PERCENTILES[i], bounds[i]);
        }
        latency("ringtail, two threads: p50 <= " + ns(Goals.TWO_THREADS_P50_NANOS),
                suite.canonical(RINGTAIL, SAMPLE, 2), P50, Goals.TWO_THREADS_P50_NANOS);
    }

    private void latency(String goal, Optional<Result> row, double percentile, double bound) {
        double value = row.map(r -> r.percentileNanos(percentile)).orElse(Double.NaN);
        table.atMost(Diagnosis.HOT_PATH, goal, value, bound, Formats::ns,
                row.map(r -> GoalTable.caveat(suite.acceptedShare(r))).orElse(""));
    }

    private void againstLogtail() {
        Optional<Result> ringtail = suite.canonical(RINGTAIL, SAMPLE, 1);
        Optional<Result> logtail = suite.canonical(LOGTAIL, SAMPLE, 1);
        timeShare("against logback-logtail, one thread", ringtail, logtail, Goals.LOGTAIL_P50_TIME_SHARE);
        String goal = "against logback-logtail, one thread: ringtail faster at every percentile ("
                + String.join(", ", PERCENTILE_NAMES) + ")";
        if (ringtail.isEmpty() || logtail.isEmpty()) {
            table.notMeasured(goal);
            return;
        }
        List<String> each = new ArrayList<>();
        List<String> slower = new ArrayList<>();
        for (int i = 0; i < PERCENTILES.length; i++) {
            double x = ringtail.get().percentileNanos(PERCENTILES[i]) / logtail.get().percentileNanos(PERCENTILES[i]);
            if (Double.isNaN(x)) {
                table.notMeasured(goal);
                return;
            }
            String named = PERCENTILE_NAMES[i] + " " + ratio(x);
            each.add(named);
            if (x >= Goals.LOGTAIL_EVERY_PERCENTILE_RATIO) {
                slower.add(named);
            }
        }
        table.judged(Diagnosis.PEERS, goal, String.join(", ", each), slower.isEmpty(), "",
                "slower at " + String.join(", ", slower));
    }

    private void againstLog4j2() {
        timeShare("against Log4j2 all-async, one thread", suite.canonical(RINGTAIL, SAMPLE, 1),
                suite.canonical(LOG4J2, SAMPLE, 1), Goals.LOG4J2_ALL_ASYNC_P50_TIME_SHARE);
    }

    /** ringtail's p50 at most {@code share} of the peer's: missed by the nanoseconds over what the share allows. */
    private void timeShare(String against, Optional<Result> ringtail, Optional<Result> peer, double share) {
        String goal = String.format(Locale.ROOT, "%s: ringtail's p50 <= %.2fx its p50", against, share);
        double ours = ringtail.map(r -> r.percentileNanos(P50)).orElse(Double.NaN);
        double theirs = peer.map(r -> r.percentileNanos(P50)).orElse(Double.NaN);
        if (Double.isNaN(ours) || Double.isNaN(theirs)) {
            table.notMeasured(goal);
            return;
        }
        double allowed = share * theirs;
        table.judged(Diagnosis.PEERS, goal, ratio(ours / theirs) + " (" + ns(ours) + " against " + ns(theirs) + ")",
                ours <= allowed, "", "by " + ns(ours - allowed) + " (the goal allows " + ns(allowed) + ")");
    }

    private void againstTheFloor() {
        for (int threads = 1; threads <= 2; threads++) {
            String goal = "the floor, " + (threads == 1 ? "one thread" : "two threads")
                    + ": ringtail's p50 as a multiple of a bare Disruptor publish's";
            double p50 = suite.canonical(RINGTAIL, SAMPLE, threads).map(r -> r.percentileNanos(P50)).orElse(Double.NaN);
            List<String> multiples = new ArrayList<>();
            floorMultiple(p50, FloorBenchmark.PARK, threads, "with the consumer parked").ifPresent(multiples::add);
            floorMultiple(p50, FloorBenchmark.BUSY_SPIN, threads, "busy-spinning").ifPresent(multiples::add);
            if (Double.isNaN(p50) || multiples.isEmpty()) {
                table.notMeasured(goal);
            } else {
                table.row(goal, String.join(", ", multiples), GoalTable.FOR_REFERENCE);
            }
        }
    }

    private Optional<String> floorMultiple(double p50, String consumer, int threads, String label) {
        return suite.floor(consumer, threads).map(f -> f.percentileNanos(P50))
                .map(floor -> ratio(p50 / floor) + " " + label + " (" + ns(floor) + ")");
    }

    private void fluent() {
        String bytesGoal = "fluent API, two key-values, one thread: <= " + Formats.bytes(Goals.FLUENT_KV_BYTES)
                + " B per call";
        Optional<Result> throughput = suite.ringtail(THROUGHPUT, 1, FLUENT_ARGS, KEY_VALUES);
        if (throughput.isPresent() && Double.isNaN(throughput.get().allocBytes())) {
            table.row(bytesGoal, Formats.MISSING, "not measured (run with `-prof gc`)");
        } else {
            table.atMost(Diagnosis.FLUENT, bytesGoal, throughput.map(Result::allocBytes).orElse(Double.NaN),
                    Goals.FLUENT_KV_BYTES, b -> Formats.bytes(b) + " B", "");
        }
        Optional<Result> sample = suite.ringtail(SAMPLE, 1, FLUENT_ARGS, KEY_VALUES);
        table.atMost(Diagnosis.FLUENT,
                "fluent API, two key-values, one thread: p50 <= " + ns(Goals.FLUENT_KV_P50_NANOS), sample.map(r -> r.percentileNanos(P50)).orElse(Double.NaN),
                Goals.FLUENT_KV_P50_NANOS, Formats::ns, sample.map(r -> GoalTable.caveat(suite.acceptedShare(r))).orElse(""));
    }
}
