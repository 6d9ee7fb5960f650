package dev.ringtail.internal.ring;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flush or shutdown request travelling through the ring to every sink. */
final class ControlRequest {
    /** What the sinks are asked to do. */
    enum Type {
        /** Deliver everything handed over so far. */
        FLUSH,
        /** Deliver everything, then close. */
        SHUTDOWN
    }

    final Type type;
    final long deadlineNanos;
    /** The ring slot carrying this request; set before it is published. */
    long sequence;
    private final CountDownLatch pending;
    private final AtomicBoolean allDone = new AtomicBoolean(true);

    ControlRequest(Type type, long deadlineNanos, int sinks) {
        this.type = type;
        this.deadlineNanos = deadlineNanos;
        this.pending = new CountDownLatch(sinks);
    }

    void done(boolean ok) {
        if (!ok) {
            allDone.set(false);
        }
        pending.countDown();
    }

    /** Waits until every sink answered or {@code deadline} ({@code System.nanoTime}) passed; true if all answered. */
    boolean awaitAnswers(long deadline) throws InterruptedException {
        return pending.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** True unless a sink answered that it did not finish. */
    boolean succeeded() {
        return allDone.get();
    }

    @Override
    public String toString() {
        return "ControlRequest{" + type + ", pending=" + pending.getCount() + '}';
    }
}
