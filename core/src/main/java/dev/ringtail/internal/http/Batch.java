package dev.ringtail.internal.http;

import dev.ringtail.Level;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.sink.BufferPool;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.Arrays;

/**
 * A reusable batch: the JSON array body ({@code [e0,e1,...]}) plus where each event ends and its
 * level, so the batch can be split on a 413 and every event counted once at the right level.
 *
 * <p>The consumer thread fills it; one sender thread then owns it. Settling (counting outcomes)
 * is the one thing two threads may race on: a sender reporting a result while {@code close}
 * gives up on the batch at its deadline. Whoever comes first counts; the other's call does
 * nothing. Senders settle ranges strictly left to right (halves of a split are sent in order),
 * so what is settled is always a prefix of the batch.
 */
final class Batch implements BufferPool.Buffer {
    private static final byte SYNTHETIC = -1;

    final OutputBuffer body;
    private final int retainedBytes;
    private int[] ends = new int[64];
    private byte[] levels = new byte[64];
    private int count;
    private long firstEventNanos;
    // guarded by this
    private final int[] perLevel = new int[Level.count()];
    private int settled;
    private boolean abandoned;

    Batch(int initialBytes, int retainedBytes) {
        this.body = new OutputBuffer(initialBytes);
        this.retainedBytes = retainedBytes;
        clear();
    }

    /** Empties the batch for reuse, releasing a body that an oversized event had grown. */
    @Override
    public synchronized void clear() {
        body.resetAndShrink(retainedBytes);
        body.write('[');
        count = 0;
        settled = 0;
        abandoned = false;
    }

    int count() {
        return count;
    }

    long firstEventNanos() {
        return firstEventNanos;
    }

    /** Body size, closing bracket included, if an event of {@code eventBytes} were added now. */
    int sizeWith(int eventBytes) {
        return body.size() + (count > 0 ? 1 : 0) + eventBytes + 1;
    }

    /** Size of the sealed body, or of the body once sealed. */
    int size() {
        return body.size() + 1;
    }

    /** Appends one serialized event; {@code level} null for a synthetic event (never counted). */
    void add(OutputBuffer event, Level level, long nowNanos) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
            levels = Arrays.copyOf(levels, count * 2);
        }
        if (count == 0) {
            firstEventNanos = nowNanos;
        } else {
            body.write(',');
        }
        body.write(event, 0, event.size());
        ends[count] = body.size();
        levels[count] = level == null ? SYNTHETIC : (byte) level.ordinal();
        count++;
    }

    /** Closes the JSON array; the batch is then handed to a sender. */
    void seal() {
        body.write(']');
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

    /** Writes the JSON array of events {@code [from, to)} of this sealed batch into {@code out}. */
    void copyRange(int from, int to, OutputBuffer out) {
        int start = from == 0 ? 1 : ends[from - 1] + 1;
        out.reset();
        out.write('[');
        out.write(body, start, ends[to - 1] - start);
        out.write(']');
    }

    /**
     * Counts events {@code [from, to)} delivered or failed, unless the batch was abandoned or the
     * range is not the next unsettled one. Returns true if this call counted.
     */
    synchronized boolean settle(int from, int to, boolean delivered, SinkCounters counters) {
        if (abandoned || from != settled || to > count) {
            return false;
        }
        tally(from, to);
        if (delivered) {
            counters.delivered(perLevel);
        } else {
            counters.failed(perLevel);
        }
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
        return "Batch{events=" + count + ", bytes=" + body.size() + '}';
    }
}
