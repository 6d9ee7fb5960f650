package dev.ringtail.bench;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.WaitStrategyKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The core publish path without SLF4J: admission, claim, translate (one-argument format), publish,
 * into a no-op sink that keeps up, so the ring is never permanently full. The difference to
 * {@code RingtailSlf4jBenchmark} is what the SLF4J layer costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = Forks.NO_SLF4J_PROVIDER)
public class CorePublishBenchmark {
    private static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);

    /** The consumer's wait strategy ({@code ringtail.waitStrategy}); try others with {@code -p waitStrategy=...}. */
    @Param("timeout")
    public String waitStrategy;

    private Pipeline pipeline;

    @Setup
    public void setUp() {
        pipeline = Pipeline.builder().jmx(false).waitStrategy(WaitStrategyKind.parse(waitStrategy))
                .sink(new NoOpSink()).build().start();
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        pipeline.shutdown(Duration.ofSeconds(5));
        Outcomes.record(params, pipeline.stats());
    }

    @Benchmark
    @Threads(1)
    public boolean publishOneArgument(Pacing pacing) {
        return pipeline.publish(Level.INFO, SameMessage.LOGGER, FORMAT1, SameMessage.ONE_ARG, SameMessage.ORDER_ID,
                null, null);
    }
}
