package dev.ringtail.internal.sink;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.stats.SinkCounters;
import dev.ringtail.internal.text.ConsoleFormat;
import dev.ringtail.internal.text.LineFormat;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Prints events in a console format ({@code ringtail.console.format}: the human line, or one
 * wire-format JSON object per line). Lines collect in a chunk that is handed to a writer thread
 * at the end of each batch the ring hands over (or when it is full), so a burst costs one write,
 * not one {@code println} per event, and a stream that blocks holds up only that writer: while
 * every chunk is being written the consumer waits, and once it is far behind the ring it counts
 * the console's events failed instead (the other sinks never notice).
 */
public final class ConsoleSink implements Sink {
    /** Sink name, as JMX shows it: {@code dev.ringtail:type=Sink,name=console}. */
    public static final String NAME = "console";
    /** A chunk past this is handed to the writer before the batch ends. */
    static final int CHUNK_CHARS = 64 * 1024;
    /** The chunk being filled plus those the writer may hold. */
    static final int CHUNKS = 3;

    private final OutputStreamWriter out;
    private final LineFormat format;
    private final Diagnostics diagnostics;
    private final SinkCounters counters = new SinkCounters(NAME);
    private final BufferPool<ConsoleChunk> pool;
    private final BlockingQueue<ConsoleChunk> ready = new ArrayBlockingQueue<>(CHUNKS);
    private final ConsoleWriter writer;
    private final Thread writerThread;
    private final ShedPolicy shed = new ShedPolicy();
    private ConsoleChunk current;
    private boolean started;

    /**
     * @param stream        where lines go (for instance {@code System.out}); not closed by this sink
     * @param zone          time zone of the printed time
     * @param maxStackChars stack traces are cut after this many chars
     */
    public ConsoleSink(OutputStream stream, ZoneId zone, int maxStackChars) {
        this(stream, zone, maxStackChars, Truncation.DEFAULT_MAX_FIELD_CHARS, Diagnostics.stderr());
    }

    /** @param maxFieldChars the logger name and each exception's own line are cut after this many chars */
    public ConsoleSink(OutputStream stream, ZoneId zone, int maxStackChars, int maxFieldChars) {
        this(stream, zone, maxStackChars, maxFieldChars, Diagnostics.stderr());
    }

    public ConsoleSink(OutputStream stream, ZoneId zone, int maxStackChars, Diagnostics diagnostics) {
        this(stream, zone, maxStackChars, Truncation.DEFAULT_MAX_FIELD_CHARS, diagnostics);
    }

    public ConsoleSink(OutputStream stream, ZoneId zone, int maxStackChars, int maxFieldChars,
                       Diagnostics diagnostics) {
        this(stream, new ConsoleFormat(zone, maxStackChars, maxFieldChars), diagnostics);
    }

    /** @param format how each event is printed; used on the consumer thread only */
    public ConsoleSink(OutputStream stream, LineFormat format, Diagnostics diagnostics) {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.format = format;
        this.diagnostics = diagnostics;
        List<ConsoleChunk> chunks = new ArrayList<>(CHUNKS);
        for (int i = 0; i < CHUNKS; i++) {
            chunks.add(new ConsoleChunk(CHUNK_CHARS));
        }
        this.pool = new BufferPool<>(chunks);
        this.writer = new ConsoleWriter(ready, pool::release, out, counters, diagnostics);
        this.writerThread = RecursionGuard.pipelineThreads("ringtail-console").newThread(writer);
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    @Override
    public void attach(Backlog backlog) {
        shed.attach(backlog);
    }

    @Override
    public void start() {
        started = true;
        writerThread.start();
    }

    @Override
    public void onEvent(EventView event) throws Exception {
        if (current == null) {
            current = pool.acquire(shed);
            if (current == null) {
                if (!event.isSynthetic()) {
                    counters.failed(event.level(), 1);
                    diagnostics.rateLimited("console-shed", "console: the stream is not taking lines (a pipe nobody reads?);"
                            + " console events are counted failed until it does");
                }
                return;
            }
        }
        format.append(event, current.text);
        current.added(event.level(), event.isSynthetic());
        if (current.text.length() >= CHUNK_CHARS) {
            handOver();
        }
    }

    @Override
    public void onEndOfBatch() {
        handOver();
    }

    @Override
    public void onIdle() {
        handOver();
    }

    @Override
    public boolean flush(long deadlineNanos) {
        handOver();
        return pool.awaitAllReturned(deadlineNanos);
    }

    @Override
    public void close(long deadlineNanos) {
        boolean written = flush(deadlineNanos);
        writerThread.interrupt();
        if (!written) {
            int lost = pool.abandonAll(counters);
            if (lost > 0) {
                diagnostics.line("console: close deadline passed with " + lost + " events unwritten (counted failed)");
            }
        }
    }

    private void handOver() {
        ConsoleChunk chunk = current;
        if (chunk == null) {
            return;
        }
        if (chunk.isEmpty()) {
            return; // keep it for the next event
        }
        current = null;
        if (!started) {
            // a sink used outside a pipeline: write on this thread. Once started, never: a writer
            // that died leaves its chunks out, and the consumer sheds rather than block on the stream
            writer.write(chunk);
            pool.release(chunk);
            return;
        }
        ready.add(chunk); // never full: it holds at most every chunk there is
    }
}
