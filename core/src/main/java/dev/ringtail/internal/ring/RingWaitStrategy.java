package dev.ringtail.internal.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Consumer wait strategies that all time out, so every sink gets {@code onTimeout} ticks for its
 * time-based flushes whatever strategy is chosen.
 *
 * <p>The default, {@link WaitStrategyKind#TIMEOUT}, parks idle consumers with
 * {@link LockSupport#parkNanos} and lets a producer wake them with {@code unpark}. A producer's
 * cost is one volatile read of the sleeper count while consumers are busy, and it never takes a
 * lock a consumer holds. The Disruptor's {@code LiteTimeoutBlockingWaitStrategy} instead does an
 * atomic {@code getAndSet} on a shared flag on every publish and signals under a monitor.
 */
final class RingWaitStrategy implements WaitStrategy {

    private static final int SPIN_TRIES = 100;
    private static final int YIELD_TRIES = 100;
    private static final long SLEEP_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final WaitStrategyKind kind;
    private final long timeoutNanos;
    private final AtomicInteger sleepers = new AtomicInteger();
    private final Set<Thread> consumers = ConcurrentHashMap.newKeySet();

    private RingWaitStrategy(WaitStrategyKind kind, long timeoutNanos) {
        this.kind = kind;
        this.timeoutNanos = timeoutNanos;
    }

    static WaitStrategy create(WaitStrategyKind kind, long timeoutNanos) {
        if (kind == WaitStrategyKind.BLOCKING) {
            return new TimeoutBlockingWaitStrategy(timeoutNanos, TimeUnit.NANOSECONDS);
        }
        return new RingWaitStrategy(kind, timeoutNanos);
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
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
            tries++;
            switch (kind) {
                case BUSYSPIN:
                    Thread.onSpinWait();
                    break;
                case YIELDING:
                    idle(tries, Long.MAX_VALUE);
                    break;
                case SLEEPING:
                    idle(tries, SLEEP_NANOS);
                    break;
                default:
                    if (tries <= SPIN_TRIES) {
                        Thread.onSpinWait();
                    } else {
                        park(sequence, cursor, barrier, remaining);
                    }
            }
        }
        return available;
    }

    private static void idle(int tries, long sleepNanos) {
        if (tries <= SPIN_TRIES) {
            Thread.onSpinWait();
        } else if (tries <= SPIN_TRIES + YIELD_TRIES || sleepNanos == Long.MAX_VALUE) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(sleepNanos);
        }
    }

    private void park(long sequence, Sequence cursor, SequenceBarrier barrier, long nanos) throws AlertException {
        consumers.add(Thread.currentThread());
        // Dekker-style handshake: we raise the sleeper count, then re-read the cursor; a producer
        // advances the cursor, then reads the count. One of the two sees the other.
        sleepers.incrementAndGet();
        try {
            if (cursor.get() < sequence) {
                barrier.checkAlert();
                LockSupport.parkNanos(this, nanos);
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

    @Override
    public String toString() {
        return "RingWaitStrategy{" + kind.key() + ", timeout=" + timeoutNanos + "ns}";
    }
}
