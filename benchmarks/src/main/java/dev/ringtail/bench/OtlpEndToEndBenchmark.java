package dev.ringtail.bench;

import dev.ringtail.internal.otlp.OtlpEncoding;
import dev.ringtail.internal.otlp.OtlpSink;
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
 * End to end for ringtail's OTLP sink, beside {@link RingtailEndToEndBenchmark}: events per
 * second from the SLF4J call, through the ring, the hand-written protobuf (or the jackson JSON)
 * records, the request grouped by logger, gzip and HttpClient 5, to the 200 at a loopback OTLP
 * receiver that counts every record. Same invocation and ring as the BetterStack row, so the two
 * compare the protocols on the one shared machinery.
 */
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE, Forks.RECEIVER_NODELAY})
public class OtlpEndToEndBenchmark extends EndToEndBenchmark {
    /** Time for the sink to deliver what is still pending when the trial ends. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    @Param({"http/protobuf", "http/json"})
    public String protocol;

    private LoopbackReceiver receiver;
    private Pipeline pipeline;
    private Logger logger;

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(true, LoopbackReceiver.SUITE_CONNECTIONS);
        OtlpSink sink = OtlpSink.builder()
                .endpoint(receiver.otlpEndpoint())
                .encoding(OtlpEncoding.parse(protocol))
                .build();
        pipeline = Pipeline.builder().jmx(false).ringSize(2 * EVENTS).sink(sink).build().start();
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, pipeline);
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        pipeline.shutdown(SHUTDOWN);
        Outcomes.record(params, pipeline.stats());
        Outcomes.print("OtlpEndToEndBenchmark protocol=" + protocol, "receiver records=" + receiver.events()
                + " requests=" + receiver.requests() + " bytes=" + receiver.wireBytes());
        receiver.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void otlp() {
        logEvents(logger);
        if (!pipeline.flush(TIMEOUT)) {
            throw new IllegalStateException("flush timed out: " + pipeline.stats());
        }
        awaitDelivery(receiver, () -> { }, pipeline::stats);
    }
}
