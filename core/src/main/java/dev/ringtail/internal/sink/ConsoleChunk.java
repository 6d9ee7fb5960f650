package dev.ringtail.internal.sink;

import dev.ringtail.Level;
import dev.ringtail.internal.stats.SinkCounters;
import java.util.Arrays;

/**
 * Console lines on their way to the stream, with how many events of each level they hold. The
 * consumer fills it; then the writer owns it. Whoever settles first (the writer after its write,
 * or close giving up at its deadline) counts the events; the other's call does nothing.
 */
final class ConsoleChunk implements BufferPool.Buffer {
    StringBuilder text;
    private final int[] perLevel = new int[Level.count()];
    private final int retainedChars;
    private boolean settled;

    ConsoleChunk(int chars) {
        this.text = new StringBuilder(chars);
        this.retainedChars = chars;
    }

    /** One more event's lines were appended; synthetic ones are printed but never counted. */
    void added(Level level, boolean synthetic) {
        if (!synthetic) {
            perLevel[level.ordinal()]++;
        }
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /** Counts the events delivered (written) or failed, once. */
    synchronized void settle(boolean written, SinkCounters counters) {
        if (settled) {
            return;
        }
        settled = true;
        if (written) {
            counters.delivered(perLevel);
        } else {
            counters.failed(perLevel);
        }
    }

    @Override
    public synchronized int abandon(SinkCounters counters) {
        if (settled) {
            return 0;
        }
        int events = Arrays.stream(perLevel).sum();
        settle(false, counters);
        return events;
    }

    @Override
    public synchronized void clear() {
        if (text.capacity() > 4 * retainedChars) {
            text = new StringBuilder(retainedChars); // a huge event grew it: let that go
        } else {
            text.setLength(0);
        }
        Arrays.fill(perLevel, 0);
        settled = false;
    }
}
