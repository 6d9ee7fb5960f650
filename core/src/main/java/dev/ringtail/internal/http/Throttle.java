package dev.ringtail.internal.http;

import java.util.concurrent.atomic.AtomicLong;

/** Lets something happen at most once per interval, across threads: "repeated at most once a minute". */
final class Throttle {
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

    Throttle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** True if the caller may act now (and the next one must wait a full interval). */
    boolean tryAcquire() {
        long now = System.nanoTime();
        long due = next.get();
        return (due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + intervalNanos);
    }
}
