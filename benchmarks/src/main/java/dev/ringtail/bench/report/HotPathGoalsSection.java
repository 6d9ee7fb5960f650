package dev.ringtail.bench.report;

import dev.ringtail.bench.DemoSummary;
import dev.ringtail.internal.ring.PipelineBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * The section after the Goals: one table of the goals the call and the sink are held to (the
 * {@link Goals}), the call's rows from {@link CallGoals} and the sink's from {@link SinkGoals},
 * then, for each family of goals the run missed, the {@link Diagnosis} of where the time goes.
 */
final class HotPathGoalsSection extends Section {
    static final String TITLE = "## Goals: the call at the floor, and a sink that keeps up";
    static final String WHERE_THE_TIME_GOES = "### Where the time goes";

    private final Optional<DemoSummary> burst;

    /** @param burst the demo's summary of its burst run, if the run made one */
    HotPathGoalsSection(SuiteResults suite, Optional<DemoSummary> burst, StringBuilder md) {
        super(suite, md);
        this.burst = burst;
    }

    @Override
    void write() {
        md.append(TITLE).append("\n\n");
        md.append(String.format(Locale.ROOT, "ringtail's row is the one the Goals section judges (one argument, no"
                + " context, the default consumer wait and ring of %,d), JMH SampleTime. _accepted_: the goals are for"
                + " calls the ring takes; the tables give each row's accepted share, and a goal met mostly on (cheaper)"
                + " refusals is marked not conclusive. The peers' rows are at one thread. End to end is events per"
                + " second from the log call to the 202; the bursts come from the demo's summary (`report"
                + " --burst`).\n\n", PipelineBuilder.DEFAULT_RING_SIZE));
        GoalTable table = new GoalTable(md);
        new CallGoals(suite, table).write();
        new SinkGoals(suite, burst, table).write();
        md.append('\n');
        if (!table.missedFamilies().isEmpty()) {
            md.append(WHERE_THE_TIME_GOES).append("\n\n");
            for (String family : table.missedFamilies()) {
                md.append(Diagnosis.TEXT.get(family)).append("\n\n");
            }
        }
    }
}
