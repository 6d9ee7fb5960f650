package dev.ringtail.bench;

import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.BenchmarkLoggers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Threads;
import org.slf4j.Logger;

/** The full-ring answer through SLF4J: every call is refused and counted. */
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE})
public class RingtailSlf4jDropBenchmark extends FullRingBenchmark {
    private Logger logger;

    @Override
    protected void connect(Pipeline pipeline) {
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, pipeline);
    }

    @Benchmark
    @Threads(1)
    public void oneThread() {
        call();
    }

    @Benchmark
    @Threads(2)
    public void twoThreads() {
        call();
    }

    @Override
    protected void call() {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
