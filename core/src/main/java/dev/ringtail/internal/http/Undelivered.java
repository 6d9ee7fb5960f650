package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.sink.BufferPool;
import dev.ringtail.internal.stats.SinkCounters;

/**
 * The one place that decides what becomes of events an HTTP sink could not deliver now, as
 * opposed to events the endpoint refused for good: the endpoint stayed down or kept answering a
 * transient status until the retries were used up, or the close deadline came with batches still
 * out. Today such events are counted failed, with one line; a disk spool will keep them here
 * instead, for every protocol at once.
 */
final class Undelivered {
    private final String name;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;

    Undelivered(String name, SinkCounters counters, Diagnostics diagnostics) {
        this.name = name;
        this.counters = counters;
        this.diagnostics = diagnostics;
    }

    /** Retries used up on events {@code [from, to)} of a batch; {@code problem} says what the last attempt met. */
    void retriesExhausted(Batch batch, int from, int to, int attempts, String problem) {
        batch.settle(from, to, false, counters);
        diagnostics.rateLimited(name + "-gave-up", name + ": gave up on " + batch.countedEvents(from, to) + " events after "
                + attempts + " attempts, last: " + problem);
    }

    /** The close deadline passed: every event of every batch still out; returns how many. */
    int closeDeadlinePassed(BufferPool<Batch> pool) {
        return pool.abandonAll(counters);
    }
}
