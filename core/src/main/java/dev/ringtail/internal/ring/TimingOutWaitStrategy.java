package dev.ringtail.internal.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * The wait loop every ringtail strategy shares: it times out, so every sink gets
 * {@code onTimeout} ticks for its time-based flushes whatever strategy is chosen. Subclasses
 * decide only how to pass one idle turn.
 */
abstract class TimingOutWaitStrategy implements WaitStrategy {
    /** Turns spent spinning before a strategy yields or parks. */
    static final int SPIN_TRIES = 100;

    private final long timeoutNanos;

    TimingOutWaitStrategy(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public final long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        long available = dependentSequence.get();
        if (available >= sequence) {
            return available;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        int tries = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw TimeoutException.INSTANCE;
            }
            idle(++tries, sequence, cursor, barrier, remaining);
        }
        return available;
    }

    /** One idle turn; {@code tries} counts from 1 within this wait. */
    abstract void idle(int tries, long sequence, Sequence cursor, SequenceBarrier barrier, long remainingNanos)
            throws AlertException;

    @Override
    public void signalAllWhenBlocking() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{timeout=" + timeoutNanos + "ns}";
    }
}
