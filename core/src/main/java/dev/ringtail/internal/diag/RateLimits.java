package dev.ringtail.internal.diag;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One limit per reason, so a reason that fires constantly cannot starve a rarer one of its line.
 * Reasons are constants chosen by the code that reports; should a caller ever put data into
 * them, reasons beyond {@link #MAX_REASONS} share one limit instead of growing the map.
 */
final class RateLimits {
    static final int MAX_REASONS = 256;
    static final long HELD_BACK = -1;

    private final ConcurrentHashMap<String, Limit> byReason = new ConcurrentHashMap<>();
    private final Limit overflow = new Limit();
    private final long intervalNanos;
    private final LongSupplier nanoClock;

    RateLimits(long intervalNanos, LongSupplier nanoClock) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** @return {@link #HELD_BACK}, or how many lines of this reason were held back since its last one */
    long acquire(String reason) {
        Limit limit = byReason.get(reason);
        if (limit == null) {
            limit = byReason.size() >= MAX_REASONS ? overflow : byReason.computeIfAbsent(reason, r -> new Limit());
        }
        long now = nanoClock.getAsLong();
        long next = limit.next.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && limit.next.compareAndSet(next, now + intervalNanos)) {
            return limit.suppressed.getAndSet(0);
        }
        limit.suppressed.incrementAndGet();
        return HELD_BACK;
    }

    /** When the next line may go out, and how many were held back since the last. */
    private static final class Limit {
        final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }
}
