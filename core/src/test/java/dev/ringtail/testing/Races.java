package dev.ringtail.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Code run on several threads at once, for tests of races: every task on a thread of its own,
 * released together, the whole bounded in time; the first failure of any thread fails the test.
 */
public final class Races {
    /** Bounds every run: a run that takes longer has hung, and fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Races() {
    }

    /** Runs each task once, each on its own thread, all released at the same moment. */
    public static void all(List<Runnable> tasks) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        run(tasks.size(), i -> {
            await(start);
            tasks.get(i).run();
        });
    }

    /**
     * {@code rounds} rounds of the tasks, each on a thread of its own: in every round each task is
     * called with the round's number, all of them released together once the last one arrived.
     */
    public static void rounds(int rounds, IntConsumer... tasks) throws InterruptedException {
        CyclicBarrier round = new CyclicBarrier(tasks.length);
        run(tasks.length, i -> {
            for (int r = 0; r < rounds; r++) {
                await(round);
                tasks[i].accept(r);
            }
        });
    }

    private static void run(int threads, IntConsumer body) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    body.accept(index);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "race-" + i);
            thread.start();
            started.add(thread);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (Thread thread : started) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                started.forEach(Thread::interrupt);
                throw new AssertionError(thread.getName() + " still running after " + TIMEOUT);
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a racing thread failed", failure.get());
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other threads never arrived", e);
        }
    }
}
