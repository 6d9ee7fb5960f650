package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.sink.BufferPool;
import dev.ringtail.internal.stats.SinkCounters;

/**
 * The one place that decides what becomes of events an HTTP sink could not deliver now, as
 * opposed to events the endpoint refused for good: the endpoint is down or answers a transient
 * status, or the close deadline came with batches still out. Without a disk spool (or while
 * another process owns its directory) they are retried in memory up to {@code maxAttempts} and
 * then counted failed, with one line; at the close deadline, counted failed. With a spool they go
 * to disk instead ({@link SpoolRoute}), for every protocol at once: at the first transient
 * failure, for every batch while the sink is spooling, and at the close deadline, in the order
 * the batches were sealed.
 */
final class Undelivered {
    private final String name;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private final SpoolRoute route; // null without a spool

    Undelivered(String name, SinkCounters counters, Diagnostics diagnostics, SpoolRoute route) {
        this.name = name;
        this.counters = counters;
        this.diagnostics = diagnostics;
        this.route = route;
    }

    /** What a sender writes spool records with, or null without a spool. */
    SpoolRoute.Writer writer() {
        return route == null ? null : route.writer();
    }

    /** Before a live attempt at {@code [from, to)}: true if the sink is spooling and the range went to the spool. */
    boolean whileSpooling(Batch batch, int from, int to, SpoolRoute.Writer writer) {
        return route != null && route.whileSpooling(batch, from, to, writer);
    }

    /** After a transient failure: true if the range went to the spool rather than being retried in memory. */
    boolean cannotDeliverNow(Batch batch, int from, int to, SpoolRoute.Writer writer) {
        return route != null && route.afterFailure(batch, from, to, writer);
    }

    /** Retries used up on events {@code [from, to)} of a batch; {@code problem} says what the last attempt met. */
    void retriesExhausted(Batch batch, int from, int to, int attempts, String problem) {
        batch.settle(from, to, false, counters);
        diagnostics.rateLimited(name + "-gave-up", name + ": gave up on " + batch.countedEvents(from, to) + " events after "
                + attempts + " attempts, last: " + problem);
    }

    /**
     * The close deadline passed with batches still out. With the spool's directory held, their
     * unsettled events go to the spool, batch by batch in the order they were sealed; whatever a
     * sender settles later is ignored (a request that still succeeds makes a duplicate at the next
     * replay: at-least-once). Otherwise, and for what the spool could not take, counted failed.
     * Returns how many events were counted failed.
     */
    int closeDeadlinePassed(BufferPool<Batch> pool, Sequencer sequencer) {
        if (route == null || !route.held()) {
            return pool.abandonAll(counters);
        }
        SpoolRoute.Writer writer = route.writer();
        int spooled = 0;
        // An interrupt (the pipeline gave up waiting) would close the store's channels under the
        // writes: cleared for them, and raised again after.
        boolean interrupted = Thread.interrupted();
        try {
            for (Batch batch : sequencer.outstanding()) {
                spooled += batch.keepRest(writer, counters);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        int lost = (int) writer.failed() + pool.abandonAll(counters); // abandonAll: only what no ticket covered
        if (spooled > lost) {
            diagnostics.line(name + ": close deadline passed with " + (spooled - writer.failed())
                    + " events still out; written to the spool for the next start");
        }
        return lost;
    }
}
