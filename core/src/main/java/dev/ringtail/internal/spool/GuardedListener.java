package dev.ringtail.internal.spool;

import java.util.Arrays;

/**
 * The sink's {@link Spool.Listener} as the store calls it: a listener that throws cannot leave a
 * segment half dropped (its exception is swallowed: the store's state comes first, and the
 * listener is the sink's own code), and per-level sums kept as longs are handed over as ints,
 * in as many calls as it takes, so that no event goes uncounted.
 *
 * <p>An I/O failure inside a public call of the spool is kept ({@link #failed}) and reported when
 * the call ends ({@link #reportFailure}): one report per call, the first failure, however many
 * steps of it failed. Used under the spool's lock only.
 */
final class GuardedListener {
    private final Spool.Listener listener;
    private String failedWhat;
    private Exception failedCause;

    GuardedListener(Spool.Listener listener) {
        this.listener = listener;
    }

    void droppedOldest(long[] perLevel, boolean earlier) {
        report(perLevel, counts -> listener.droppedOldest(counts, earlier));
    }

    void lost(long[] perLevel, boolean earlier, String segment) {
        report(perLevel, counts -> listener.lost(counts, earlier, segment));
    }

    void skippedTorn(long bytes, String segment) {
        try {
            listener.skippedTorn(bytes, segment);
        } catch (RuntimeException e) {
            // see the class comment
        }
    }

    void ioFailed(String what, Exception cause) {
        try {
            listener.ioFailed(what, cause);
        } catch (RuntimeException e) {
            // see the class comment
        }
    }

    /** Keeps the first failure of the call under way. */
    void failed(String what, Exception cause) {
        if (failedCause == null) {
            failedWhat = what;
            failedCause = cause;
        }
    }

    /** Reports the failure {@link #failed} kept, if any. */
    void reportFailure() {
        if (failedCause != null) {
            Exception cause = failedCause;
            failedCause = null;
            ioFailed(failedWhat, cause);
        }
    }

    private static void report(long[] perLevel, java.util.function.Consumer<int[]> call) {
        long[] left = perLevel.clone();
        while (Arrays.stream(left).anyMatch(n -> n > 0)) {
            int[] counts = new int[left.length];
            for (int i = 0; i < left.length; i++) {
                counts[i] = (int) Math.min(Integer.MAX_VALUE, left[i]);
                left[i] -= counts[i];
            }
            try {
                call.accept(counts);
            } catch (RuntimeException e) {
                // see the class comment
            }
        }
    }
}
