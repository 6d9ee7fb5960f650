package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.Formats.bytes;
import static dev.ringtail.bench.report.Formats.ns;
import static dev.ringtail.bench.report.Formats.percent;
import static dev.ringtail.bench.report.Formats.ratio;
import static dev.ringtail.bench.report.Formats.times;
import static dev.ringtail.bench.report.SuiteResults.LOG4J2;
import static dev.ringtail.bench.report.SuiteResults.LOGBACK;
import static dev.ringtail.bench.report.SuiteResults.LOGTAIL;
import static dev.ringtail.bench.report.SuiteResults.RINGTAIL;
import static dev.ringtail.bench.report.SuiteResults.SAMPLE;
import static dev.ringtail.bench.report.SuiteResults.SYNC;
import static dev.ringtail.bench.report.SuiteResults.THROUGHPUT;

import dev.ringtail.bench.FloorBenchmark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The goals section: ringtail against the synchronous baseline and Log4j2 (the {@link Goals}), the
 * other peers and the floor for reference, the allocation goal, and for each goal the run missed
 * the {@link Diagnosis} of why. All at one thread, the row each logger is judged by.
 */
final class GoalsSection extends Section {
    private static final int THREADS = 1;
    private static final double P50 = 50;
    private static final double P99 = 99;
    private static final double P999 = 99.9;

    GoalsSection(SuiteResults suite, StringBuilder md) {
        super(suite, md);
    }

    @Override
    void write() {
        md.append("## Goals\n\n");
        md.append("The same call everywhere: `logger.info(\"Payment failed for order {}\", orderId)`, one thread,"
                + " JMH SampleTime; \"time\" is the time the log call takes on the application thread.\n\n");
        Optional<Result> ringtail = suite.canonical(RINGTAIL, SAMPLE, THREADS);
        if (ringtail.isEmpty()) {
            md.append("_No ringtail SLF4J result in this run: goals not evaluated._\n\n");
            return;
        }
        Result r = ringtail.get();
        md.append("| comparison | goal | p50 | p99 | p99.9 | throughput | verdict |\n|---|---|---:|---:|---:|---:|---|\n");
        List<String> missed = new ArrayList<>();
        suite.canonical(SYNC, SAMPLE, THREADS).ifPresent(s -> {
            if (!syncGoal(r, s)) {
                missed.add(Diagnosis.SYNC);
            }
        });
        suite.canonical(LOG4J2, SAMPLE, THREADS).ifPresent(l -> {
            if (!log4j2Goal(r, l)) {
                missed.add(Diagnosis.LOG4J2);
            }
        });
        for (String peer : new String[] {LOGBACK, LOGTAIL}) {
            suite.canonical(peer, SAMPLE, THREADS).ifPresent(p -> reference(r, p, SuiteResults.ENQUEUE.get(peer),
                    "(none: for reference)", timeRatioFromThroughput(RINGTAIL, peer)));
        }
        suite.floor(FloorBenchmark.PARK, THREADS).ifPresent(f -> reference(r, f,
                "floor (bare Disruptor publish, consumer parked 1 ms)", "(none: the machine's floor)", Formats.MISSING));
        suite.floor(FloorBenchmark.BUSY_SPIN, THREADS).ifPresent(f -> reference(r, f,
                "floor (bare Disruptor publish, consumer busy-spinning)", "(none: the machine's floor)",
                Formats.MISSING));
        md.append("\nRatios below 1 mean ringtail's call is faster; the throughput column is the same ratio computed"
                + " from JMH Throughput (time per call = 1 / throughput). ringtail's row accepted ")
                .append(percent(suite.acceptedShare(r))).append(" of its calls into the ring (SampleTime trial;"
                        + " Throughput trial: ")
                .append(suite.canonical(RINGTAIL, THROUGHPUT, THREADS).map(t -> percent(suite.acceptedShare(t)))
                        .orElse(Formats.MISSING))
                .append("); any rest was refused because the consumer had fallen behind, and a refusal is cheaper"
                        + " than an accepted call. Log4j2 never refuses: its full ring makes the caller wait."
                        + " Logback's AsyncAppender and logback-logtail discard silently when full. The floor rows"
                        + " give ringtail's time as a multiple of a bare Disruptor publish, the least any"
                        + " ring-based logger must do.\n\n");
        if (!allocationGoal()) {
            missed.add(Diagnosis.ALLOCATION);
        }
        if (!missed.isEmpty()) {
            md.append("### Where a goal is missed: why, and what would close it\n\n");
            for (String m : missed) {
                md.append(Diagnosis.TEXT.get(m)).append("\n\n");
            }
        }
    }

    /** The synchronous POST's time over ringtail's: the goal is a speed-up of at least {@link Goals#SYNC_SPEEDUP}. */
    private boolean syncGoal(Result r, Result sync) {
        double p50 = sync.percentileNanos(P50) / r.percentileNanos(P50);
        boolean ok = p50 >= Goals.SYNC_SPEEDUP;
        md.append(String.format(Locale.ROOT, "| synchronous POST / ringtail | ringtail >= %.0fx faster | ", Goals.SYNC_SPEEDUP))
                .append(times(p50)).append(" | ")
                .append(times(sync.percentileNanos(P99) / r.percentileNanos(P99))).append(" | ")
                .append(times(sync.percentileNanos(P999) / r.percentileNanos(P999))).append(" | ")
                .append(throughputRatio(RINGTAIL, SYNC)).append(" | ")
                .append(ok ? "met" + caveat(r) : "**missed**: " + times(p50) + " at p50, short by a factor of "
                        + String.format(Locale.ROOT, "%.1f", Goals.SYNC_SPEEDUP / p50)).append(" |\n");
        return ok;
    }

    /** ringtail's time over Log4j2's: the goal is at most {@link Goals#LOG4J2_TIME_SHARE}. */
    private boolean log4j2Goal(Result r, Result log4j2) {
        double goal = Goals.LOG4J2_TIME_SHARE;
        double p50 = r.percentileNanos(P50) / log4j2.percentileNanos(P50);
        boolean ok = p50 <= goal;
        md.append(String.format(Locale.ROOT, "| ringtail / Log4j2 all-async | <= %.1fx its time | ", goal))
                .append(ratio(p50)).append(" | ")
                .append(ratio(r.percentileNanos(P99) / log4j2.percentileNanos(P99))).append(" | ")
                .append(ratio(r.percentileNanos(P999) / log4j2.percentileNanos(P999))).append(" | ")
                .append(timeRatioFromThroughput(RINGTAIL, LOG4J2)).append(" | ")
                .append(ok ? "met" + caveat(r) : String.format(Locale.ROOT, "**missed**: %.2fx, %.0f%% over the goal"
                                + " (%s vs the %s the goal allows)", p50, (p50 / goal - 1) * 100,
                        ns(r.percentileNanos(P50)), ns(goal * log4j2.percentileNanos(P50)))).append(" |\n");
        return ok;
    }

    /** A row without a goal: ringtail's time over another's, at each percentile. */
    private void reference(Result r, Result other, String name, String goal, String throughput) {
        md.append("| ringtail / ").append(name).append(" | ").append(goal).append(" | ")
                .append(ratio(r.percentileNanos(P50) / other.percentileNanos(P50))).append(" | ")
                .append(ratio(r.percentileNanos(P99) / other.percentileNanos(P99))).append(" | ")
                .append(ratio(r.percentileNanos(P999) / other.percentileNanos(P999))).append(" | ")
                .append(throughput).append(" | |\n");
    }

    /**
     * The allocation table, ringtail without context per argument count; true if every row the goal
     * covers met it. A row with more arguments than {@link Goals#ALLOCATION_GOAL_MAX_ARGS} is shown
     * for reference: its bytes are SLF4J's varargs array, made before ringtail is called.
     */
    private boolean allocationGoal() {
        List<Result> rows = suite.matching(r -> r.className().equals(RINGTAIL) && r.isThroughput()
                && r.threads() == THREADS && SuiteResults.NO_CONTEXT.equals(r.param("context"))
                && SuiteResults.isDefaultWait(r) && SuiteResults.isDefaultRing(r));
        if (rows.isEmpty()) {
            return true;
        }
        rows.sort(Comparator.comparing(r -> r.param("args")));
        md.append(String.format(Locale.ROOT, "**Allocation per log call without MDC** (goal: %.0f B with up to %d"
                + " argument; `-prof gc`, Throughput, one thread, all threads' allocation divided by calls):\n\n",
                Goals.ALLOCATION_BYTES, Goals.ALLOCATION_GOAL_MAX_ARGS));
        md.append("| arguments | B/op | verdict |\n|---|---:|---|\n");
        boolean allOk = true;
        for (Result r : rows) {
            md.append("| ").append(r.param("args")).append(" | ").append(bytes(r.allocBytes())).append(" | ");
            if (Double.isNaN(r.allocBytes())) {
                // a run without the profiler measured nothing: that is no verdict, and no miss to explain
                md.append("not measured (run with `-prof gc`) |\n");
                continue;
            }
            if (Integer.parseInt(r.param("args")) > Goals.ALLOCATION_GOAL_MAX_ARGS) {
                md.append("for reference: SLF4J's varargs array |\n");
                continue;
            }
            boolean ok = r.allocBytes() < Goals.ALLOCATION_BYTES + Goals.ALLOCATION_NOISE_BYTES;
            allOk &= ok;
            md.append(ok ? "met" : "**missed** by " + bytes(r.allocBytes() - Goals.ALLOCATION_BYTES) + " B per call")
                    .append(" |\n");
        }
        md.append('\n');
        return allOk;
    }

    /** A "met" measured mostly on refusals proves little: say so. */
    private String caveat(Result r) {
        return GoalTable.caveat(suite.acceptedShare(r));
    }

    private String throughputRatio(String fast, String slow) {
        Optional<Result> f = suite.canonical(fast, THROUGHPUT, THREADS);
        Optional<Result> s = suite.canonical(slow, THROUGHPUT, THREADS);
        return f.isPresent() && s.isPresent() ? times(f.get().opsPerSecond() / s.get().opsPerSecond())
                : Formats.MISSING;
    }

    private String timeRatioFromThroughput(String ours, String theirs) {
        Optional<Result> o = suite.canonical(ours, THROUGHPUT, THREADS);
        Optional<Result> t = suite.canonical(theirs, THROUGHPUT, THREADS);
        return o.isPresent() && t.isPresent() ? ratio(t.get().opsPerSecond() / o.get().opsPerSecond())
                : Formats.MISSING;
    }
}
