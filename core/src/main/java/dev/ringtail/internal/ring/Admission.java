package dev.ringtail.internal.ring;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.ringtail.Level;

/**
 * Which events the ring takes: at most {@code ringSize} pending events, and TRACE to INFO only
 * while the share of the ring reserved for WARN and ERROR is free.
 *
 * <p>The hard limit is enforced by the Disruptor's own claim: a {@link LimitSequence} gates the
 * ring {@code capacity - ringSize} slots behind the slowest consumer. The reserve is a cheap
 * pre-check before the claim.
 */
final class Admission {
    private final RingBuffer<LogEvent> ring;
    private final Sequence[] consumers;
    private final int limit;
    private final int lowLevelLimit;
    private volatile long consumedCache = -1;

    Admission(RingBuffer<LogEvent> ring, Sequence[] consumers, int limit, double reserve) {
        this.ring = ring;
        this.consumers = consumers;
        this.limit = limit;
        this.lowLevelLimit = limit - (int) Math.round(limit * reserve);
        int capacity = ring.getBufferSize();
        if (capacity > limit) {
            ring.addGatingSequences(new LimitSequence(consumers, capacity - limit));
            // The sequencer caches the minimum gating sequence, starting at -1, and refreshes it
            // only when a claim would pass it. Our limit sequence starts below -1, so ask for more
            // than the ring holds once: the answer is no, and the cache now holds the true minimum.
            ring.hasAvailableCapacity(capacity + 1);
        }
    }

    /** False if the event's level must leave the rest of the ring to WARN and ERROR. */
    boolean admits(Level level) {
        return level.isReserved() || belowLowLevelLimit();
    }

    // Pending = claimed minus consumed. The consumed value is cached and refreshed only when the
    // cached one says the reserve is reached, so the common case reads the cursor and one field.
    private boolean belowLowLevelLimit() {
        long cursor = ring.getCursor();
        if (cursor - consumedCache < lowLevelLimit) {
            return true;
        }
        long consumed = LimitSequence.minimum(consumers);
        consumedCache = consumed;
        return cursor - consumed < lowLevelLimit;
    }

    /** Events accepted and not yet seen by every sink. */
    long pending() {
        long pending = ring.getCursor() - LimitSequence.minimum(consumers);
        return Math.max(0, Math.min(pending, limit));
    }

    int limit() {
        return limit;
    }
}
