package dev.ringtail.bench;

import ch.qos.logback.classic.LoggerContext;
import com.logtail.logback.LogtailAppender;
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

/**
 * Peer: BetterStack's own {@code com.logtail:logback-logtail} appender with its defaults (batches
 * of 1000, a 100,000-event queue), posting to a loopback receiver, through SLF4J.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
public class LogtailBenchmark {
    private LoopbackReceiver receiver;
    private LoggerContext context;
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(false, 2);
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
