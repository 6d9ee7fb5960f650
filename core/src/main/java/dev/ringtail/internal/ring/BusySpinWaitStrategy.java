package dev.ringtail.internal.ring;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;

/** {@code busyspin}: lowest latency; burns a core per sink, so only with cores to spare. */
final class BusySpinWaitStrategy extends TimingOutWaitStrategy {
    BusySpinWaitStrategy(long timeoutNanos) {
        super(timeoutNanos);
    }

    @Override
    void idle(int tries, long sequence, Sequence cursor, SequenceBarrier barrier, long remainingNanos) {
        Thread.onSpinWait();
    }
}
