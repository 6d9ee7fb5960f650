package dev.ringtail.bench;

import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Peer: Log4j2 all-asynchronous loggers (its own LMAX Disruptor ring, garbage-free mode as
 * shipped), through the native Log4j2 API, appending to the Null appender.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
        "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
        "-Dlog4j2.configurationFile=log4j2-bench.xml",
        Forks.NO_SLF4J_PROVIDER})
public class Log4j2AsyncBenchmark {
    private Logger logger;

    @Setup
    public void setUp() {
        logger = LogManager.getLogger(SameMessage.LOGGER);
        if (!(logger instanceof AsyncLogger)) {
            throw new IllegalStateException("not an all-async logger: " + logger.getClass().getName());
        }
    }

    @TearDown
    public void tearDown() {
        LogManager.shutdown();
    }

    @Benchmark
    @Threads(1)
    public void oneThread(Pacing pacing) {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }

    @Benchmark
    @Threads(2)
    public void twoThreads(Pacing pacing) {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
