package dev.ringtail.bench;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import java.time.Duration;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The full-ring answer: the consumer is stalled, the ring holds its limit of pending events, and
 * every log call is refused and counted. This is what a log call costs while BetterStack is down
 * long enough to fill the ring; it must stay cheap and must never wait.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
public class CoreDropBenchmark {
    private static final int RING_SIZE = 1024;
    private static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);

    private Pipeline pipeline;
    private StalledSink sink;

    @Setup
    public void setUp() {
        sink = new StalledSink();
        pipeline = Pipeline.builder().jmx(false).ringSize(RING_SIZE)
                // no summary events while measuring: they would take a slot the moment one frees
                .dropReportInterval(Duration.ofHours(1))
                .sink(sink).build().start();
        for (int i = 0; i <= 2 * RING_SIZE; i++) {
            publish();
        }
        if (publish()) { // INFO stops at the reserve (90 % of the limit): that refusal is what we measure
            throw new IllegalStateException("ring did not fill: " + pipeline.stats());
        }
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        sink.release();
        pipeline.shutdown(Duration.ofSeconds(5));
        Outcomes.record(params, pipeline.stats());
    }

    @Benchmark
    @Threads(1)
    public boolean dropOneThread() {
        return publish();
    }

    @Benchmark
    @Threads(2)
    public boolean dropTwoThreads() {
        return publish();
    }

    private boolean publish() {
        return pipeline.publish(Level.INFO, SameMessage.LOGGER, FORMAT1, SameMessage.ONE_ARG, SameMessage.ORDER_ID,
                null, null);
    }
}
