package dev.ringtail.internal.stats;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcome counters of one sink. Thread-safe: an asynchronous sink updates them from its I/O
 * threads. Only sinks write here; everyone else reads a {@link SinkStats} snapshot.
 */
public final class SinkCounters {
    private final String name;
    private final LevelCounter delivered = new LevelCounter();
    private final LevelCounter failed = new LevelCounter();
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
        delivered.add(level, events);
    }

    public void failed(Level level, long events) {
        failed.add(level, events);
    }

    /** Adds per-level counts, indexed by {@link Level#ordinal()}, to delivered. */
    public void delivered(int[] perLevel) {
        delivered.add(perLevel);
    }

    /** Adds per-level counts, indexed by {@link Level#ordinal()}, to failed. */
    public void failed(int[] perLevel) {
        failed.add(perLevel);
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
        return new SinkStats(name, delivered.sums(), failed.sums(), retried.sum(), batches.sum(),
                bytes.sum(), rawBytes.sum());
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
