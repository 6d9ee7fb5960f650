package dev.ringtail.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;

/**
 * What the end-to-end rows share: events per second from the log call to the 202 at a loopback
 * receiver, one thread, and the invocation: log {@value #EVENTS} events, then wait until the
 * receiver has counted every one. A row starts its receiver and sender, and names its benchmark
 * method (with {@code @OperationsPerInvocation(EVENTS)}: one operation is one event).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {Forks.NO_SLF4J_PROVIDER, Forks.RECEIVER_NODELAY})
@Threads(1)
public abstract class EndToEndBenchmark {
    /** Events per invocation: ten full batches at the default batch size of 1000 (ringtail and logtail). */
    static final int EVENTS = 10_000;
    /** No invocation may take longer than this; a stuck delivery fails the benchmark instead. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** How long to wait for the receiver between two nudges of the sender. */
    private static final Duration NUDGE_INTERVAL = Duration.ofMillis(2);

    /** Events the receiver should have counted once the invocations so far are delivered. */
    private long expected;

    /** Logs one invocation's events. */
    static void logEvents(Logger logger) {
        for (int i = 0; i < EVENTS; i++) {
            logger.info(SameMessage.ONE_ARG, SameMessage.ORDER_ID);
        }
    }

    /**
     * Waits until the receiver has counted every event logged so far (this invocation's included),
     * nudging the sender meanwhile; fails after {@link #TIMEOUT} with what the sender held.
     */
    void awaitDelivery(LoopbackReceiver receiver, Runnable nudge, Supplier<Object> senderState) {
        expected += EVENTS;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (receiver.events() < expected) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("receiver counted " + receiver.events() + " of " + expected
                        + " events within " + TIMEOUT + " (" + receiver.rejected() + " requests rejected); sender: "
                        + senderState.get());
            }
            nudge.run();
            receiver.awaitEvents(expected, NUDGE_INTERVAL);
        }
    }
}
