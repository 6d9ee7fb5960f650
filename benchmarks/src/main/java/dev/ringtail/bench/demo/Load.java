package dev.ringtail.bench.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's offered load: K threads, each making its share of N calls at its share of the rate,
 * in bursts, under a progress bar. What a thread calls, and how it times the calls, is its
 * {@link Worker}; each run has its own, so each timed call site sees one kind of call.
 */
final class Load {
    /** One thread's share of a run: {@code count} calls, {@link Pace#after paced}, each counted in {@code done}. */
    interface Worker {
        void run(int thread, int count, Pace pace, LongAdder done);
    }

    private Load() {
    }

    /** Starts the threads, shows progress, joins them; a thread's failure is rethrown here. */
    @SuppressWarnings("try") // the bar draws on its own thread for as long as the try block runs
    static void run(String label, int events, int threads, int rate, int burst, Worker worker, PrintStream out,
                    boolean terminal) {
        LongAdder done = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            int count = share(events, threads, t);
            double perThreadRate = rate > 0 ? (double) rate / threads : 0;
            workers[t] = new Thread(() -> {
                try {
                    worker.run(index, count, new Pace(perThreadRate, burst), done);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "demo-worker-" + (t + 1));
        }
        try (ProgressBar bar = new ProgressBar(out, label, events, done::sum, terminal)) {
            for (Thread w : workers) {
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a " + label + " thread failed", failure.get());
        }
    }

    /** Thread {@code index}'s share of {@code total}: the shares of all {@code parts} add up to it. */
    static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    /** One thread's pace: after each burst it sleeps while it is ahead of its rate. Made on that thread. */
    static final class Pace {
        private final double rate;
        private final int burst;
        private final long start = System.nanoTime();

        /** @param rate calls per second, 0 for as fast as possible */
        Pace(double rate, int burst) {
            this.rate = rate;
            this.burst = burst;
        }

        /** Call after call {@code i} (counting from 0). */
        void after(int i) {
            if (rate > 0 && i % burst == burst - 1) {
                long due = start + (long) ((i + 1) * 1e9 / rate);
                long ahead = due - System.nanoTime();
                if (ahead > 0) {
                    LockSupport.parkNanos(ahead);
                }
            }
        }
    }
}
