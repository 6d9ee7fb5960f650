package dev.ringtail.internal.stats;

import dev.ringtail.Level;
import dev.ringtail.SinkStats;
import dev.ringtail.SpoolStats;
import java.util.concurrent.atomic.LongAdder;

/**
 * Outcome counters of one sink. Thread-safe: an asynchronous sink updates them from its I/O
 * threads. Only sinks write here; everyone else reads a {@link SinkStats} snapshot.
 *
 * <p>An HTTP sink with a disk spool also counts what it replayed of an earlier process and the
 * torn records it skipped, and lends a {@link SpoolGauge} for what is on disk now: the spool's
 * own numbers, read at each snapshot, never a copy that could drift from the files.
 */
public final class SinkCounters implements Outcomes {
    private final String name;
    private final LevelCounter delivered = new LevelCounter();
    private final LevelCounter failed = new LevelCounter();
    private final LongAdder retried = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder rawBytes = new LongAdder();
    private final LevelCounter replayed = new LevelCounter();
    private final LongAdder tornBytes = new LongAdder();
    private volatile SpoolGauge spool;

    /** What a sink's disk spool holds now, read at each snapshot. */
    public interface SpoolGauge {
        /** Events on disk now. */
        long events();

        /** Bytes on disk now. */
        long bytes();

        /** Events an earlier process left there, found when this one took the directory. */
        long found();

        /** True while this process owns the directory. */
        boolean held();
    }

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
    @Override
    public void delivered(int[] perLevel) {
        delivered.add(perLevel);
    }

    /** Adds per-level counts, indexed by {@link Level#ordinal()}, to failed. */
    @Override
    public void failed(int[] perLevel) {
        failed.add(perLevel);
    }

    /** Events an earlier process spooled, delivered by this one: per level, never in delivered. */
    public void replayed(int[] perLevel) {
        replayed.add(perLevel);
    }

    /** A torn or corrupt spool record of {@code bytes} was skipped. */
    public void spoolTorn(long bytes) {
        tornBytes.add(bytes);
    }

    /** From now on the snapshots show this spool; set once, by a sink configured with one. */
    public void spool(SpoolGauge gauge) {
        this.spool = gauge;
    }

    /** True if this sink was configured with a disk spool (whether or not it owns the directory now). */
    public boolean hasSpool() {
        return spool != null;
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
        SpoolGauge gauge = spool;
        SpoolStats spoolStats = gauge == null ? null
                : new SpoolStats(gauge.events(), gauge.bytes(), gauge.found(), replayed.sums(), tornBytes.sum(), gauge.held());
        return new SinkStats(name, delivered.sums(), failed.sums(), retried.sum(), batches.sum(),
                bytes.sum(), rawBytes.sum(), spoolStats);
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
