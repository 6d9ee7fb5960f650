package dev.ringtail.internal.ring;

import com.lmax.disruptor.Sequence;

/**
 * A gating sequence that trails the slowest consumer by {@code slack} slots.
 *
 * <p>The Disruptor allocates a power-of-two ring; {@code ringtail.ringSize} may be any number below
 * it. Adding this sequence to the ring's gating set makes the sequencer's own capacity check,
 * a CAS loop, enforce the configured limit exactly, for any number of producer threads,
 * instead of a check-then-claim that concurrent producers could overshoot.
 */
final class LimitSequence extends Sequence {
    private final Sequence[] consumers;
    private final long slack;

    LimitSequence(Sequence[] consumers, long slack) {
        this.consumers = consumers;
        this.slack = slack;
    }

    static long minimum(Sequence[] sequences) {
        long min = Long.MAX_VALUE;
        for (Sequence s : sequences) {
            min = Math.min(min, s.get());
        }
        return min;
    }

    @Override
    public long get() {
        return minimum(consumers) - slack;
    }

    // The ring sets every gating sequence to the cursor when it is added; the value here is
    // derived, so there is nothing to store.
    @Override
    public void set(long value) {
    }

    @Override
    public void setVolatile(long value) {
    }

    @Override
    public boolean compareAndSet(long expected, long value) {
        throw new UnsupportedOperationException("derived from the consumer sequences");
    }

    @Override
    public long addAndGet(long increment) {
        throw new UnsupportedOperationException("derived from the consumer sequences");
    }

    @Override
    public long getAndAdd(long increment) {
        throw new UnsupportedOperationException("derived from the consumer sequences");
    }

    @Override
    public long incrementAndGet() {
        throw new UnsupportedOperationException("derived from the consumer sequences");
    }

    @Override
    public String toString() {
        return Long.toString(get());
    }
}
