package dev.ringtail.internal.spool;

import java.nio.file.Path;

/**
 * A bounded, append-only queue of records on disk, owned by one process at a time: what one
 * HTTP sink could not deliver now, in the order it was appended, surviving restarts.
 *
 * <p>A record is opaque bytes plus how many events it holds at each level (indexed by
 * {@code Level.ordinal()}), so that losing it (a full spool) can be counted per level without
 * decoding it. Records are appended by sender threads (one at a time; this class serializes
 * them anyway) and read and removed, oldest first, by the one replay thread.
 *
 * <p>Never throws from {@link #append}, {@link #peek} or {@link #remove}: an I/O failure is
 * reported through the {@link Listener} and the return value, so a full or failing disk is
 * counted, never a crash.
 */
public interface Spool extends AutoCloseable {

    /** What the spool tells its sink about events it lost or skipped. */
    interface Listener {
        /** A full spool deleted records holding these events (per level), {@code earlier}: written by an earlier process. */
        void droppedOldest(int[] perLevel, boolean earlier);

        /** A torn or corrupt record was skipped: {@code bytes} of segment {@code segment}; never sent. */
        void skippedTorn(long bytes, String segment);

        /** An I/O failure (disk full, file-size limit, permissions): one line's worth, never the data. */
        void ioFailed(String what, Exception cause);

        /**
         * Records that could no longer be read back (their segment file vanished or failed to read,
         * or a record in it was corrupt): these events are gone, the cause was reported just before
         * through {@link #ioFailed} or {@link #skippedTorn}. By default counted as
         * {@link #droppedOldest}, so that a listener that does not tell the two apart still accounts
         * for every event.
         */
        default void lost(int[] perLevel, boolean earlier, String segment) {
            droppedOldest(perLevel, earlier);
        }
    }

    /** One record read back: a copy, valid after the spool moves on. */
    interface Record {
        byte[] bytes();

        /** Events at each level, as appended. */
        int[] perLevel();

        /** True if an earlier process wrote it (found on disk at open). */
        boolean earlier();
    }

    /**
     * Appends one record; false if it was not written (it alone is larger than the spool, or an
     * I/O failure, reported to the listener), and then the caller counts its events failed. May
     * first delete the oldest records to stay within {@code maxBytes} (reported to the listener).
     */
    boolean append(byte[] bytes, int offset, int length, int[] perLevel);

    /** The oldest record not yet removed, or null if the spool is empty. */
    Record peek();

    /**
     * Removes {@code record}, which {@link #peek} returned; false if a full spool had already
     * deleted it (its events were then reported to {@link Listener#droppedOldest}).
     */
    boolean remove(Record record);

    /** Events on disk now, this process's and earlier ones'. */
    long events();

    /** Bytes on disk now (every segment file). */
    long bytes();

    /** Events an earlier process left on disk, found at open (torn records, and those it had removed, excluded). */
    long found();

    /**
     * Forces what was appended to the disk, and saves how far removal got (what a restart after a
     * crash sends again is what was removed since); called periodically and at close.
     */
    void sync();

    /** Syncs and releases the directory's lock. */
    @Override
    void close();

    /**
     * Opens (creating if needed) the spool in {@code dir}. Throws {@link SpoolLockedException}
     * if another process (or another open spool in this one) owns the directory.
     */
    static Spool open(Path dir, long maxBytes, Listener listener) throws SpoolLockedException, java.io.IOException {
        return SegmentSpool.open(dir, maxBytes, listener);
    }
}
