package dev.ringtail.internal.diag;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * ringtail's own messages, on stderr, never through the ring. Each line starts with
 * {@code ringtail: }. Repetitive problems are reported once per kind, or at most once per interval
 * and reason with a count of what was suppressed, so a failing pipeline cannot flood stderr.
 * No method here throws or waits for stderr: {@link #stderr()} prints through {@link AsyncStderr}.
 * No line shows a registered secret ({@link Secrets}), whatever its text came from.
 */
public final class Diagnostics {
    /** The reason of {@link #rateLimited(String)}, for callers that name none. */
    static final String UNNAMED = "unnamed";

    private final LineOutput out;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final RateLimits limits;
    private final Secrets secrets = new Secrets();

    /** Writes to whatever {@link System#err} is at the time of each line, from a writer thread of its own. */
    public static Diagnostics stderr() {
        return new Diagnostics(AsyncStderr.shared(), TimeUnit.SECONDS.toNanos(1), System::nanoTime);
    }

    /**
     * Waits, at most {@code timeout}, until every line offered so far through {@link #stderr()}
     * instances is printed; for tests that capture {@link System#err}, never for a log call.
     *
     * @return true if nothing is left waiting
     */
    public static boolean awaitStderrPrinted(Duration timeout) {
        return AsyncStderr.shared().awaitPrinted(timeout.toNanos());
    }

    /** Prints on the calling thread, so only for streams that never block (a test's buffer). */
    public Diagnostics(Supplier<PrintStream> out, long rateLimitIntervalNanos) {
        this(new DirectOutput(out), rateLimitIntervalNanos, System::nanoTime);
    }

    Diagnostics(LineOutput out, long rateLimitIntervalNanos, LongSupplier nanoClock) {
        this.out = out;
        this.limits = new RateLimits(rateLimitIntervalNanos, nanoClock);
    }

    /** The secrets no line printed here may show; sinks register their credentials. */
    public Secrets secrets() {
        return secrets;
    }

    /** Prints the line, with every registered secret hidden ({@link Secrets}). */
    public void line(String message) {
        out.print(secrets.redact("ringtail: " + message) + System.lineSeparator());
    }

    /** Prints {@code text} as it is, secrets hidden: already rendered lines, such as an event logged after shutdown. */
    public void print(String text) {
        out.print(secrets.redact(text));
    }

    /** Prints the line the first time {@code kind} is reported by this instance; returns true if printed. */
    public boolean once(String kind, String message) {
        if (reported.add(kind)) {
            line(message);
            return true;
        }
        return false;
    }

    /** {@link #rateLimited(String, String)} with one reason shared by every caller that names none. */
    public void rateLimited(String message) {
        rateLimited(UNNAMED, message);
    }

    /**
     * Prints the line unless one of the same {@code reason} (a constant, never data) was printed
     * less than the interval ago; says how many of that reason were held back.
     */
    public void rateLimited(String reason, String message) {
        long held = limits.acquire(reason);
        if (held == RateLimits.HELD_BACK) {
            return;
        }
        line(held == 0 ? message : message + " (" + held + " similar lines suppressed)");
    }

    /**
     * Waits, at most {@code timeoutNanos}, for the lines handed over so far to be printed; for
     * shutdown and tests, never for a log call.
     */
    public boolean awaitPrinted(long timeoutNanos) {
        return out.awaitPrinted(timeoutNanos);
    }
}
