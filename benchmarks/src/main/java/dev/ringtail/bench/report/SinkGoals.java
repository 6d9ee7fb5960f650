package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.Formats.rate;
import static dev.ringtail.bench.report.Formats.times;

import dev.ringtail.bench.DemoSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rows of the sink's goals: end to end in events per second (JMH), bursts without drops (the
 * demo's summary file), and idle behaviour, which tests check and no benchmark measures.
 */
final class SinkGoals {
    /** The tests that check the idle goals; the table names them. */
    static final String IDLE_CPU_TEST = "WaitStrategyTest.anIdleDefaultConsumerUsesUnderOnePercentOfACore";
    static final String LONE_EVENT_TEST = "BetterStackSinkTest.aLoneEventAfterAnIdleSpellArrivesWithinFlushMillisPlus100";

    private final SuiteResults suite;
    private final Optional<DemoSummary> burst;
    private final GoalTable table;

    SinkGoals(SuiteResults suite, Optional<DemoSummary> burst, GoalTable table) {
        this.suite = suite;
        this.burst = burst;
        this.table = table;
    }

    void write() {
        endToEnd();
        bursts();
        idle();
    }

    private void endToEnd() {
        double ringtail = suite.ringtailEndToEnd().map(Result::eventsPerSecond).orElse(Double.NaN);
        table.atLeast(Diagnosis.END_TO_END, "end to end, ringtail with gzip (level " + SuiteResults.DEFAULT_GZIP_LEVEL
                        + "): >= " + eventsPerSecond(Goals.END_TO_END_EVENTS_PER_SECOND), ringtail,
                Goals.END_TO_END_EVENTS_PER_SECOND, SinkGoals::eventsPerSecond);
        String goal = "end to end: ringtail >= " + times(Goals.END_TO_END_LOGTAIL_MULTIPLE)
                + " logback-logtail's events/s, same run";
        double logtail = suite.canonical(SuiteResults.LOGTAIL_END_TO_END, SuiteResults.THROUGHPUT, 1)
                .map(Result::eventsPerSecond).orElse(Double.NaN);
        if (Double.isNaN(ringtail) || Double.isNaN(logtail)) {
            table.notMeasured(goal);
            return;
        }
        double needed = Goals.END_TO_END_LOGTAIL_MULTIPLE * logtail;
        table.judged(Diagnosis.END_TO_END, goal, times(ringtail / logtail) + " (" + rate(ringtail) + " against "
                        + eventsPerSecond(logtail) + ")", ringtail >= needed, "",
                "short by " + eventsPerSecond(needed - ringtail) + " (the goal needs " + rate(needed) + ")");
    }

    private static String eventsPerSecond(double perSecond) {
        return rate(perSecond) + " events/s";
    }

    /** Met when the demo's run at the goal's load dropped nothing and the sink shed nothing. */
    private void bursts() {
        String goal = String.format(Locale.ROOT, "an application offering %,d events/s in bursts of %,d drops nothing",
                Goals.BURST_RATE, Goals.BURST_SIZE);
        if (burst.isEmpty()) {
            table.notMeasured(goal);
            return;
        }
        DemoSummary s = burst.get();
        OptionalLong rate = s.get(DemoSummary.RATE);
        OptionalLong size = s.get(DemoSummary.BURST);
        OptionalLong events = s.get(DemoSummary.EVENTS);
        OptionalLong dropped = s.get(DemoSummary.DROPPED);
        OptionalLong failed = s.get(DemoSummary.FAILED);
        if (rate.isEmpty() || size.isEmpty() || events.isEmpty() || dropped.isEmpty() || failed.isEmpty()) {
            table.notMeasured(goal);
            return;
        }
        if (rate.getAsLong() != Goals.BURST_RATE || size.getAsLong() != Goals.BURST_SIZE) {
            table.row(goal, String.format(Locale.ROOT, "-, the demo ran %,d events/s in bursts of %,d",
                    rate.getAsLong(), size.getAsLong()), GoalTable.NOT_MEASURED);
            return;
        }
        long n = events.getAsLong();
        String measured = String.format(Locale.ROOT, "%,d events, %s: %,d dropped, %,d failed", n,
                threads(s.get(DemoSummary.THREADS)), dropped.getAsLong(), failed.getAsLong());
        List<String> lost = new ArrayList<>();
        if (dropped.getAsLong() > Goals.BURST_DROPS) {
            lost.add(String.format(Locale.ROOT, "%,d dropped (%s)", dropped.getAsLong(), share(dropped, n)));
        }
        if (failed.getAsLong() > Goals.BURST_DROPS) {
            lost.add(String.format(Locale.ROOT, "%,d failed (%s)", failed.getAsLong(), share(failed, n)));
        }
        table.judged(Diagnosis.BURSTS, goal, measured, lost.isEmpty(), "", String.join(", ", lost));
    }

    private static String threads(OptionalLong threads) {
        if (threads.isEmpty()) {
            return "threads not recorded";
        }
        return threads.getAsLong() == 1 ? "1 thread" : threads.getAsLong() + " threads";
    }

    /** A share of the events: "10.9%", or two digits under 1% ("0.033%"), so a few drops never read as none. */
    private static String share(OptionalLong part, long whole) {
        if (whole == 0) {
            return Formats.MISSING;
        }
        double percent = 100.0 * part.getAsLong() / whole;
        return String.format(Locale.ROOT, percent < 1 ? "%.2g%%" : "%.1f%%", percent);
    }

    private void idle() {
        table.row(String.format(Locale.ROOT, "an idle pipeline uses under %.0f %% of a core",
                        100 * Goals.IDLE_CORE_SHARE), "checked by a test: `" + IDLE_CPU_TEST + "`", GoalTable.TESTED);
        table.row("a lone event is delivered within flushMillis + " + Goals.LONE_EVENT_SLACK_MILLIS + " ms",
                "checked by a test: `" + LONE_EVENT_TEST + "`", GoalTable.TESTED);
    }
}
