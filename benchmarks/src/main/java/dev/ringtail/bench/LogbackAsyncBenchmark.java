package dev.ringtail.bench;

import ch.qos.logback.classic.LoggerContext;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;

/** Peer: Logback's {@code AsyncAppender} (a blocking queue) over a no-op appender, through SLF4J. */
public class LogbackAsyncBenchmark extends PacedBenchmark {
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

    @Override
    protected void log() {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
