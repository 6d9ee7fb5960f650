package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.spool.Spool;
import dev.ringtail.internal.spool.SpoolLockedException;
import dev.ringtail.internal.stats.SinkCounters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP sink's disk spool as the sink sees it: its directory and lock, what the store reports
 * (counted and printed here), what it holds (the gauges behind {@code Spooled} and
 * {@code SpoolBytes}), and when it is forced to disk.
 *
 * <p><b>The lock.</b> One process owns a directory at a time. A sink that finds it taken runs as
 * if it had no spool, says so once, and tries again at most once a second ({@link #tryTakeOver},
 * from the replay thread): in Spring Boot a reconfiguration starts the new pipeline before the old
 * one has drained and let go of the directory, and without a retry the new pipeline would run
 * without a spool for good. Any other failure to open is printed once and ends the attempts.
 *
 * <p><b>Syncing.</b> Appends are written at once (they survive the process: a {@code kill -9}
 * loses nothing the kernel has) and forced to the device about once a second while the spool is
 * being written or replayed ({@link #syncIfDue}, on the replay thread, which wakes for it), and at
 * close; a sync also saves how far replay got. So an OS crash or power loss can take the last
 * second of appends, which the store then finds torn and skips, and a crash of any kind can send
 * the last second of replayed records again; a sync per append would cost a device flush per batch
 * on the senders.
 *
 * <p><b>Accounting.</b> Events a full spool deletes are counted failed (those of an earlier
 * process too, which this process never counted otherwise), with a rate-limited line naming the
 * reason {@code spool-full}; so are events in a segment that could no longer be read. Torn
 * records are counted in bytes and printed, never sent: their events were never counted on disk.
 */
final class SinkSpool implements Spool.Listener, SinkCounters.SpoolGauge {
    static final long SYNC_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final Path dir;
    private final SpoolSettings settings;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private volatile Spool spool; // null until this process owns the directory
    private volatile boolean givenUp;
    private volatile boolean closed;
    private volatile boolean dirty;
    private long lastSyncNanos = System.nanoTime(); // the replay thread's, after open
    // what close saw last, so the counters still read after the store is closed
    private volatile long finalEvents;
    private volatile long finalBytes;
    private volatile long found;

    SinkSpool(String name, SpoolSettings settings, SinkCounters counters, Diagnostics diagnostics) {
        this.name = name;
        this.dir = settings.dirOf(name);
        this.settings = settings;
        this.counters = counters;
        this.diagnostics = diagnostics;
        counters.spool(this);
    }

    /** Takes the directory when the sink starts; false (having said why, once) if it cannot now. */
    boolean open() {
        return take(true);
    }

    /** Takes the directory if its owner let go; the replay thread asks at most once a second. */
    boolean tryTakeOver() {
        return take(false);
    }

    /** True while this process owns the directory. */
    @Override
    public boolean held() {
        return spool != null && !closed;
    }

    /** True if there is no point trying again: the directory could not be opened for a reason other than its lock. */
    boolean givenUp() {
        return givenUp;
    }

    private boolean take(boolean first) {
        if (spool != null || givenUp || closed) {
            return held();
        }
        try {
            Spool opened = settings.opener().open(dir, settings.maxBytes(), this);
            found = opened.found();
            String holds = "holds " + found + " events left by its previous owner; replaying them";
            if (!first) {
                diagnostics.line(name + ": took over the spool " + dir + " from its previous owner"
                        + (found > 0 ? "; it " + holds : ""));
            } else if (found > 0) {
                diagnostics.line(name + ": the spool " + dir + " " + holds);
            }
            spool = opened; // held from here: after the line, which so comes first
            return true;
        } catch (SpoolLockedException e) {
            if (first) {
                diagnostics.once(name + ":spool-locked", name + ": the spool " + dir + " is in use (" + e.getMessage()
                        + "); running without a spool (events that cannot be delivered are counted failed, as without"
                        + " one), and trying again every second");
            }
            return false;
        } catch (IOException | RuntimeException e) {
            givenUp = true;
            diagnostics.line(name + ": could not open the spool " + dir + " (" + e + "); running without a spool");
            return false;
        }
    }

    /** The store while this process owns it, else null. */
    Spool spool() {
        return closed ? null : spool;
    }

    /** Appends one record (a sender's, or close's); false if it was not written: its events are then counted failed. */
    boolean append(byte[] bytes, int length, int[] perLevel) {
        Spool current = spool();
        if (current == null) {
            return false;
        }
        boolean written = current.append(bytes, 0, length, perLevel);
        dirty = true;
        return written;
    }

    /**
     * Removes a replayed record; false if a full spool had deleted it already. The next sync also
     * saves how far removal got, so a crash after it sends those records no more.
     */
    boolean remove(Spool.Record record) {
        Spool current = spool();
        boolean removed = current != null && current.remove(record);
        dirty = true;
        return removed;
    }

    /** Forces appends and removals to disk if the last sync was a second ago or more; on the replay thread. */
    void syncIfDue() {
        Spool current = spool();
        if (current != null && dirty && System.nanoTime() - lastSyncNanos >= SYNC_INTERVAL_NANOS) {
            dirty = false;
            lastSyncNanos = System.nanoTime();
            current.sync();
        }
    }

    /** How long the replay thread may sleep before {@link #syncIfDue} has work: forever if nothing was appended. */
    long nanosUntilSync() {
        if (!dirty) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, lastSyncNanos + SYNC_INTERVAL_NANOS - System.nanoTime());
    }

    /** Syncs and lets go of the directory; what is on disk stays there for the next process. */
    void close() {
        closed = true;
        Spool current = spool;
        if (current != null) {
            finalEvents = current.events();
            finalBytes = current.bytes();
            current.close();
        }
    }

    @Override
    public long events() {
        Spool current = spool();
        return current != null ? current.events() : finalEvents;
    }

    @Override
    public long bytes() {
        Spool current = spool();
        return current != null ? current.bytes() : finalBytes;
    }

    @Override
    public long found() {
        return found;
    }

    // ---------------------------------------------------------------- what the store reports

    @Override
    public void droppedOldest(int[] perLevel, boolean earlier) {
        counters.failed(perLevel);
        diagnostics.rateLimited(name + "-spool-full", name + ": the spool " + dir + " is full (ringtail.spool.maxBytes="
                + settings.maxBytes() + "): deleted its oldest " + Arrays.stream(perLevel).sum() + " events" + (earlier ? ", from an earlier process," : "")
                + " (counted failed, reason spool-full)");
    }

    @Override
    public void skippedTorn(long bytes, String segment) {
        counters.spoolTorn(bytes);
        diagnostics.rateLimited(name + "-spool-torn", name + ": skipped " + bytes + " bytes of a torn record in spool segment "
                + segment + " (a write cut short by a crash; never sent)");
    }

    @Override
    public void lost(int[] perLevel, boolean earlier, String segment) {
        counters.failed(perLevel);
        diagnostics.rateLimited(name + "-spool-lost", name + ": " + Arrays.stream(perLevel).sum() + " events in spool segment " + segment
                + " could no longer be read (counted failed; the reason was printed before)");
    }

    @Override
    public void ioFailed(String what, Exception cause) {
        diagnostics.rateLimited(name + "-spool-io", name + ": " + what + " failed: " + cause);
    }

    @Override
    public String toString() {
        return "SinkSpool{" + dir + (held() ? ", held" : "") + '}';
    }
}
