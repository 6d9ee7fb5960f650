package dev.ringtail.internal.diag;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Prints diagnostic text from one daemon thread, so that a log call never waits for stderr: with
 * stderr a pipe nobody reads, {@code println} blocks, and it must block this thread, not the
 * application's. Callers only offer to a bounded, lock-free queue; text that does not fit is
 * counted, and once stderr takes a line again the writer says how many lines were lost.
 *
 * <p>At JVM exit a daemon thread is simply stopped, which would lose the last lines (a
 * {@code shutdown deadline passed} line, an event logged after shutdown). So a shutdown hook
 * gives the queue up to {@link #EXIT_DRAIN_NANOS} to empty, and from then on a caller waits up to
 * {@link #EXIT_WAIT_NANOS} for its own line: during exit a queued line is lost the moment the
 * last hook returns. Once such a wait times out, stderr is known to be stuck and no caller waits
 * again, so exit is delayed by a bounded amount and never hangs.
 */
final class AsyncStderr implements LineOutput {
    static final int MAX_LINES = 1024;
    /** Lines may be whole events with stack traces: the queue is bounded in characters too. */
    static final long MAX_CHARS = 4L << 20;
    static final long EXIT_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long EXIT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    /** stderr is one per process, so is its writer: one thread, one budget, lines in one order. */
    private static final class Shared {
        static final AsyncStderr INSTANCE = new AsyncStderr(() -> System.err, MAX_LINES, MAX_CHARS, true);
    }

    /** One offered text and the stream that was stderr when it was offered. */
    private static final class Entry {
        final PrintStream stream;
        final String text;
        volatile boolean done;

        Entry(PrintStream stream, String text) {
            this.stream = stream;
            this.text = text;
        }
    }

    private final Supplier<PrintStream> target;
    private final int maxLines;
    private final long maxChars;
    private final boolean exitHook;
    private final long exitWaitNanos;
    private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
    /** Offered and not yet printed, including the one being printed. */
    private final AtomicInteger pendingLines = new AtomicInteger();
    private final AtomicLong pendingChars = new AtomicLong();
    private final AtomicLong notPrinted = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Thread writer;
    private volatile boolean noWriter;
    private volatile boolean exiting;
    private volatile boolean stuckAtExit;

    AsyncStderr(Supplier<PrintStream> target, int maxLines, long maxChars, boolean exitHook) {
        this(target, maxLines, maxChars, exitHook, EXIT_WAIT_NANOS);
    }

    /** @param exitWaitNanos how long a caller waits for its line during exit ({@link #EXIT_WAIT_NANOS} for stderr) */
    AsyncStderr(Supplier<PrintStream> target, int maxLines, long maxChars, boolean exitHook, long exitWaitNanos) {
        this.target = target;
        this.maxLines = maxLines;
        this.maxChars = maxChars;
        this.exitHook = exitHook;
        this.exitWaitNanos = exitWaitNanos;
    }

    /** The writer for {@link System#err}, shared by every {@link Diagnostics#stderr()}. */
    static AsyncStderr shared() {
        return Shared.INSTANCE;
    }

    /** Lines that were never printed because the queue was full or no writer could run. */
    long notPrinted() {
        return notPrinted.get();
    }

    @Override
    public void print(String text) {
        if (Thread.currentThread() == writer) {
            // stderr routed back into logging (a System.err that logs): printing this would feed
            // the writer its own output forever; it is counted instead, never reported (same loop)
            notPrinted.incrementAndGet();
            return;
        }
        int length = text.length();
        // both reserved unconditionally, then both undone: no lock, and the bounds are never exceeded
        if (pendingLines.incrementAndGet() > maxLines | pendingChars.addAndGet(length) > maxChars || noWriter) {
            pendingLines.decrementAndGet();
            pendingChars.addAndGet(-length);
            notPrinted.incrementAndGet();
            unreported.incrementAndGet();
            startWriter(); // the report must come even if no line ever fitted
            LockSupport.unpark(writer);
            return;
        }
        Entry entry = new Entry(target.get(), text);
        queue.add(entry);
        startWriter();
        LockSupport.unpark(writer);
        // read after the add: either the exit hook's drain sees this entry, or this sees the flag
        if (exiting) {
            awaitAtExit(entry);
        }
    }

    @Override
    public boolean awaitPrinted(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        while (pendingLines.get() > 0 || (unreported.get() > 0 && !noWriter)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** The JVM is exiting: see the class comment. */
    void exiting() {
        exiting = true;
        if (!awaitPrinted(EXIT_DRAIN_NANOS)) {
            stuckAtExit = true;
        }
    }

    private void awaitAtExit(Entry entry) {
        long deadline = System.nanoTime() + exitWaitNanos;
        while (!entry.done && !stuckAtExit) {
            if (System.nanoTime() - deadline >= 0) {
                stuckAtExit = true;
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void startWriter() {
        if (writer != null || !started.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread thread = RecursionGuard.pipelineThreads("ringtail-stderr").newThread(this::run);
            writer = thread;
            thread.start();
        } catch (Throwable t) {
            // no thread to print with (out of native threads): from now on lines are only counted
            noWriter = true;
            writer = null;
            return;
        }
        if (exitHook) {
            registerExitHook();
        }
    }

    private void registerExitHook() {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(this::exiting, "ringtail-stderr-exit"));
        } catch (IllegalStateException alreadyExiting) {
            exiting = true;
        } catch (Throwable t) {
            // no hook allowed: lines queued at exit may be lost, nothing else changes
        }
    }

    private void run() {
        PrintStream last = null;
        while (true) {
            Entry entry = queue.poll();
            if (entry == null) {
                if (unreported.get() > 0) {
                    // lines lost while the last one was being printed, or too long for the budget
                    reportUnprinted(last != null ? last : target.get());
                }
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            last = entry.stream;
            write(entry.stream, entry.text);
            // stderr took a line again: say what it could not take, before this line counts as done
            reportUnprinted(entry.stream);
            pendingChars.addAndGet(-entry.text.length());
            entry.done = true;
            pendingLines.decrementAndGet();
        }
    }

    private void reportUnprinted(PrintStream stream) {
        // taken off the count only once the report is written: until then awaitPrinted (the exit
        // drain, a test) still sees it pending. Only this thread subtracts, so lines lost while
        // the report is written stay counted, for the next report.
        long lost = unreported.get();
        if (lost > 0) {
            write(stream, "ringtail: " + lost + " ringtail lines were not printed: stderr was blocked"
                    + System.lineSeparator());
            unreported.addAndGet(-lost);
        }
    }

    private static void write(PrintStream stream, String text) {
        try {
            stream.print(text);
            stream.flush();
        } catch (Throwable t) {
            // a stream that throws must not stop the writer: the next line may well get through
        }
    }
}
