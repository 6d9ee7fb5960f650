package dev.ringtail.internal.diag;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Knows whether the current thread is already inside ringtail: formatting a message (a
 * {@code toString()} that logs) or running a pipeline thread (a sink, the HTTP client). Such a
 * log call must never re-enter the ring: a consumer publishing into the ring it drains could
 * wait on itself.
 *
 * <p>The one static here is a {@link ThreadLocal}: immutable itself, it holds per-thread state.
 */
public final class RecursionGuard {

    private static final ThreadLocal<Depth> DEPTH = ThreadLocal.withInitial(Depth::new);

    private RecursionGuard() {
    }

    /** Per-thread nesting depth; mutable, touched only by its own thread. */
    public static final class Depth {
        public int value;
        /** The ring package's state for the pipeline this thread last logged into: its reusable event and counts. */
        public Object scratch;
        /** The SLF4J binding's reusable fluent-API event builder for this thread. */
        public Object fluent;
    }

    public static Depth current() {
        return DEPTH.get();
    }

    /** Marks the current thread as a pipeline thread for its whole life. */
    public static void markPipelineThread() {
        DEPTH.get().value = 1;
    }

    /**
     * A thread factory for threads that belong to the pipeline (consumers, HTTP I/O threads):
     * daemon, named {@code prefix-N}, and marked so their logging never reaches the ring.
     */
    public static ThreadFactory pipelineThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(() -> {
                markPipelineThread();
                runnable.run();
            }, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
