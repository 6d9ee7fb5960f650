package dev.ringtail.bench;

import dev.ringtail.internal.otlp.OtlpEncoding;
import dev.ringtail.internal.otlp.OtlpSink;
import dev.ringtail.internal.sink.Sink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * End to end for ringtail's OTLP sink, beside {@link RingtailEndToEndBenchmark}: events per
 * second from the SLF4J call, through the ring, the hand-written protobuf (or the jackson JSON)
 * records, the request grouped by logger, gzip and HttpClient 5, to the 200 at a loopback OTLP
 * receiver that counts every record. Same invocation and ring as the BetterStack row, so the two
 * compare the protocols on the one shared machinery.
 */
public class OtlpEndToEndBenchmark extends SinkEndToEndBenchmark {
    @Param({"http/protobuf", "http/json"})
    public String protocol;

    @Override
    Sink sink(LoopbackReceiver receiver) {
        return OtlpSink.builder().endpoint(receiver.otlpEndpoint()).encoding(OtlpEncoding.parse(protocol)).build();
    }

    @Override
    String label() {
        return "OtlpEndToEndBenchmark protocol=" + protocol;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void otlp() {
        deliverAll();
    }
}
