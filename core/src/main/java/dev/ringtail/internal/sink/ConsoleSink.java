package dev.ringtail.internal.sink;

import dev.ringtail.Level;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.stats.SinkCounters;
import dev.ringtail.internal.text.ConsoleFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Prints events in the seed's console format. Lines collect in a buffer that is written and
 * flushed at the end of each batch the ring hands over, so a burst costs one write, not one
 * {@code println} per event.
 */
public final class ConsoleSink implements Sink {
    /** Sink name, as JMX shows it: {@code dev.ringtail:type=Sink,name=console}. */
    public static final String NAME = "console";
    /** A buffer past this is written out before the batch ends. */
    static final int FLUSH_THRESHOLD_CHARS = 64 * 1024;

    private final Writer out;
    private final ConsoleFormat format;
    private final SinkCounters counters = new SinkCounters(NAME);
    private final StringBuilder buffer = new StringBuilder(FLUSH_THRESHOLD_CHARS);
    private final int[] buffered = new int[Level.count()];
    private char[] chars = new char[FLUSH_THRESHOLD_CHARS];

    /**
     * @param stream        where lines go (for instance {@code System.out}); not closed by this sink
     * @param zone          time zone of the printed time
     * @param maxStackChars stack traces are cut after this many chars
     */
    public ConsoleSink(OutputStream stream, ZoneId zone, int maxStackChars) {
        this(stream, zone, maxStackChars, Truncation.DEFAULT_MAX_FIELD_CHARS);
    }

    /** @param maxFieldChars the logger name and each exception's own line are cut after this many chars */
    public ConsoleSink(OutputStream stream, ZoneId zone, int maxStackChars, int maxFieldChars) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.format = new ConsoleFormat(zone, maxStackChars, maxFieldChars);
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    @Override
    public void onEvent(EventView event) throws IOException {
        if (buffer.length() >= FLUSH_THRESHOLD_CHARS) {
            write(); // before this event joins the buffer, so a failed write never counts it twice
        }
        format.append(event, buffer);
        if (!event.isSynthetic()) {
            buffered[event.level().ordinal()]++;
        }
    }

    @Override
    public void onEndOfBatch() throws IOException {
        write();
    }

    @Override
    public boolean flush(long deadlineNanos) throws IOException {
        write();
        return true;
    }

    @Override
    public void close(long deadlineNanos) throws IOException {
        write();
    }

    private void write() throws IOException {
        if (buffer.length() == 0) {
            return;
        }
        int length = buffer.length();
        if (chars.length < length) {
            chars = new char[length];
        }
        // getChars into a reused array: Writer.append(CharSequence) would copy into a new String
        buffer.getChars(0, length, chars, 0);
        buffer.setLength(0);
        if (buffer.capacity() > 4 * FLUSH_THRESHOLD_CHARS) {
            buffer.trimToSize();
        }
        try {
            out.write(chars, 0, length);
            out.flush();
            counters.delivered(buffered);
            counters.batch(length, length);
        } catch (IOException | RuntimeException e) {
            counters.failed(buffered);
            throw e;
        } finally {
            java.util.Arrays.fill(buffered, 0);
        }
    }
}
