package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One sender thread of an HTTP sink, whatever its protocol: takes a sealed batch, sends it
 * ({@link Delivery}), and hands the batch back. Without a disk spool a transient failure is
 * retried in memory with backoff, up to {@code maxAttempts}; a batch being retried keeps its
 * sender, so it counts against {@code maxInFlight} and the consumer waits instead of piling up
 * batches. With a spool the first transient failure sends the batch to disk at once, and so does
 * every batch taken while the sink is spooling ({@link Undelivered}): holding senders for a
 * minute of retries is what would make the consumer shed or the ring fill.
 */
final class Sender implements Runnable, Delivery.Policy {
    private final BlockingQueue<Batch> ready;
    private final Consumer<Batch> recycle;
    private final Sequencer sequencer;
    private final Protocol protocol;
    private final Settings settings;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private final Undelivered undelivered;
    private final CountDownLatch stop;
    private final Delivery delivery;
    private final SpoolRoute.Writer writer; // null without a spool

    /** What every sender of a sink shares and never changes. */
    record Settings(boolean gzip, int gzipLevel, int maxAttempts, Backoff backoff) {
    }

    /** The sink a sender works for: its queue, protocol, counters and where undeliverable events go. */
    record Owner(BlockingQueue<Batch> ready, Consumer<Batch> recycle, Sequencer sequencer, Protocol protocol,
                 SinkCounters counters, Diagnostics diagnostics, Undelivered undelivered, CountDownLatch stop) {
    }

    Sender(Owner owner, Transport transport, Settings settings) {
        this.ready = owner.ready();
        this.recycle = owner.recycle();
        this.sequencer = owner.sequencer();
        this.protocol = owner.protocol();
        this.counters = owner.counters();
        this.diagnostics = owner.diagnostics();
        this.undelivered = owner.undelivered();
        this.stop = owner.stop();
        this.settings = settings;
        this.delivery = new Delivery(transport, protocol, settings.gzip(), settings.gzipLevel(), counters, counters, diagnostics);
        this.writer = undelivered.writer();
    }

    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                Batch batch = ready.take();
                try {
                    delivery.send(batch, 0, batch.count(), this);
                } catch (Throwable t) {
                    int lost = batch.abandon(counters);
                    diagnostics.rateLimited(protocol.name() + "-send-threw", protocol.name() + ": " + lost
                            + " events failed, sending threw " + t);
                } finally {
                    sequencer.resolve(batch.ticket()); // exactly once per batch taken, whatever happened
                    recycle.accept(batch);
                }
            }
        } catch (InterruptedException e) {
            // close() stops senders by interrupting them
        } finally {
            delivery.end();
        }
    }

    @Override
    public boolean divert(Batch batch, int from, int to) {
        return undelivered.whileSpooling(batch, from, to, writer);
    }

    @Override
    public boolean again(Batch batch, int from, int to, int attempt, Answer answer, String problem) {
        if (undelivered.cannotDeliverNow(batch, from, to, writer)) {
            return false;
        }
        if (attempt >= settings.maxAttempts()) {
            undelivered.retriesExhausted(batch, from, to, attempt, problem);
            return false;
        }
        return pause(settings.backoff().delayNanos(attempt, answer == null ? null : answer.retryAfter()));
    }

    /** Waits, unless the sink is closing; false if it is (close() counts what is left). */
    private boolean pause(long nanos) {
        try {
            return !stop.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
