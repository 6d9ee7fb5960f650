package dev.ringtail.internal.sink;

import dev.ringtail.internal.stats.SinkCounters;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The fixed set of buffers a sink owns (the HTTP sink's batches, the console's chunks): the ones
 * its I/O thread is writing plus the one being filled. Memory is bounded by construction. When
 * every buffer is out, the consumer waits here for one to come back, but only while its sink is
 * not far behind the ring: past that it is given nothing, sheds the event (counted failed for
 * this sink alone) and so never holds up the ring that every other sink reads. One monitor
 * guards the free list, the count of buffers out, and the waits on both.
 *
 * @param <B> the buffer type
 */
public final class BufferPool<B extends BufferPool.Buffer> {
    /** How often a waiting consumer looks again at how far behind it is. */
    static final long WAIT_SLICE_MILLIS = 5;

    /** A reusable buffer whose events are counted once, delivered or failed. */
    public interface Buffer {
        /** Empties it for reuse. */
        void clear();

        /** Counts every event not yet settled as failed, and ignores later settlements; returns how many. */
        int abandon(SinkCounters counters);
    }

    private final List<B> buffers;
    private final ArrayDeque<B> free;
    private int held;
    private int heldHighWater;
    private boolean waiting;

    public BufferPool(List<B> buffers) {
        this.buffers = List.copyOf(buffers);
        this.free = new ArrayDeque<>(buffers);
    }

    /**
     * A free buffer, waiting for one to come back while all are out and {@code farBehind} says
     * no; null if it says yes (shed this event) or the thread was interrupted.
     */
    public synchronized B acquire(BooleanSupplier farBehind) {
        try {
            while (free.isEmpty()) {
                if (farBehind.getAsBoolean()) {
                    return null;
                }
                waiting = true;
                wait(WAIT_SLICE_MILLIS);
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

    /** Takes back a buffer its writer is done with (or one never written), emptied for reuse. */
    public synchronized void release(B buffer) {
        buffer.clear();
        free.add(buffer);
        held--;
        notifyAll();
    }

    /** Waits until every buffer is back; false if the deadline ({@code System.nanoTime}) passed or we were interrupted. */
    public synchronized boolean awaitAllReturned(long deadlineNanos) {
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

    /** Counts every unsettled event of every buffer failed; returns how many. */
    public int abandonAll(SinkCounters counters) {
        int lost = 0;
        for (B buffer : buffers) {
            lost += buffer.abandon(counters);
        }
        return lost;
    }

    /** Buffers out now: being filled, waiting for the writer, or being written. */
    public synchronized int held() {
        return held;
    }

    /** The most buffers ever out at once; never more than {@link #size()}. */
    public synchronized int heldHighWater() {
        return heldHighWater;
    }

    /** True while the consumer waits in {@link #acquire}. */
    public synchronized boolean waiting() {
        return waiting;
    }

    public int size() {
        return buffers.size();
    }
}
