package dev.ringtail.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A pause before every measured log call, outside the measured time (JMH times each invocation
 * separately when a state has an invocation-level fixture). A tight JMH loop offers millions of
 * events a second per thread, more than any consumer on this 2-core machine drains, so without
 * pacing the ring is full most of the time and the benchmark measures the drop path. Every
 * enqueue benchmark, ringtail's and the peers', is paced the same, so the comparison stays fair.
 * {@code -Dringtail.bench.pacingNanos=0} turns it off.
 */
@State(Scope.Thread)
public class Pacing {
    /** Default pause: at most 500,000 calls a second per thread. */
    public static final long DEFAULT_NANOS = 2_000;
    static final long NANOS = Long.getLong("ringtail.bench.pacingNanos", DEFAULT_NANOS);

    @Setup(Level.Invocation)
    public void pause() {
        long until = System.nanoTime() + NANOS;
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }
}
