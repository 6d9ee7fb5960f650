package dev.ringtail.internal.ring;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that pending events hold beyond their slots' preallocated base ({@code ringtail.ring.maxBytes}).
 * Only events that hold more than the base (a long message, key-value text, an exception) touch
 * this shared counter; ordinary events never do.
 */
final class MemoryBudget {
    private final long maxBytes;
    private final AtomicLong used = new AtomicLong();

    MemoryBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reserves the bytes, or reserves nothing and answers false if they would pass the budget. */
    boolean tryCharge(long bytes) {
        if (used.addAndGet(bytes) > maxBytes) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }
}
