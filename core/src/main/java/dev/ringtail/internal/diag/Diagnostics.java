package dev.ringtail.internal.diag;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * ringtail's own messages, on stderr, never through the ring. Each line starts with
 * {@code ringtail: }. Repetitive problems are reported once per kind, or at most once per interval
 * with a count of what was suppressed, so a failing pipeline cannot flood stderr. No line shows a
 * registered secret ({@link Secrets}), whatever its text came from.
 */
public final class Diagnostics {
    private final Supplier<PrintStream> out;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextRateLimitedNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();
    private final long intervalNanos;

    /** Writes to whatever {@link System#err} is at the time of each line. */
    public static Diagnostics stderr() {
        return new Diagnostics(() -> System.err, TimeUnit.SECONDS.toNanos(1));
    }

    public Diagnostics(Supplier<PrintStream> out, long rateLimitIntervalNanos) {
        this.out = out;
        this.intervalNanos = rateLimitIntervalNanos;
    }

    /** Prints the line, with every registered secret hidden ({@link Secrets}). */
    public void line(String message) {
        PrintStream stream = out.get();
        stream.println(Secrets.redact("ringtail: " + message));
        stream.flush();
    }

    /** Prints the line the first time {@code kind} is reported by this instance; returns true if printed. */
    public boolean once(String kind, String message) {
        if (reported.add(kind)) {
            line(message);
            return true;
        }
        return false;
    }

    /** Prints the line unless one was printed less than the interval ago; says how many were held back. */
    public void rateLimited(String message) {
        long now = System.nanoTime();
        long next = nextRateLimitedNanos.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && nextRateLimitedNanos.compareAndSet(next, now + intervalNanos)) {
            long held = suppressed.getAndSet(0);
            line(held == 0 ? message : message + " (" + held + " similar lines suppressed)");
        } else {
            suppressed.incrementAndGet();
        }
    }
}
