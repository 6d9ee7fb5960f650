package dev.ringtail.bench;

import ch.qos.logback.classic.LoggerContext;
import com.logtail.logback.LogtailAppender;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;

/**
 * End to end for BetterStack's own appender: events per second from the log call to the 202 at a
 * loopback receiver. logback-logtail has no gzip option, so only the uncompressed case exists.
 */
public class LogtailEndToEndBenchmark extends EndToEndBenchmark {
    private LoopbackReceiver receiver;
    private FlushableLogtailAppender appender;
    private LoggerContext context;
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(true, LoopbackReceiver.SUITE_CONNECTIONS);
        appender = new FlushableLogtailAppender();
        context = LogbackContexts.logtail(receiver.endpoint(), appender);
        logger = LogbackContexts.logger(context);
    }

    @TearDown
    public void tearDown() {
        context.stop();
        Outcomes.print("LogtailEndToEndBenchmark", "receiver events=" + receiver.events() + " requests="
                + receiver.requests() + " bytes=" + receiver.wireBytes() + " rejected=" + receiver.rejected());
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void logtailPlain() {
        logEvents(logger);
        // its timer flushes only every 3 s: push what is left so the tail is not a sleep
        awaitDelivery(receiver, appender::flushNow, () -> "queued=" + appender.queued());
    }

    /** Exposes the appender's own flush so the benchmark does not wait for its 3 s timer. */
    static final class FlushableLogtailAppender extends LogtailAppender {
        void flushNow() {
            flush();
        }

        int queued() {
            return batch.size();
        }
    }
}
