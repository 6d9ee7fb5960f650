package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.spool.Spool;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.concurrent.TimeUnit;

/**
 * Whether an HTTP sink's batches go to the endpoint or to its disk spool, and the order in which
 * they reach the spool.
 *
 * <p>The sink is <i>spooling</i> from the first transient failure of a live batch (or from the
 * start, if an earlier process left events on disk) until the replay thread finds the spool
 * empty. While it is spooling, every batch a sender takes goes to the spool instead of the
 * endpoint. Appends run on the senders, never on the consumer, so a slow or full disk holds up
 * the senders (and, through the fixed pool of batches, at worst makes the consumer shed), never
 * the ring. Each append waits for its turn in the {@link Sequencer}: the spool gets the batches in
 * the order they were sealed.
 *
 * <p>One monitor guards the decision. Senders register an append under it before they wait for
 * their turn; the replay thread leaves spooling mode under it, and only if no append is waiting or
 * under way and the spool is empty, so a batch routed to the spool is never overtaken by a later
 * live one. What remains: batches already in flight live when an outage begins may be delivered
 * ahead of an earlier one that failed and was spooled (at most {@code maxInFlight} of them), as
 * two concurrent requests already can be.
 */
final class SpoolRoute {
    private final SinkSpool spool;
    private final Sequencer sequencer;
    private final SinkCounters counters;
    private final String name;
    private final Diagnostics diagnostics;
    private final String format;
    // guarded by this
    private boolean spooling;
    private int appending;
    private long appended;
    private boolean stopped;

    SpoolRoute(SinkSpool spool, Sequencer sequencer, String format, SinkCounters counters, String name,
               Diagnostics diagnostics) {
        this.spool = spool;
        this.sequencer = sequencer;
        this.format = format;
        this.counters = counters;
        this.name = name;
        this.diagnostics = diagnostics;
    }

    /** A sender's way of writing batches to the spool: it owns the buffer a record is encoded into. */
    Writer writer() {
        return new Writer();
    }

    /**
     * Takes the spool's directory (at start, or later from the replay thread) and, if it holds
     * events, starts spooling: new batches queue behind what an earlier process left.
     */
    boolean take(boolean first) {
        boolean held = first ? spool.open() : spool.tryTakeOver();
        if (held) {
            synchronized (this) {
                Spool store = spool.spool();
                if (store != null && store.events() > 0) {
                    spooling = true;
                }
            }
        }
        return held;
    }

    /** Before a sender sends {@code [from, to)}: if the sink is spooling, spools it instead and returns true. */
    boolean whileSpooling(Batch batch, int from, int to, Writer writer) {
        synchronized (this) {
            if (!spooling || !spool.held()) {
                return false;
            }
            appending++;
        }
        append(batch, from, to, writer);
        return true;
    }

    /** After a live range failed transiently: with the directory held, spools it, starts spooling and returns true. */
    boolean afterFailure(Batch batch, int from, int to, Writer writer) {
        synchronized (this) {
            if (!spool.held()) {
                return false; // another process owns the directory: retried in memory, as without a spool
            }
            spooling = true;
            appending++;
        }
        append(batch, from, to, writer);
        return true;
    }

    private void append(Batch batch, int from, int to, Writer writer) {
        try {
            if (sequencer.awaitTurn(batch.ticket())) {
                batch.keep(from, to, writer, counters);
            } // interrupted: the sink is closing, and close spools what is still out
        } finally {
            synchronized (this) {
                appending--;
                appended++;
                notifyAll();
            }
        }
    }

    /**
     * The replay thread found the spool empty: stops spooling unless an append is waiting or
     * under way (or landed since). Returns true if the sink now sends live.
     */
    synchronized boolean leaveIfDrained() {
        Spool store = spool.spool();
        if (spooling && appending == 0 && (store == null || store.peek() == null)) {
            spooling = false;
        }
        return !spooling;
    }

    /** True while this process owns the spool's directory. */
    boolean held() {
        return spool.held();
    }

    synchronized boolean spooling() {
        return spooling;
    }

    /** Appends finished so far: the replay thread waits for this to move. */
    synchronized long appended() {
        return appended;
    }

    /** Waits until an append finishes after {@code seen}, the route stops, or {@code nanos} pass. */
    synchronized void awaitAppend(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(nanos, TimeUnit.DAYS.toNanos(1));
        while (appended == seen && !stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until the route stops or {@code nanos} pass; true if it stopped. */
    synchronized boolean awaitStop(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (!stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The sink is closing: the replay thread ends its waits. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** Encodes a range as a spool record and appends it; one per thread that spools. */
    final class Writer implements Batch.Keeper {
        private final SpooledBatch codec = new SpooledBatch(format);
        private long failed;

        @Override
        public boolean keep(Batch batch, int from, int to, int[] perLevel) {
            OutputBuffer record = codec.encode(batch, from, to);
            if (spool.append(record.array(), record.size(), perLevel)) {
                return true;
            }
            int events = batch.countedEvents(from, to);
            failed += events;
            diagnostics.rateLimited(name + "-spool-write", name + ": could not write " + events
                    + " events to the spool (counted failed)");
            return false;
        }

        /** Events this writer could not write, so far. */
        long failed() {
            return failed;
        }
    }
}
