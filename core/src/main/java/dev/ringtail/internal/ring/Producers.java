package dev.ringtail.internal.ring;

import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.stats.ThreadCounts;

/**
 * Each application thread's {@link Producer} for one pipeline, and the accepted counts their cells
 * add up to. The state a thread used last is cached in its {@code Depth}, so the common call pays
 * no second thread-local lookup; a thread that logs into another pipeline (only tests, benchmarks
 * and a Spring rebuild run several) finds its own state for each.
 */
final class Producers {
    private final ThreadCounts accepted = new ThreadCounts();
    private final MemoryBudget budget;
    private final ThreadLocal<Producer> states;

    Producers(int maxChars, int maxFieldChars, MemoryBudget budget) {
        this.budget = budget;
        this.states = ThreadLocal.withInitial(() -> new Producer(new LogEvent(maxChars, maxFieldChars, budget),
                accepted.newCell(Thread.currentThread())));
    }

    /** The calling thread's state for this pipeline. */
    Producer current(RecursionGuard.Depth depth) {
        Object last = depth.scratch;
        if (last instanceof Producer && ((Producer) last).belongsTo(budget)) {
            return (Producer) last;
        }
        Producer mine = states.get();
        depth.scratch = mine;
        return mine;
    }

    /** Accepted events per level, indexed by {@code Level.ordinal()}. */
    long[] acceptedSums() {
        return accepted.sums();
    }
}
