package dev.ringtail.bench;

import ch.qos.logback.classic.LoggerContext;
import com.logtail.logback.LogtailAppender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;

/**
 * End to end for BetterStack's own appender: events per second from the log call to the 202 at a
 * loopback receiver. One operation is one event; an invocation logs {@link EndToEnd#EVENTS} and
 * returns once the receiver has counted all of them. logback-logtail has no gzip option, so only
 * the uncompressed case exists.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
@Threads(1)
public class LogtailEndToEndBenchmark {
    private LoopbackReceiver receiver;
    private FlushableLogtailAppender appender;
    private LoggerContext context;
    private Logger logger;
    private long expected;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(true, 2);
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
    @OperationsPerInvocation(EndToEnd.EVENTS)
    public void logtailPlain() {
        for (int i = 0; i < EndToEnd.EVENTS; i++) {
            logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
        }
        expected += EndToEnd.EVENTS;
        // its timer flushes only every 3 s: push what is left so the tail is not a sleep
        EndToEnd.await(receiver, expected, appender::flushNow, () -> "queued=" + appender.queued());
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
