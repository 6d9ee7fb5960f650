package dev.ringtail.bench;

import dev.ringtail.slf4j.BenchmarkLoggers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.Logger;

/**
 * The level check through the SLF4J API, side by side for comparing a change to it: the suite's
 * call below the logger's level ({@code debug} on a logger at the default {@code info}), which
 * must stay one field read and one compare, and the same call enabled ({@code info}), the whole
 * enqueue into a ring a no-op sink keeps drained.
 *
 * <p>The disabled row is neither paced nor sampled: it touches nothing a consumer touches, so a
 * tight loop measures it fairly, and one call takes far less than the timer's resolution, which
 * is what SampleTime would report. The enabled row is paced and sampled as every enqueue row is.
 */
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE})
public class LevelCheckBenchmark extends EnqueueBenchmark {
    private RingFixture ring;
    private Logger logger;

    @Setup
    public void setUp() {
        ring = RingFixture.keepingUp("timeout");
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, ring.pipeline());
        if (logger.isDebugEnabled() || !logger.isInfoEnabled()) {
            throw new IllegalStateException("the logger must be at info: " + logger);
        }
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        ring.close(params);
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode({Mode.AverageTime, Mode.Throughput})
    public void disabled() {
        logger.debug(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }

    @Benchmark
    @Threads(1)
    public void enabled(Pacing pacing) {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
