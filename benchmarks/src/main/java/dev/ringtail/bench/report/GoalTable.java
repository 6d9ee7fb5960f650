package dev.ringtail.bench.report;

import static dev.ringtail.bench.report.Formats.percent;
import static dev.ringtail.bench.report.Formats.times;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * A table of goals, {@code | goal | measured | verdict |}, one row per goal: met, missed by how
 * much, not measured in this run, or a row that has no verdict. It remembers which families of
 * goals (the {@link Diagnosis} keys) had a miss, so the section explains those and no others.
 */
final class GoalTable {
    static final String MET = "met";
    static final String MISSED = "**missed**: ";
    static final String NOT_MEASURED = "not measured in this run";
    static final String FOR_REFERENCE = "for reference";
    static final String TESTED = "tested, not benchmarked";

    private final StringBuilder md;
    private final Set<String> missedFamilies = new LinkedHashSet<>();

    GoalTable(StringBuilder md) {
        this.md = md;
        md.append("| goal | measured | verdict |\n|---|---|---|\n");
    }

    void row(String goal, String measured, String verdict) {
        md.append("| ").append(goal).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }

    /** A goal met, with a note such as {@link #caveat} (or ""), or missed {@code byHowMuch}, a miss of its family. */
    void judged(String family, String goal, String measured, boolean met, String metNote, String byHowMuch) {
        if (!met) {
            missedFamilies.add(family);
        }
        row(goal, measured, met ? MET + metNote : MISSED + byHowMuch);
    }

    void notMeasured(String goal) {
        row(goal, Formats.MISSING, NOT_MEASURED);
    }

    /** A figure that must stay at or under {@code bound}; NaN is not measured. */
    void atMost(String family, String goal, double value, double bound, DoubleFunction<String> format, String metNote) {
        if (Double.isNaN(value)) {
            notMeasured(goal);
            return;
        }
        judged(family, goal, format.apply(value), value <= bound, metNote,
                "by " + format.apply(value - bound) + ", " + times(value / bound) + " the goal");
    }

    /** A figure that must reach {@code bound}; NaN is not measured. */
    void atLeast(String family, String goal, double value, double bound, DoubleFunction<String> format) {
        if (Double.isNaN(value)) {
            notMeasured(goal);
            return;
        }
        judged(family, goal, format.apply(value), value >= bound, "",
                "short by " + format.apply(bound - value) + ", " + percent(value / bound) + " of the goal");
    }

    /** The families with a missed goal, in the order of their first miss. */
    Set<String> missedFamilies() {
        return missedFamilies;
    }

    /**
     * What a "met" measured mostly on refusals is worth: a note for the verdict, or "" when the
     * share is unknown or high enough ({@link Goals#CONCLUSIVE_ACCEPTED_SHARE}).
     */
    static String caveat(double acceptedShare) {
        if (Double.isNaN(acceptedShare) || acceptedShare >= Goals.CONCLUSIVE_ACCEPTED_SHARE) {
            return "";
        }
        return String.format(Locale.ROOT,
                " (not conclusive: only %.0f%% of ringtail's calls were accepted, the rest were cheaper refusals)",
                100 * acceptedShare);
    }
}
