package dev.ringtail.internal.http;

import dev.ringtail.internal.stats.SinkCounters;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The fixed set of batch objects an HTTP sink owns: the in-flight ones plus the one being built.
 * Memory is bounded by construction: when every batch is out, the consumer waits here for one to
 * come back, the ring fills, and producers drop, counted (no queue grows anywhere). One monitor
 * guards the free list, the count of batches out, and the waits on both.
 */
final class BatchPool {
    private final Batch[] batches;
    private final ArrayDeque<Batch> free;
    private int held;
    private int heldHighWater;
    private boolean waiting;

    BatchPool(int size, int initialBytes, int retainedBytes) {
        this.batches = new Batch[size];
        this.free = new ArrayDeque<>(size);
        for (int i = 0; i < size; i++) {
            batches[i] = new Batch(initialBytes, retainedBytes);
            free.add(batches[i]);
        }
    }

    /** A free batch, waiting for one to come back if all are out; null if interrupted. */
    synchronized Batch acquire() {
        try {
            while (free.isEmpty()) {
                waiting = true;
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            waiting = false;
        }
        held++;
        heldHighWater = Math.max(heldHighWater, held);
        return free.poll();
    }

    /** Takes back a batch its sender is done with (or one never sent), emptied for reuse. */
    synchronized void release(Batch batch) {
        batch.clear();
        free.add(batch);
        held--;
        notifyAll();
    }

    /** Waits until every batch is back; false if the deadline ({@code System.nanoTime}) passed or we were interrupted. */
    synchronized boolean awaitAllReturned(long deadlineNanos) {
        while (held > 0) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Counts every unsettled event of every batch failed (see {@link Batch#abandon}); returns how many. */
    int abandonAll(SinkCounters counters) {
        int lost = 0;
        for (Batch batch : batches) {
            lost += batch.abandon(counters);
        }
        return lost;
    }

    /** Batches out now: being built, waiting for a sender, or being sent or retried. */
    synchronized int held() {
        return held;
    }

    /** The most batches ever out at once; never more than {@link #size()}. */
    synchronized int heldHighWater() {
        return heldHighWater;
    }

    /** True while the consumer waits in {@link #acquire()}. */
    synchronized boolean waiting() {
        return waiting;
    }

    int size() {
        return batches.length;
    }
}
