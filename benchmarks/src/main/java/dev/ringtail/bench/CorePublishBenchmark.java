package dev.ringtail.bench;

import dev.ringtail.EventTranslator;
import dev.ringtail.Level;
import dev.ringtail.LogEvent;
import dev.ringtail.Sink;
import dev.ringtail.SinkCounters;
import dev.ringtail.ring.Pipeline;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core publish path without SLF4J: admission, claim, translate (one-argument format), publish,
 * into a no-op sink that keeps up, so the ring is never permanently full.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorePublishBenchmark {
    private static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);

    private Pipeline pipeline;
    private final Integer orderId = 42;

    @Setup
    public void setUp() {
        pipeline = Pipeline.builder().jmx(false).sink(new NoOpSink()).build().start();
    }

    @TearDown
    public void tearDown() {
        pipeline.shutdown(Duration.ofSeconds(5));
    }

    @Benchmark
    public boolean publishOneArgument() {
        return pipeline.publish(Level.INFO, "bench", FORMAT1, "Payment failed for order {}", orderId, null, null);
    }

    /** Consumes and forgets: the consumer keeps up, so producers measure the publish path only. */
    static final class NoOpSink implements Sink {
        private final SinkCounters counters = new SinkCounters("noop");

        @Override
        public String name() {
            return "noop";
        }

        @Override
        public SinkCounters counters() {
            return counters;
        }

        @Override
        public void onEvent(LogEvent event) {
            // nothing: delivery cost is not what this benchmark measures
        }
    }
}
