package dev.ringtail.bench;

import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.sink.Sink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;

/**
 * End to end for ringtail: events per second from the SLF4J call, through the ring, the
 * serializer, gzip (or not) and HttpClient 5, to the 202 at a loopback receiver.
 */
public class RingtailEndToEndBenchmark extends SinkEndToEndBenchmark {
    @Param({"true", "false"})
    public boolean gzip;

    /** The deflate level when gzip is on; the suite runs the default, {@code -p gzipLevel=6} shows zlib's. */
    @Param("1")
    public int gzipLevel;

    @Override
    Sink sink(LoopbackReceiver receiver) {
        return BetterStackSink.builder().endpoint(receiver.endpoint()).token(SameMessage.TOKEN).gzip(gzip).gzipLevel(gzipLevel)
                .build();
    }

    @Override
    String label() {
        return "RingtailEndToEndBenchmark gzip=" + gzip + (gzip ? " level=" + gzipLevel : "");
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void ringtail() {
        deliverAll();
    }
}
