package dev.ringtail.internal.http;

import dev.ringtail.Level;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.sink.BufferPool;
import dev.ringtail.internal.stats.Outcomes;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.Arrays;

/**
 * A reusable batch: its events encoded back to back, where each one ends, its level and its
 * logger name, so that a protocol can frame any range of it as a request body (a JSON array, an
 * OTLP request grouping records by logger), a batch can be split on a 413, and every event is
 * counted once at the right level.
 *
 * <p>The consumer thread fills it; one sender thread then owns it. Settling (counting outcomes)
 * is the one thing two threads may race on: a sender reporting a result while {@code close}
 * gives up on the batch at its deadline. Whoever comes first counts; the other's call does
 * nothing. Senders settle ranges strictly left to right (halves of a split are sent in order),
 * so what is settled is always a prefix of the batch.
 *
 * <p>With a disk spool a range may also be {@linkplain #keep kept}: handed to the spool instead of
 * being counted, under the same lock and by the same rule, so a batch that a sender spools while
 * {@code close} spools it at its deadline lands on disk once. Each batch handed to the senders
 * carries a {@linkplain #ticket() ticket}, its place in the order the consumer sealed them.
 */
public final class Batch implements BufferPool.Buffer {
    private static final byte SYNTHETIC = -1;
    private static final int INITIAL_EVENTS = 64;

    private final OutputBuffer events;
    private final int retainedBytes;
    private int[] ends = new int[INITIAL_EVENTS];
    private byte[] levels = new byte[INITIAL_EVENTS];
    private String[] loggers = new String[INITIAL_EVENTS];
    private int count;
    private long firstEventNanos;
    // guarded by this
    private final int[] perLevel = new int[Level.count()];
    private final int[] failedPerLevel = new int[Level.count()];
    private int settled;
    private boolean abandoned;
    /** Set by the consumer before the batch is handed over; read by the thread that took it. */
    private volatile long ticket;

    /** Where a range goes that is kept rather than counted: the disk spool. */
    @FunctionalInterface
    interface Keeper {
        /** Keeps events {@code [from, to)}, {@code perLevel} of them counted; false if it could not (then they fail). */
        boolean keep(Batch batch, int from, int to, int[] perLevel);
    }

    Batch(int initialBytes, int retainedBytes) {
        this.events = new OutputBuffer(initialBytes);
        this.retainedBytes = retainedBytes;
    }

    /** Empties the batch for reuse, releasing storage that an oversized event had grown. */
    @Override
    public synchronized void clear() {
        events.resetAndShrink(retainedBytes);
        Arrays.fill(loggers, 0, count, null); // the logger names are the application's: not held past the batch
        count = 0;
        settled = 0;
        abandoned = false;
    }

    public int count() {
        return count;
    }

    /** The encoded events, back to back; event {@code i} is {@code [start(i), end(i))}. */
    public byte[] bytes() {
        return events.array();
    }

    public int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }

    public int end(int index) {
        return ends[index];
    }

    /** The logger name of event {@code index}, as the event held it (uncut; may be null). */
    public String logger(int index) {
        return loggers[index];
    }

    /** Bytes of all encoded events, framing excluded. */
    long eventBytes() {
        return events.size();
    }

    long firstEventNanos() {
        return firstEventNanos;
    }

    /** The level of event {@code index}; null for a synthetic one (never counted). */
    Level level(int index) {
        return levels[index] == SYNTHETIC ? null : Level.ofOrdinal(levels[index]);
    }

    long ticket() {
        return ticket;
    }

    void ticket(long ticket) {
        this.ticket = ticket;
    }

    /** Appends one encoded event; {@code level} null for a synthetic event (never counted). */
    void add(OutputBuffer event, Level level, String logger, long nowNanos) {
        add(event.array(), 0, event.size(), level, logger, nowNanos);
    }

    /** Appends one encoded event held in {@code bytes[offset, offset + length)}: a spooled batch read back. */
    void add(byte[] bytes, int offset, int length, Level level, String logger, long nowNanos) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
            levels = Arrays.copyOf(levels, count * 2);
            loggers = Arrays.copyOf(loggers, count * 2);
        }
        if (count == 0) {
            firstEventNanos = nowNanos;
        }
        events.write(bytes, offset, length);
        ends[count] = events.size();
        levels[count] = level == null ? SYNTHETIC : (byte) level.ordinal();
        loggers[count] = logger;
        count++;
    }

    /** Number of counted (non-synthetic) events in {@code [from, to)}. */
    int countedEvents(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (levels[i] != SYNTHETIC) {
                n++;
            }
        }
        return n;
    }

    /**
     * Counts events {@code [from, to)} delivered or failed, unless the batch was abandoned or the
     * range is not the next unsettled one. Returns true if this call counted.
     */
    boolean settle(int from, int to, boolean delivered, Outcomes counters) {
        return settle(from, to, delivered ? 0 : Long.MAX_VALUE, counters);
    }

    /**
     * As {@link #settle(int, int, boolean, SinkCounters)} for a range the endpoint took but for
     * {@code rejected} of its events, which are counted failed, the rest delivered. Which events
     * were rejected no answer says; they are counted at the most severe levels first, so that a
     * partial rejection never hides a lost error behind delivered ones.
     */
    synchronized boolean settle(int from, int to, long rejected, Outcomes counters) {
        if (abandoned || from != settled || to > count) {
            return false;
        }
        tally(from, to);
        Arrays.fill(failedPerLevel, 0);
        long left = rejected;
        for (int level = perLevel.length - 1; level >= 0 && left > 0; level--) {
            int failed = (int) Math.min(left, perLevel[level]);
            failedPerLevel[level] = failed;
            perLevel[level] -= failed;
            left -= failed;
        }
        counters.delivered(perLevel);
        counters.failed(failedPerLevel);
        settled = to;
        return true;
    }

    /** Counts every unsettled event failed and makes later {@link #settle} calls no-ops; returns how many. */
    @Override
    public synchronized int abandon(SinkCounters counters) {
        if (abandoned) {
            return 0;
        }
        abandoned = true;
        int failed = countedEvents(settled, count);
        tally(settled, count);
        counters.failed(perLevel);
        settled = count;
        return failed;
    }

    synchronized boolean isAbandoned() {
        return abandoned;
    }

    /** True once every event is settled: delivered, failed or kept. */
    synchronized boolean isSettled() {
        return settled == count;
    }

    /**
     * Hands events {@code [from, to)} to {@code keeper} instead of counting them, by the rule of
     * {@link #settle}: unless the batch was abandoned or the range is not the next unsettled one.
     * Events the keeper could not keep are counted failed. Returns true if this call settled the
     * range.
     */
    synchronized boolean keep(int from, int to, Keeper keeper, Outcomes counters) {
        if (abandoned || from != settled || to > count) {
            return false;
        }
        tally(from, to);
        if (!keeper.keep(this, from, to, perLevel)) {
            counters.failed(perLevel);
        }
        settled = to;
        return true;
    }

    /**
     * The close deadline passed with this batch still out: keeps every unsettled event (counted
     * failed if the keeper cannot) and makes later calls no-ops, as {@link #abandon} does; returns
     * how many counted events it kept or failed.
     */
    synchronized int keepRest(Keeper keeper, Outcomes counters) {
        if (abandoned) {
            return 0;
        }
        int rest = countedEvents(settled, count);
        if (settled < count) {
            keep(settled, count, keeper, counters);
        }
        abandoned = true;
        return rest;
    }

    private void tally(int from, int to) {
        Arrays.fill(perLevel, 0);
        for (int i = from; i < to; i++) {
            if (levels[i] != SYNTHETIC) {
                perLevel[levels[i]]++;
            }
        }
    }

    @Override
    public String toString() {
        return "Batch{events=" + count + ", bytes=" + events.size() + '}';
    }
}
