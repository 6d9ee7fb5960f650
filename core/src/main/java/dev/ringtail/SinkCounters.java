package dev.ringtail;

import java.util.concurrent.atomic.LongAdder;

/**
 * Outcome counters of one sink. Thread-safe: an asynchronous sink updates them from its I/O
 * threads. Only sinks write here; everyone else reads a {@link SinkStats} snapshot.
 */
public final class SinkCounters {
    private final String name;
    private final LongAdder[] delivered = adders();
    private final LongAdder[] failed = adders();
    private final LongAdder retried = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder rawBytes = new LongAdder();

    public SinkCounters(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void delivered(Level level, long events) {
        delivered[level.ordinal()].add(events);
    }

    public void failed(Level level, long events) {
        failed[level.ordinal()].add(events);
    }

    /** Adds per-level counts, indexed by {@link Level#ordinal()}, to delivered. */
    public void delivered(int[] perLevel) {
        addAll(delivered, perLevel);
    }

    /** Adds per-level counts, indexed by {@link Level#ordinal()}, to failed. */
    public void failed(int[] perLevel) {
        addAll(failed, perLevel);
    }

    /** One more attempt of a request that had failed. */
    public void retried() {
        retried.increment();
    }

    /**
     * A batch was written: {@code wireBytes} as sent (after compression), {@code rawBytes}
     * before it, so the compression ratio can be read from the stats.
     */
    public void batch(long wireBytes, long rawBytes) {
        batches.increment();
        bytes.add(wireBytes);
        this.rawBytes.add(rawBytes);
    }

    public SinkStats snapshot() {
        return new SinkStats(name, sums(delivered), sums(failed), retried.sum(), batches.sum(),
                bytes.sum(), rawBytes.sum());
    }

    static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[Level.count()];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    static long[] sums(LongAdder[] adders) {
        long[] sums = new long[adders.length];
        for (int i = 0; i < adders.length; i++) {
            sums[i] = adders[i].sum();
        }
        return sums;
    }

    private static void addAll(LongAdder[] target, int[] perLevel) {
        for (int i = 0; i < perLevel.length; i++) {
            if (perLevel[i] != 0) {
                target[i].add(perLevel[i]);
            }
        }
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
