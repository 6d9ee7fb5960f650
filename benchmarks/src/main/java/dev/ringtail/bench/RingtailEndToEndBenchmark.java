package dev.ringtail.bench;

import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.slf4j.BenchmarkLoggers;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.Logger;

/**
 * End to end for ringtail: events per second from the SLF4J call, through the ring, the
 * serializer, gzip (or not) and HttpClient 5, to the 202 at a loopback receiver. An invocation
 * flushes after logging, then checks the receiver counted every event. The ring holds two
 * invocations, so nothing is dropped and the number is delivery throughput, not admission.
 */
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE, Forks.RECEIVER_NODELAY})
public class RingtailEndToEndBenchmark extends EndToEndBenchmark {
    /** Time for the sink to deliver what is still pending when the trial ends. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    @Param({"true", "false"})
    public boolean gzip;

    private LoopbackReceiver receiver;
    private Pipeline pipeline;
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(true, LoopbackReceiver.SUITE_CONNECTIONS);
        BetterStackSink sink = BetterStackSink.builder()
                .endpoint(receiver.endpoint())
                .token(SameMessage.TOKEN)
                .gzip(gzip)
                .build();
        pipeline = Pipeline.builder().jmx(false).ringSize(2 * EVENTS).sink(sink).build().start();
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, pipeline);
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        pipeline.shutdown(SHUTDOWN);
        Outcomes.record(params, pipeline.stats());
        Outcomes.print("RingtailEndToEndBenchmark gzip=" + gzip, "receiver events=" + receiver.events()
                + " requests=" + receiver.requests() + " bytes=" + receiver.wireBytes());
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void ringtail() {
        logEvents(logger);
        if (!pipeline.flush(TIMEOUT)) {
            throw new IllegalStateException("flush timed out: " + pipeline.stats());
        }
        awaitDelivery(receiver, () -> { }, pipeline::stats);
    }
}
