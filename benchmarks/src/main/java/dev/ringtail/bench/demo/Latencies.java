package dev.ringtail.bench.demo;

import java.util.Arrays;

/**
 * Per-call durations, one preallocated array per thread (so recording allocates nothing and
 * shares nothing), merged and sorted once at the end.
 */
final class Latencies {
    private final long[][] perThread;
    private final int[] counts;

    Latencies(int threads, int perThreadCapacity) {
        perThread = new long[threads][perThreadCapacity];
        counts = new int[threads];
    }

    void record(int thread, long nanos) {
        perThread[thread][counts[thread]++] = nanos;
    }

    /** Call after every recording thread has been joined. */
    Summary summarize() {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < perThread.length; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Summary(all);
    }

    static final class Summary {
        private final long[] sorted;

        Summary(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        /** The q-quantile (0..1), nearest rank; 0 if nothing was recorded. */
        long quantile(double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        }
    }
}
