package dev.ringtail.bench;

import dev.ringtail.internal.ring.Pipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Threads;

/**
 * The full-ring answer on the core API: every publish is refused and counted. This is what a log
 * call costs while BetterStack is down long enough to fill the ring; it must stay cheap and must
 * never wait.
 */
public class CoreDropBenchmark extends FullRingBenchmark {
    private Pipeline pipeline;

    @Override
    protected void connect(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Benchmark
    @Threads(1)
    public boolean dropOneThread() {
        return CorePublishBenchmark.publish(pipeline);
    }

    @Benchmark
    @Threads(2)
    public boolean dropTwoThreads() {
        return CorePublishBenchmark.publish(pipeline);
    }

    @Override
    protected void call() {
        CorePublishBenchmark.publish(pipeline);
    }
}
