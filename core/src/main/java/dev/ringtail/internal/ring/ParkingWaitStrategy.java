package dev.ringtail.internal.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code timeout}, the default: spin briefly, then park with {@link LockSupport#parkNanos}; a
 * producer wakes parked consumers with {@code unpark}. A producer's cost is one volatile read of
 * the sleeper count while consumers are busy, and it never takes a lock a consumer holds. The
 * Disruptor's {@code LiteTimeoutBlockingWaitStrategy} instead does an atomic {@code getAndSet} on
 * a shared flag on every publish and signals under a monitor.
 */
final class ParkingWaitStrategy extends TimingOutWaitStrategy {
    private final AtomicInteger sleepers = new AtomicInteger();
    private final Set<Thread> consumers = ConcurrentHashMap.newKeySet();

    ParkingWaitStrategy(long timeoutNanos) {
        super(timeoutNanos);
    }

    @Override
    void idle(int tries, long sequence, Sequence cursor, SequenceBarrier barrier, long remainingNanos)
            throws AlertException {
        if (tries <= SPIN_TRIES) {
            Thread.onSpinWait();
            return;
        }
        consumers.add(Thread.currentThread());
        // Dekker-style handshake: we raise the sleeper count, then re-read the cursor; a producer
        // advances the cursor, then reads the count. One of the two sees the other.
        sleepers.incrementAndGet();
        try {
            if (cursor.get() < sequence) {
                barrier.checkAlert();
                LockSupport.parkNanos(this, remainingNanos);
            }
        } finally {
            sleepers.decrementAndGet();
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        if (sleepers.get() != 0) {
            for (Thread consumer : consumers) {
                LockSupport.unpark(consumer);
            }
        }
    }
}
