package dev.ringtail.internal.stats;

import dev.ringtail.DropReason;
import dev.ringtail.Level;
import java.util.concurrent.atomic.LongAdder;

/** Dropped events, counted per level and per reason; only the drop path writes here. */
public final class DropCounter {
    private static final DropReason[] REASONS = DropReason.values();

    private final LevelCounter perLevel = new LevelCounter();
    private final LongAdder[] perReason = new LongAdder[REASONS.length];

    public DropCounter() {
        for (int i = 0; i < perReason.length; i++) {
            perReason[i] = new LongAdder();
        }
    }

    public void drop(Level level, DropReason reason) {
        perLevel.increment(level);
        perReason[reason.ordinal()].increment();
    }

    public long sum(Level level) {
        return perLevel.sum(level);
    }

    public long sum(DropReason reason) {
        return perReason[reason.ordinal()].sum();
    }

    /** Per-level sums, indexed by {@link Level#ordinal()}. */
    public long[] levelSums() {
        return perLevel.sums();
    }

    /** Per-reason sums, indexed by {@link DropReason#ordinal()}. */
    public long[] reasonSums() {
        long[] sums = new long[perReason.length];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = perReason[i].sum();
        }
        return sums;
    }
}
