package dev.ringtail.bench;

import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.BenchmarkLoggers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.Logger;

/**
 * End to end for ringtail: events per second from the SLF4J call, through the ring, the
 * serializer, gzip (or not) and HttpClient 5, to the 202 at a loopback receiver. One operation is
 * one event; an invocation logs {@link EndToEnd#EVENTS}, flushes, and checks the receiver counted
 * every one. The ring holds two invocations, so nothing is dropped and the number is delivery
 * throughput, not admission.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE})
@Threads(1)
public class RingtailEndToEndBenchmark {
    @Param({"true", "false"})
    public boolean gzip;

    private LoopbackReceiver receiver;
    private Pipeline pipeline;
    private Logger logger;
    private long expected;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(true, 2);
        BetterStackSink sink = BetterStackSink.builder()
                .endpoint(receiver.endpoint())
                .token(SameMessage.TOKEN)
                .gzip(gzip)
                .build();
        pipeline = Pipeline.builder().jmx(false).ringSize(2 * EndToEnd.EVENTS).sink(sink).build().start();
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, pipeline);
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        pipeline.shutdown(Duration.ofSeconds(10));
        Outcomes.record(params, pipeline.stats());
        Outcomes.print("RingtailEndToEndBenchmark gzip=" + gzip, "receiver events=" + receiver.events()
                + " requests=" + receiver.requests() + " bytes=" + receiver.wireBytes());
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(EndToEnd.EVENTS)
    public void ringtail() {
        for (int i = 0; i < EndToEnd.EVENTS; i++) {
            logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
        }
        expected += EndToEnd.EVENTS;
        if (!pipeline.flush(EndToEnd.TIMEOUT)) {
            throw new IllegalStateException("flush timed out: " + pipeline.stats());
        }
        EndToEnd.await(receiver, expected, () -> { }, pipeline::stats);
    }
}
