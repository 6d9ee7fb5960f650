package dev.ringtail.bench;

import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.BenchmarkLoggers;
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
import org.slf4j.Logger;

/**
 * The full-ring answer through SLF4J: the consumer is stalled, the ring is full, and every call is
 * refused and counted. What a log call costs while the endpoint has been down long enough to fill
 * the ring.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE})
public class RingtailSlf4jDropBenchmark {
    private static final int RING_SIZE = 1024;

    private Pipeline pipeline;
    private StalledSink sink;
    private Logger logger;

    @Setup
    public void setUp() {
        sink = new StalledSink();
        pipeline = Pipeline.builder().jmx(false).ringSize(RING_SIZE)
                .dropReportInterval(Duration.ofHours(1)) // no summary event may take a freed slot meanwhile
                .sink(sink).build().start();
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, pipeline);
        for (int i = 0; i <= 2 * RING_SIZE; i++) {
            log();
        }
        if (pipeline.stats().dropped() == 0) {
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
    public void oneThread() {
        log();
    }

    @Benchmark
    @Threads(2)
    public void twoThreads() {
        log();
    }

    private void log() {
        logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
    }
}
