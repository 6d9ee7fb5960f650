package dev.ringtail.bench;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The core publish path without SLF4J: admission, claim, translate (one-argument format), publish,
 * into a no-op sink that keeps up, so the ring is never permanently full. The difference to
 * {@code RingtailSlf4jBenchmark} is what the SLF4J layer costs.
 */
public class CorePublishBenchmark extends EnqueueBenchmark {
    /** What the SLF4J logger's translator does for {@code info(pattern, arg)}: format one argument. */
    private static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);

    /** The consumer's wait strategy ({@code ringtail.waitStrategy}); try others with {@code -p waitStrategy=...}. */
    @Param("timeout")
    public String waitStrategy;

    private RingFixture ring;
    private Pipeline pipeline;

    @Setup
    public void setUp() {
        ring = RingFixture.keepingUp(waitStrategy);
        pipeline = ring.pipeline();
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        ring.close(params);
    }

    @Benchmark
    @Threads(1)
    public boolean publishOneArgument(Pacing pacing) {
        return publish(pipeline);
    }

    /** The suite's one log call, made on the core API; the core full-ring row makes it too. */
    static boolean publish(Pipeline pipeline) {
        return pipeline.publish(Level.INFO, SameMessage.LOGGER, FORMAT1, SameMessage.ONE_ARG, SameMessage.ORDER_ID,
                null, null);
    }
}
