package dev.ringtail.bench;

import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.slf4j.BenchmarkLoggers;
import java.time.Duration;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.slf4j.Logger;

/**
 * An end-to-end row for one of ringtail's HTTP sinks: a loopback receiver, a pipeline whose one
 * sink sends to it, and a logger over that pipeline. An invocation logs, flushes, then checks the
 * receiver counted every event. The ring holds two invocations, so nothing is dropped and the
 * number is delivery throughput, not admission. A row says which sink, and names its method.
 */
@Fork(value = 1, jvmArgsAppend = {Forks.RINGTAIL_PROVIDER, Forks.RINGTAIL_QUIET, Forks.RINGTAIL_NO_HOOK,
        Forks.RINGTAIL_NOWHERE, Forks.RECEIVER_NODELAY})
public abstract class SinkEndToEndBenchmark extends EndToEndBenchmark {
    /** Time for the sink to deliver what is still pending when the trial ends. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    private LoopbackReceiver receiver;
    private Pipeline pipeline;
    private Logger logger;

    /** The sink under test, sending to {@code receiver}. */
    abstract Sink sink(LoopbackReceiver receiver);

    /** The row and its parameters, for the outcome line. */
    abstract String label();

    @Setup
    public void setUp() {
        receiver = LoopbackReceiver.start(true, LoopbackReceiver.SUITE_CONNECTIONS);
        pipeline = Pipeline.builder().jmx(false).ringSize(2 * EVENTS).sink(sink(receiver)).build().start();
        logger = BenchmarkLoggers.logger(SameMessage.LOGGER, pipeline);
    }

    @TearDown
    public void tearDown(BenchmarkParams params) {
        pipeline.shutdown(SHUTDOWN);
        Outcomes.record(params, pipeline.stats());
        Outcomes.print(label(), "receiver events=" + receiver.events() + " requests=" + receiver.requests()
                + " bytes=" + receiver.wireBytes());
        receiver.close();
    }

    /** One invocation: {@link #EVENTS} calls, a flush, and every event counted by the receiver. */
    void deliverAll() {
        logEvents(logger);
        if (!pipeline.flush(TIMEOUT)) {
            throw new IllegalStateException("flush timed out: " + pipeline.stats());
        }
        awaitDelivery(receiver, () -> { }, pipeline::stats);
    }
}
