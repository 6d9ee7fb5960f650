package dev.ringtail.bench;

import dev.ringtail.Level;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.ring.LogEvent;
import java.io.IOException;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of turning one event into BetterStack JSON on the consumer thread: events/s, and with
 * {@code -prof gc} the bytes allocated per event (the steady state should allocate nothing).
 * {@code typical} is the wire format's example event (docs/contract.md) (3 key-values, 2 MDC entries, a marker);
 * {@code withException} adds a two-level exception, whose stack text is rendered each time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerializationBenchmark {
    private final EventSerializer serializer = new EventSerializer();
    private LogEvent typical;
    private LogEvent withException;

    @Setup
    public void setUp() {
        typical = event();
        withException = event().throwable(new IllegalStateException("card declined",
                new java.io.IOException("gateway timeout")));
    }

    private static LogEvent event() {
        LogEvent event = LogEvent.standalone(32_768, Level.WARN, "shop.checkout", "http-exec-3", 1_795_515_330L,
                123_456_789);
        event.format("Payment failed for order {}", 42);
        event.addKeyValue("order_id", 42).addKeyValue("retry", true).addKeyValue("request_id", "c0ffee");
        event.addMarker("AUDIT");
        event.mdc(Map.of("tenant", "acme", "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));
        return event;
    }

    @Benchmark
    public int typical() throws IOException {
        return serializer.serialize(typical).size();
    }

    @Benchmark
    public int withException() throws IOException {
        return serializer.serialize(withException).size();
    }
}
