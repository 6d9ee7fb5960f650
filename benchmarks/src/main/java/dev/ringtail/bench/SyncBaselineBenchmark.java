package dev.ringtail.bench;

import java.io.IOException;
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
 * The synchronous handler: the same SLF4J call, but every event is POSTed on the caller's thread
 * (HttpClient 5 classic, keep-alive) to a loopback receiver this benchmark starts, and the call
 * returns after the 202. The yardstick ringtail's enqueue cost is divided into.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
public class SyncBaselineBenchmark {
    private LoopbackReceiver receiver;
    private SyncHttpLogger sync;
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(false, 2);
        sync = new SyncHttpLogger(SameMessage.LOGGER, receiver.endpoint(), SameMessage.TOKEN, 2);
        logger = sync;
    }

    @TearDown
    public void tearDown() throws IOException {
        sync.close();
        Outcomes.print("SyncBaselineBenchmark", "delivered=" + sync.delivered() + " failed=" + sync.failed()
                + " receiver requests=" + receiver.requests());
        receiver.close();
        if (sync.failed() > 0) {
            throw new IllegalStateException(sync.failed() + " synchronous posts failed");
        }
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
