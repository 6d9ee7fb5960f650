package dev.ringtail.internal.stats;

import dev.ringtail.Level;
import java.util.concurrent.atomic.LongAdder;

/**
 * One striped counter per {@link Level}: exact sums, and no contended write when many threads
 * count at once. The pipeline counts accepted and dropped events with it, sinks count delivered
 * and failed ones.
 */
public final class LevelCounter {
    private final LongAdder[] adders = new LongAdder[Level.count()];

    public LevelCounter() {
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    public void increment(Level level) {
        adders[level.ordinal()].increment();
    }

    public void add(Level level, long count) {
        adders[level.ordinal()].add(count);
    }

    /** Adds per-level counts, indexed by {@link Level#ordinal()}. */
    public void add(int[] perLevel) {
        for (int i = 0; i < perLevel.length; i++) {
            if (perLevel[i] != 0) {
                adders[i].add(perLevel[i]);
            }
        }
    }

    public long sum(Level level) {
        return adders[level.ordinal()].sum();
    }

    /** The sums, indexed by {@link Level#ordinal()}. */
    public long[] sums() {
        long[] sums = new long[adders.length];
        for (int i = 0; i < adders.length; i++) {
            sums[i] = adders[i].sum();
        }
        return sums;
    }
}
