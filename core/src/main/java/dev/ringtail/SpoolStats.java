package dev.ringtail;

import java.util.Arrays;

/**
 * An immutable snapshot of one HTTP sink's disk spool ({@code ringtail.spool.dir}): what is on
 * disk now, what was found there at start, and what this process replayed of it. Per-level arrays
 * are indexed by {@link Level#ordinal()}.
 *
 * <p>With it, after a drain, {@code accepted + found == delivered + replayed + failed + spooled}
 * holds for the sink; with nothing found that is {@code accepted == delivered + failed + spooled},
 * where {@code delivered} counts this process's own events only.
 */
public final class SpoolStats {
    private final long spooled;
    private final long bytes;
    private final long found;
    private final long[] replayed;
    private final long tornBytes;
    private final boolean held;

    public SpoolStats(long spooled, long bytes, long found, long[] replayed, long tornBytes, boolean held) {
        this.spooled = spooled;
        this.bytes = bytes;
        this.found = found;
        this.replayed = replayed.clone();
        this.tornBytes = tornBytes;
        this.held = held;
    }

    /** Events on disk now, this process's and earlier ones' (JMX {@code Spooled}). */
    public long spooled() {
        return spooled;
    }

    /** Bytes of the spool's files on disk now (JMX {@code SpoolBytes}). */
    public long bytes() {
        return bytes;
    }

    /** Events an earlier process had left on disk when this one took the directory (JMX {@code SpoolFound}). */
    public long found() {
        return found;
    }

    /** Events of an earlier process this one delivered (JMX {@code Replayed}); not in {@code delivered}. */
    public long replayed() {
        return SinkStats.sum(replayed);
    }

    public long replayed(Level level) {
        return replayed[level.ordinal()];
    }

    /** Bytes of torn or corrupt records skipped (a process that ended mid-write); never sent. */
    public long tornBytes() {
        return tornBytes;
    }

    /**
     * True while this process owns the directory; false while another one does (the sink then
     * runs as without a spool and keeps trying to take it over), and after close.
     */
    public boolean held() {
        return held;
    }

    @Override
    public String toString() {
        return "SpoolStats{spooled=" + spooled + ", bytes=" + bytes + ", found=" + found + ", replayed=" + replayed()
                + " " + Arrays.toString(replayed) + ", tornBytes=" + tornBytes + ", held=" + held + '}';
    }
}
