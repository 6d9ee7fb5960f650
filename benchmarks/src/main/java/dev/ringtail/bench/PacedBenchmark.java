package dev.ringtail.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;

/**
 * An enqueue row measured at one and two threads, every call {@link Pacing paced} outside the
 * measured time. A row implements {@link #log()}, the one call it measures; JMH generates
 * {@code oneThread} and {@code twoThreads} for each concrete subclass.
 *
 * <p>{@code log()} is a virtual call, but a fork runs one row, so the JIT sees one receiver and
 * inlines it: the measured code is the row's call, as if written here.
 */
public abstract class PacedBenchmark extends EnqueueBenchmark {

    @Benchmark
    @Threads(1)
    public void oneThread(Pacing pacing) {
        log();
    }

    @Benchmark
    @Threads(2)
    public void twoThreads(Pacing pacing) {
        log();
    }

    /** The call this row measures, the same on every thread. */
    protected abstract void log();
}
