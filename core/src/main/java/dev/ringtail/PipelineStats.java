package dev.ringtail;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of the pipeline's counters, the same numbers JMX shows.
 *
 * <p>{@code attempted == accepted + dropped} always holds: both sides are counted exactly at the
 * point an event is admitted or refused. Per-level arrays are indexed by {@link Level#ordinal()}.
 */
public final class PipelineStats {
    private final long[] accepted;
    private final long[] dropped;
    private final long[] droppedByReason;
    private final long pending;
    private final long ringSize;
    private final List<SinkStats> sinks;

    public PipelineStats(long[] accepted, long[] dropped, long pending, long ringSize, List<SinkStats> sinks) {
        this(accepted, dropped, new long[DropReason.values().length], pending, ringSize, sinks);
    }

    /** @param droppedByReason indexed by {@link DropReason#ordinal()} */
    public PipelineStats(long[] accepted, long[] dropped, long[] droppedByReason, long pending, long ringSize,
                         List<SinkStats> sinks) {
        this.accepted = accepted.clone();
        this.dropped = dropped.clone();
        this.droppedByReason = droppedByReason.clone();
        this.pending = pending;
        this.ringSize = ringSize;
        this.sinks = List.copyOf(sinks);
    }

    /** Log calls that passed the level check and reached the pipeline. */
    public long attempted() {
        return accepted() + dropped();
    }

    public long accepted() {
        return SinkStats.sum(accepted);
    }

    public long accepted(Level level) {
        return accepted[level.ordinal()];
    }

    public long dropped() {
        return SinkStats.sum(dropped);
    }

    public long dropped(Level level) {
        return dropped[level.ordinal()];
    }

    public long dropped(DropReason reason) {
        return droppedByReason[reason.ordinal()];
    }

    /** Events in the ring not yet seen by every sink. */
    public long pending() {
        return pending;
    }

    /** The configured limit of pending events (not the power-of-two allocation). */
    public long ringSize() {
        return ringSize;
    }

    public List<SinkStats> sinks() {
        return sinks;
    }

    public Optional<SinkStats> sink(String name) {
        return sinks.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return "PipelineStats{attempted=" + attempted() + ", accepted=" + accepted() + " "
                + Arrays.toString(accepted) + ", dropped=" + dropped() + " " + Arrays.toString(dropped)
                + ", pending=" + pending + ", ringSize=" + ringSize + ", sinks=" + sinks + '}';
    }
}
