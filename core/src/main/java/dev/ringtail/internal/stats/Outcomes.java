package dev.ringtail.internal.stats;

/**
 * Where the outcome of a range of events is counted, per level (indexed by
 * {@code Level.ordinal()}): a sink's {@link SinkCounters}, or a tally held back until the outcome
 * is certain (a replayed spool record counts only once the spool has let go of it).
 */
public interface Outcomes {
    void delivered(int[] perLevel);

    void failed(int[] perLevel);
}
