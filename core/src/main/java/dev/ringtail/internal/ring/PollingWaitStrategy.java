package dev.ringtail.internal.ring;

import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code timeout}, the default: an idle consumer parks for a short poll interval and looks again;
 * producers never signal it. So a log call never pays for waking a consumer (an {@code unpark} is
 * a system call), and a consumer that is not spinning leaves the ring's cursor in the producers'
 * caches. The consumer wakes for batches instead of chasing every event: what arrives while it
 * sleeps waits at most one interval, and the ring holds a millisecond of any realistic rate.
 *
 * <p>After {@link #SLOW_AFTER_NANOS} without an event the interval grows to
 * {@link #IDLE_POLL_NANOS}: an idle pipeline costs about forty wake-ups a second per sink. On a
 * 2-vCPU virtual machine a wake-up costs tens of microseconds of CPU, so at 1 ms an idle
 * consumer took about 1 % of a core and at 50 ms about 0.2 %. The first event after an idle spell
 * waits at most that long: with the pipeline's idle tick of the same length, a lone event leaves
 * in a batch at most two intervals after its sink's flush time, well inside 100 ms.
 */
final class PollingWaitStrategy extends TimingOutWaitStrategy {
    /** Poll interval while events arrive. */
    static final long BUSY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Poll interval once nothing has arrived for {@link #SLOW_AFTER_NANOS}. */
    static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    static final long SLOW_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Per consumer thread: the sequence it waits for, and since when. */
    private final ThreadLocal<long[]> waiting = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE, 0});

    PollingWaitStrategy(long timeoutNanos) {
        super(timeoutNanos);
    }

    @Override
    void idle(int tries, long sequence, Sequence cursor, SequenceBarrier barrier, long remainingNanos) {
        long[] since = waiting.get();
        long now = System.nanoTime();
        if (since[0] != sequence) {
            since[0] = sequence;
            since[1] = now;
        }
        long poll = now - since[1] >= SLOW_AFTER_NANOS ? IDLE_POLL_NANOS : BUSY_POLL_NANOS;
        LockSupport.parkNanos(this, Math.min(poll, remainingNanos));
    }
}
