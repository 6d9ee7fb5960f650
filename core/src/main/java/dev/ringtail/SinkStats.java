package dev.ringtail;

import java.util.Arrays;
import java.util.Optional;

/** An immutable snapshot of one sink's counters. Per-level arrays are indexed by {@link Level#ordinal()}. */
public final class SinkStats {
    private final String name;
    private final long[] delivered;
    private final long[] failed;
    private final long retried;
    private final long batches;
    private final long bytes;
    private final long rawBytes;
    private final SpoolStats spool;

    public SinkStats(String name, long[] delivered, long[] failed, long retried, long batches, long bytes,
              long rawBytes) {
        this(name, delivered, failed, retried, batches, bytes, rawBytes, null);
    }

    /** @param spool the sink's disk spool, or null if it has none */
    public SinkStats(String name, long[] delivered, long[] failed, long retried, long batches, long bytes,
                     long rawBytes, SpoolStats spool) {
        this.spool = spool;
        this.name = name;
        this.delivered = delivered;
        this.failed = failed;
        this.retried = retried;
        this.batches = batches;
        this.bytes = bytes;
        this.rawBytes = rawBytes;
    }

    public String name() {
        return name;
    }

    /**
     * Events the destination acknowledged (or the console wrote). With a disk spool, only this
     * process's own events: those of an earlier process are {@link #replayed()}.
     */
    public long delivered() {
        return sum(delivered);
    }

    public long delivered(Level level) {
        return delivered[level.ordinal()];
    }

    /** Events given up on. */
    public long failed() {
        return sum(failed);
    }

    public long failed(Level level) {
        return failed[level.ordinal()];
    }

    /** Requests sent again after a retryable failure. */
    public long retried() {
        return retried;
    }

    public long batches() {
        return batches;
    }

    /** Bytes written to the destination, after compression. */
    public long bytes() {
        return bytes;
    }

    /** Bytes before compression. */
    public long rawBytes() {
        return rawBytes;
    }

    /** The sink's disk spool, if {@code ringtail.spool.dir} gave it one. */
    public Optional<SpoolStats> spool() {
        return Optional.ofNullable(spool);
    }

    /** Events on the sink's disk spool now; 0 without one. */
    public long spooled() {
        return spool == null ? 0 : spool.spooled();
    }

    /** Events of an earlier process delivered from the spool by this one; 0 without a spool. */
    public long replayed() {
        return spool == null ? 0 : spool.replayed();
    }

    public long replayed(Level level) {
        return spool == null ? 0 : spool.replayed(level);
    }

    static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    @Override
    public String toString() {
        return "SinkStats{name=" + name + ", delivered=" + delivered() + " " + Arrays.toString(delivered)
                + ", failed=" + failed() + " " + Arrays.toString(failed) + ", retried=" + retried
                + ", batches=" + batches + ", bytes=" + bytes + ", rawBytes=" + rawBytes
                + (spool == null ? "" : ", spool=" + spool) + '}';
    }
}
