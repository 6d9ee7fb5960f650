package dev.ringtail.bench;

import ch.qos.logback.classic.LoggerContext;
import com.logtail.logback.LogtailAppender;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;

/**
 * Peer: BetterStack's own {@code com.logtail:logback-logtail} appender with its defaults (batches
 * of 1000, a 100,000-event queue), posting to a loopback receiver, through SLF4J.
 */
public class LogtailBenchmark extends PacedBenchmark {
    private LoopbackReceiver receiver;
    private LoggerContext context;
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(false, LoopbackReceiver.SUITE_CONNECTIONS);
        context = LogbackContexts.logtail(receiver.endpoint(), new LogtailAppender());
        logger = LogbackContexts.logger(context);
    }

    @TearDown
    public void tearDown() {
        context.stop();
        Outcomes.print("LogtailBenchmark", "receiver requests=" + receiver.requests()
                + " rejected=" + receiver.rejected() + " bytes=" + receiver.wireBytes());
        receiver.close();
    }

    @Override
    protected void log() {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
