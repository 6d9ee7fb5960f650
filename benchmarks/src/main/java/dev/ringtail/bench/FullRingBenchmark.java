package dev.ringtail.bench;

import dev.ringtail.internal.ring.Pipeline;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A row that measures the full-ring answer: before measuring, the consumer stalls on its first
 * event and the row's own call fills the ring until it is refused, so every measured call is
 * refused and counted. What a log call costs while the endpoint has been down long enough to fill
 * the ring. Not paced: no consumer has to keep up, and a refusal is measured back to back.
 *
 * <p>A row implements {@link #connect} and {@link #call}, and declares its own thread methods
 * (the docs know them by their names, which differ between the rows).
 */
public abstract class FullRingBenchmark extends EnqueueBenchmark {
    private RingFixture ring;

    @Setup
    public void fillRing() {
        ring = RingFixture.stalled();
        connect(ring.pipeline());
        ring.fill(this::call);
    }

    @TearDown
    public void releaseRing(BenchmarkParams params) {
        ring.close(params);
    }

    /** Points the row's caller (a logger, or the core call) at the stalled pipeline, before it fills. */
    protected abstract void connect(Pipeline pipeline);

    /** The measured call; it also fills the ring. */
    protected abstract void call();
}
