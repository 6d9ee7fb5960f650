package dev.ringtail.internal.ring;

import dev.ringtail.internal.stats.ThreadCounts;

/**
 * What one application thread keeps for one pipeline: the event it captures into before it claims
 * a slot, and the cell it counts its accepted events in. Touched by that thread only.
 */
final class Producer {
    final LogEvent event;
    final ThreadCounts.Cell accepted;

    Producer(LogEvent event, ThreadCounts.Cell accepted) {
        this.event = event;
        this.accepted = accepted;
    }

    /** True if this is the state for the pipeline that owns {@code budget}. */
    boolean belongsTo(MemoryBudget budget) {
        return event.budget() == budget;
    }
}
