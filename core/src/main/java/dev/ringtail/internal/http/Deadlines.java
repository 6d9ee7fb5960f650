package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.RecursionGuard;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The overall deadline of each request: one daemon thread that cancels a request still running
 * when its time is up. Socket timeouts cannot do this: they bound each read, so a body that
 * trickles in a byte at a time never trips them, and no socket timeout bounds a blocked write at
 * all. Cancelling closes the connection, which ends whatever the sender thread was blocked in.
 */
final class Deadlines {
    private final ScheduledThreadPoolExecutor timer;

    Deadlines() {
        // A pipeline thread: what HttpClient logs while cancelling never enters the ring.
        timer = new ScheduledThreadPoolExecutor(1, RecursionGuard.pipelineThreads("ringtail-deadline"));
        timer.setRemoveOnCancelPolicy(true); // a finished request's task goes now, not at its deadline
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Cancels {@code request} in {@code millis} unless {@link Deadline#close()} is called first. */
    Deadline start(Cancellable request, long millis) {
        Deadline deadline = new Deadline(request);
        deadline.task = timer.schedule(deadline, millis, TimeUnit.MILLISECONDS);
        return deadline;
    }

    void close() {
        timer.shutdownNow();
    }

    /** One request's deadline. */
    static final class Deadline implements Runnable, AutoCloseable {
        private final Cancellable request;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile boolean expired;
        private volatile ScheduledFuture<?> task;

        private Deadline(Cancellable request) {
            this.request = request;
        }

        @Override
        public void run() {
            if (settled.compareAndSet(false, true)) {
                expired = true;
                request.cancel();
            }
        }

        /** True if the deadline passed before the request was done, and it was cancelled. */
        boolean expired() {
            return expired;
        }

        /** The request is done: the deadline no longer applies. */
        @Override
        public void close() {
            if (settled.compareAndSet(false, true)) {
                ScheduledFuture<?> t = task;
                if (t != null) {
                    t.cancel(false);
                }
            }
        }
    }
}
