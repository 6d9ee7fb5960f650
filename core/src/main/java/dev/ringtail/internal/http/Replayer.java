package dev.ringtail.internal.http;

import dev.ringtail.Level;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.spool.Spool;
import dev.ringtail.internal.stats.Outcomes;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The replay thread of one HTTP sink's disk spool ({@code ringtail-spool-<sink>-1}): sends what
 * is on disk, oldest first, one record at a time, and removes each once it is settled.
 *
 * <p>A record is read back into a batch of its own (not one of the sink's pool, so live capacity
 * is unchanged) and goes through the same {@link Delivery} as a live batch: framing, gzip, 413
 * splits, the protocol's verdicts. A transient failure is retried without limit, with backoff
 * capped at {@code maxBackoff}, until the endpoint takes it or the sink closes; the record stays
 * first meanwhile, which keeps the order. Its events are counted only once the spool has let go
 * of it ({@link Spool#remove} true): delivered if this process spooled them, {@code Replayed} if an
 * earlier one did; failed if the endpoint refused them for good. If the spool had already deleted
 * the record (full), it had counted the events failed, and nothing more is counted.
 *
 * <p>The thread also takes the directory over when another owner lets go (at most once a second)
 * and syncs the spool about once a second while it is being written or replayed ({@link SinkSpool}). It never
 * waits on anything but the route's monitor and the transport, and a close ends it through
 * {@link SpoolRoute#stop} rather than an interrupt, so an interrupt never lands in the store's
 * file I/O.
 */
final class Replayer implements Runnable, Delivery.Policy {
    /** How often a sink running without its spool tries to take the directory over. */
    static final long TAKE_OVER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long close waits for the thread after the transport was aborted under it. */
    static final long FINISH_MILLIS = 500;

    private final String name;
    private final Protocol protocol;
    private final SinkSpool spool;
    private final SpoolRoute route;
    private final SpooledBatch codec;
    private final Batch batch;
    private final Tally tally = new Tally();
    private final Backoff backoff;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private Delivery delivery;
    private Thread thread;

    private Replayer(Protocol protocol, HttpSettings settings, Sequencer sequencer, Backoff backoff,
                     SinkCounters counters) {
        this.name = protocol.name();
        this.protocol = protocol;
        this.diagnostics = settings.diagnostics();
        this.spool = new SinkSpool(name, settings.spool(), counters, diagnostics);
        String format = SpooledBatch.formatOf(protocol);
        this.route = new SpoolRoute(spool, sequencer, format, counters, name, diagnostics);
        this.codec = new SpooledBatch(format);
        this.batch = new Batch(Math.min(settings.maxBytes(), HttpSink.INITIAL_BATCH_BYTES), settings.maxBytes());
        this.backoff = backoff;
        this.counters = counters;
    }

    /** The spool's side of a sink configured with one ({@link HttpSettings#spool()}), or null without. */
    static Replayer of(Protocol protocol, HttpSettings settings, Sequencer sequencer, Backoff backoff,
                       SinkCounters counters) {
        return settings.spool() == null ? null : new Replayer(protocol, settings, sequencer, backoff, counters);
    }

    /** Where the senders' batches go while the sink is spooling. */
    SpoolRoute route() {
        return route;
    }

    /**
     * Takes the spool's directory (on the pipeline thread that starts the sink, before its first
     * batch, so that events found there go first) and starts the thread, which sends through
     * {@code transport}.
     */
    void start(Transport transport, boolean gzip, int gzipLevel) {
        route.take(true);
        delivery = new Delivery(transport, protocol, gzip, gzipLevel, counters, tally, diagnostics);
        thread = RecursionGuard.pipelineThreads("ringtail-spool-" + name).newThread(this);
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (!route.stopped()) {
                if (!spool.held()) {
                    if (spool.givenUp()) {
                        return;
                    }
                    if (!route.take(false)) {
                        route.awaitStop(TAKE_OVER_NANOS);
                        continue;
                    }
                }
                spool.syncIfDue();
                long seen = route.appended();
                Spool store = spool.spool();
                Spool.Record record = store == null ? null : store.peek();
                if (record == null) {
                    // drained: leave spooling mode, then sleep until an append, a due sync, or close
                    route.awaitAppend(seen, route.leaveIfDrained() ? spool.nanosUntilSync() : TAKE_OVER_NANOS);
                } else {
                    replay(record);
                }
            }
        } catch (InterruptedException e) {
            // not how a close ends this thread (see stop), but an end all the same
        } finally {
            delivery.end();
        }
    }

    private void replay(Spool.Record record) {
        try {
            codec.decode(record.bytes(), batch);
        } catch (IllegalArgumentException e) {
            if (spool.remove(record)) {
                counters.failed(record.perLevel());
            }
            diagnostics.rateLimited(name + "-spool-unreadable", name + ": a spool record could not be read back ("
                    + e.getMessage() + "); its " + Arrays.stream(record.perLevel()).sum() + " events are counted failed");
            return;
        }
        tally.clear();
        try {
            delivery.send(batch, 0, batch.count(), this);
        } catch (Throwable t) {
            // as a sender abandons a batch whose sending threw: a record that always throws must not
            // stop the replay, and so every later batch, for good
            if (spool.remove(record)) {
                counters.failed(record.perLevel());
            }
            diagnostics.rateLimited(name + "-replay-threw", name + ": " + Arrays.stream(record.perLevel()).sum()
                    + " spooled events failed, replaying them threw " + t);
            batch.clear();
            return;
        }
        if (!batch.isSettled()) {
            return; // closing: the record stays on disk for the next start, whole (at-least-once)
        }
        if (spool.remove(record)) {
            tally.countInto(counters, record.earlier());
        }
        batch.clear(); // let go of the logger names
    }

    @Override
    public boolean divert(Batch replayed, int from, int to) {
        return false;
    }

    /** Retries without limit: waits the backoff (syncing meanwhile), unless the sink closes. */
    @Override
    public boolean again(Batch replayed, int from, int to, int attempt, Answer answer, String problem) {
        long until = System.nanoTime() + backoff.delayNanos(attempt, answer == null ? null : answer.retryAfter());
        try {
            for (long left; (left = until - System.nanoTime()) > 0; ) {
                if (route.awaitStop(Math.min(left, spool.nanosUntilSync()))) {
                    return false;
                }
                spool.syncIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !route.stopped();
    }

    /** Tells the thread to end and waits for it until {@code deadlineNanos}; true if it ended. */
    boolean stop(long deadlineNanos) {
        route.stop();
        return join(deadlineNanos);
    }

    /**
     * After the transport was closed (aborting a request the thread was still in): waits a little
     * more for the thread, then syncs and closes the spool. The closing thread's interrupt (the
     * pipeline gave up waiting) is cleared for the store's file I/O and raised again after.
     */
    void finish() {
        boolean interrupted = Thread.interrupted();
        try {
            join(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FINISH_MILLIS));
            spool.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean join(long deadlineNanos) {
        Thread running = thread;
        if (running == null) {
            return true;
        }
        boolean interrupted = Thread.interrupted(); // a close must still wait for the thread, however briefly
        try {
            for (long left; running.isAlive() && (left = deadlineNanos - System.nanoTime()) > 0; ) {
                try {
                    TimeUnit.NANOSECONDS.timedJoin(running, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !running.isAlive();
    }

    /** What one replayed record came to, held back until the spool has let go of the record. */
    private static final class Tally implements Outcomes {
        private final int[] delivered = new int[Level.count()];
        private final int[] failed = new int[Level.count()];

        @Override
        public void delivered(int[] perLevel) {
            add(delivered, perLevel);
        }

        @Override
        public void failed(int[] perLevel) {
            add(failed, perLevel);
        }

        void clear() {
            Arrays.fill(delivered, 0);
            Arrays.fill(failed, 0);
        }

        void countInto(SinkCounters counters, boolean earlier) {
            if (earlier) {
                counters.replayed(delivered);
            } else {
                counters.delivered(delivered);
            }
            counters.failed(failed);
        }

        private static void add(int[] into, int[] perLevel) {
            for (int i = 0; i < into.length; i++) {
                into[i] += perLevel[i];
            }
        }
    }
}
