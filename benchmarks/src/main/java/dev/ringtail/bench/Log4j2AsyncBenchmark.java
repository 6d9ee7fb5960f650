package dev.ringtail.bench;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Peer: Log4j2 all-asynchronous loggers (its own LMAX Disruptor ring, garbage-free mode as
 * shipped), through the native Log4j2 API, appending to the Null appender.
 */
@Fork(value = 1, jvmArgsAppend = {
        "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
        "-Dlog4j2.configurationFile=log4j2-bench.xml",
        Forks.NO_SLF4J_PROVIDER})
public class Log4j2AsyncBenchmark extends PacedBenchmark {
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

    @Override
    protected void log() {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
