package dev.ringtail.bench;

import java.time.Duration;
import java.util.function.Supplier;

/** What the end-to-end benchmarks share: the invocation size and the wait for the receiver. */
final class EndToEnd {
    /** Events per invocation: ten full batches at the default batch size of 1000 (ringtail and logtail). */
    static final int EVENTS = 10_000;
    /** No invocation may take longer than this; a stuck delivery fails the benchmark instead. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private EndToEnd() {
    }

    /** Waits until the receiver has counted {@code expected} events, nudging the sender meanwhile. */
    static void await(LoopbackReceiver receiver, long expected, Runnable nudge, Supplier<Object> state) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (receiver.events() < expected) {
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("receiver counted " + receiver.events() + " of " + expected
                        + " events within " + TIMEOUT + " (" + receiver.rejected() + " requests rejected); sender: "
                        + state.get());
            }
            nudge.run();
            receiver.awaitEvents(expected, Duration.ofMillis(2));
        }
    }
}
