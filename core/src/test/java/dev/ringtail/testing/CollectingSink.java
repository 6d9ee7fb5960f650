package dev.ringtail.testing;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one collecting sink of the tests: keeps a copy of every event it is handed (drop summaries
 * apart), so tests can assert every field, and counts them delivered. It can be stalled (blocks in
 * {@code onEvent} until {@link #release()}), slowed (a pause per event) or made to throw on every
 * n-th event. A test that needs a sink doing something else (checking order, keeping nothing)
 * writes its own.
 */
public class CollectingSink implements Sink {
    private final SinkCounters counters;
    private final List<LogEvent> events = new ArrayList<>();
    private final List<LogEvent> synthetic = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile long pauseNanos;
    private volatile int failEvery;
    private long seen;

    public CollectingSink() {
        this("test");
    }

    public CollectingSink(String name) {
        this.counters = new SinkCounters(name);
    }

    /** Blocks the consumer on its next event until {@link #release()}. */
    public CollectingSink stall() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        gate.countDown();
    }

    /** Waits until the consumer has reached {@code onEvent} at least once. */
    public boolean awaitEntered(long millis) throws InterruptedException {
        return entered.await(millis, TimeUnit.MILLISECONDS);
    }

    public CollectingSink pausePerEvent(long nanos) {
        this.pauseNanos = nanos;
        return this;
    }

    public CollectingSink failEvery(int n) {
        this.failEvery = n;
        return this;
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    @Override
    public void onEvent(EventView event) throws Exception {
        entered.countDown();
        gate.await();
        if (pauseNanos > 0) {
            LockSupport.parkNanos(pauseNanos);
        }
        LogEvent copy = EventCopy.of(event);
        synchronized (this) {
            if (event.isSynthetic()) {
                synthetic.add(copy);
                return;
            }
            seen++;
            if (failEvery > 0 && seen % failEvery == 0) {
                throw new IllegalStateException("failing on purpose, event " + seen);
            }
            events.add(copy);
        }
        counters.delivered(event.level(), 1);
    }

    public synchronized List<LogEvent> events() {
        return new ArrayList<>(events);
    }

    /** The last event kept. */
    public synchronized LogEvent last() {
        return events.get(events.size() - 1);
    }

    public synchronized List<LogEvent> syntheticEvents() {
        return new ArrayList<>(synthetic);
    }

    public synchronized List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogEvent e : events) {
            messages.add(e.message().toString());
        }
        return messages;
    }
}
