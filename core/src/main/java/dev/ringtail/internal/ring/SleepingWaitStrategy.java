package dev.ringtail.internal.ring;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@code sleeping}: spin, yield, then sleep 100 µs at a time. Producers never signal. */
final class SleepingWaitStrategy extends TimingOutWaitStrategy {
    static final int YIELD_TRIES = 100;
    static final long SLEEP_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    SleepingWaitStrategy(long timeoutNanos) {
        super(timeoutNanos);
    }

    @Override
    void idle(int tries, long sequence, Sequence cursor, SequenceBarrier barrier, long remainingNanos) {
        if (tries <= SPIN_TRIES) {
            Thread.onSpinWait();
        } else if (tries <= SPIN_TRIES + YIELD_TRIES) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(SLEEP_NANOS);
        }
    }
}
