package dev.ringtail.internal.ring;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;

/** {@code yielding}: spin, then {@link Thread#yield()}. Low latency; burns a core while idle. */
final class YieldingWaitStrategy extends TimingOutWaitStrategy {
    YieldingWaitStrategy(long timeoutNanos) {
        super(timeoutNanos);
    }

    @Override
    void idle(int tries, long sequence, Sequence cursor, SequenceBarrier barrier, long remainingNanos) {
        if (tries <= SPIN_TRIES) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }
}
