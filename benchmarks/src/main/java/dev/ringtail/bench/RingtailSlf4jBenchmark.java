package dev.ringtail.bench;

import dev.ringtail.slf4j.BenchmarkLoggers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * ringtail's enqueue cost through the SLF4J API: the application's call, the level check, the
 * capture (format, MDC, key-value pairs) and the publish into the ring, which a no-op sink drains
 * so the ring is not permanently full. {@code args} is the number of {@code {}} arguments;
 * {@code context} adds nothing, two MDC entries, or two fluent key-value pairs.
 *
 * <p>Unlike the {@link PacedBenchmark} rows it declares its own thread methods: SLF4J's MDC is per
 * thread, so each benchmark thread needs a {@link Caller} state that puts its entries, and a
 * method inherited from a base class cannot name a state of this class.
 */
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE})
public class RingtailSlf4jBenchmark extends EnqueueBenchmark {
    static final String NO_CONTEXT = "none";
    static final String MDC_CONTEXT = "mdc";
    static final String KEY_VALUE_CONTEXT = "kv";

    @Param({"0", "1", "3"})
    public int args;

    @Param({NO_CONTEXT, MDC_CONTEXT, KEY_VALUE_CONTEXT})
    public String context;

    /**
     * The consumer's wait strategy ({@code ringtail.waitStrategy}). The suite measures the default;
     * {@code -p waitStrategy=busyspin} shows the producer's cost with a consumer that never parks.
     */
    @Param("timeout")
    public String waitStrategy;

    /**
     * The ring's limit ({@code ringtail.ringSize}). The suite measures the default; a small ring
     * ({@code -p ringSize=512}) keeps every slot in the core's cache and shows what the slots'
     * memory costs a call.
     */
    @Param("10000")
    public int ringSize;

    private RingFixture ring;
    private Logger logger;
    private boolean keyValues;

    @Setup
    public void setUp() {
        ring = RingFixture.keepingUp(waitStrategy, ringSize);
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, ring.pipeline());
        keyValues = KEY_VALUE_CONTEXT.equals(context);
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        ring.close(params);
    }

    /** The MDC is per thread: each benchmark thread sets its own. */
    @State(Scope.Thread)
    public static class Caller {
        @Setup
        public void setUp(RingtailSlf4jBenchmark benchmark) {
            if (MDC_CONTEXT.equals(benchmark.context)) {
                MDC.put(SameMessage.MDC_KEY_1, SameMessage.MDC_VALUE_1);
                MDC.put(SameMessage.MDC_KEY_2, SameMessage.MDC_VALUE_2);
            }
        }

        @TearDown
        public void tearDown() {
            MDC.clear();
        }
    }

    @Benchmark
    @Threads(1)
    public void oneThread(Caller caller, Pacing pacing) {
        log();
    }

    @Benchmark
    @Threads(2)
    public void twoThreads(Caller caller, Pacing pacing) {
        log();
    }

    private void log() {
        if (keyValues) {
            logWithKeyValues();
            return;
        }
        switch (args) {
            case 0:
                logger.info(SameMessage.NO_ARGS);
                break;
            case 1:
                logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
                break;
            default:
                logger.info(SameMessage.THREE_ARGS, SameMessage.ORDER_ID, SameMessage.CUSTOMER, SameMessage.ATTEMPTS);
        }
    }

    private void logWithKeyValues() {
        switch (args) {
            case 0:
                twoKeyValues().log(SameMessage.NO_ARGS);
                break;
            case 1:
                twoKeyValues().log(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
                break;
            default:
                twoKeyValues().log(SameMessage.THREE_ARGS, SameMessage.ORDER_ID, SameMessage.CUSTOMER,
                        SameMessage.ATTEMPTS);
        }
    }

    private LoggingEventBuilder twoKeyValues() {
        return logger.atInfo().addKeyValue(SameMessage.KV_KEY_1, SameMessage.ORDER_ID)
                .addKeyValue(SameMessage.KV_KEY_2, Boolean.TRUE);
    }
}
