package dev.ringtail.bench;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.TimeUnit;
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
import org.slf4j.Logger;

/** Peer: Logback's {@code AsyncAppender} (a blocking queue) over a no-op appender, through SLF4J. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
public class LogbackAsyncBenchmark {
    private LoggerContext context;
    private Logger logger;

    @Setup
    public void setUp() {
        context = LogbackContexts.asyncNoOp();
        logger = LogbackContexts.logger(context);
    }

    @TearDown
    public void tearDown() {
        context.stop();
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
