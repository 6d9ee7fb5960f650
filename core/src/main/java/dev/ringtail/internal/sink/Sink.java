package dev.ringtail.internal.sink;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.stats.SinkCounters;

/**
 * A destination for events: the console, BetterStack, or a test's collector.
 *
 * <p>Every sink gets its own consumer thread, and every method here is called on that thread
 * only, so an implementation needs no locking of its own. {@link #onEvent} must copy what it
 * needs: the slot is cleared and reused as soon as every sink has seen it.
 *
 * <p>A sink reports outcomes through its {@link #counters()}: {@code delivered} when the event
 * reached its destination, {@code failed} when it gave up on it. Events for which
 * {@link EventView#isSynthetic()} is true (drop summaries) are never counted. A method that throws
 * does not kill the consumer thread; the pipeline counts the event failed and reports the error
 * once per exception type on stderr.
 */
public interface Sink {

    /** Short name used for JMX ({@code dev.ringtail:type=Sink,name=...}) and stats: its counters' name. */
    default String name() {
        return counters().name();
    }

    /** The counters this sink updates; read by the stats API and JMX. */
    SinkCounters counters();

    /**
     * Called once, before {@link #start()}, with a view of how far this sink is behind the ring:
     * a sink that waits for its own I/O asks it, and sheds instead of stalling every other sink.
     */
    default void attach(Backlog backlog) {
    }

    /**
     * Called once on the sink's own thread before its first event: the place for expensive set-up
     * (an HTTP client and its classes) that would otherwise stall the first batch while the ring fills.
     */
    default void start() throws Exception {
    }

    /** Handles one event. The reference must not be kept after this returns. */
    void onEvent(EventView event) throws Exception;

    /** The ring has no more events ready right now: a good moment to flush buffers. */
    default void onEndOfBatch() throws Exception {
    }

    /** Called periodically while no events arrive, to send time-based batches. */
    default void onIdle() throws Exception {
    }

    /**
     * Delivers everything handed to this sink so far, waiting until {@code deadlineNanos}
     * ({@link System#nanoTime()} scale) at most. Returns false if the deadline passed first.
     */
    default boolean flush(long deadlineNanos) throws Exception {
        return true;
    }

    /**
     * Flushes within the deadline, then releases resources. Events still undelivered at the
     * deadline are counted failed. Called once, at shutdown.
     */
    default void close(long deadlineNanos) throws Exception {
        flush(deadlineNanos);
    }
}
