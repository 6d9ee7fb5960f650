package dev.ringtail.internal.sink;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.stats.SinkCounters;
import java.io.Writer;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Writes the console's chunks on a thread of its own, so that a stream nobody reads (a full pipe)
 * blocks only this thread: the console's consumer keeps reading the ring and sheds what it cannot
 * hand over, and every other sink goes on.
 */
final class ConsoleWriter implements Runnable {
    private final BlockingQueue<ConsoleChunk> ready;
    private final Consumer<ConsoleChunk> done;
    private final Writer out;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private char[] chars = new char[ConsoleSink.CHUNK_CHARS];

    ConsoleWriter(BlockingQueue<ConsoleChunk> ready, Consumer<ConsoleChunk> done, Writer out, SinkCounters counters,
                  Diagnostics diagnostics) {
        this.ready = ready;
        this.done = done;
        this.out = out;
        this.counters = counters;
        this.diagnostics = diagnostics;
    }

    @Override
    public void run() {
        try {
            while (true) {
                ConsoleChunk chunk = ready.take();
                try {
                    write(chunk);
                } finally {
                    done.accept(chunk);
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Writes one chunk and counts its events: delivered if the stream took it, failed if not. */
    void write(ConsoleChunk chunk) {
        int length = chunk.text.length();
        if (chars.length < length) {
            chars = new char[length];
        }
        // getChars into a reused array: Writer.append(CharSequence) would copy into a new String
        chunk.text.getChars(0, length, chars, 0);
        try {
            out.write(chars, 0, length);
            out.flush();
            chunk.settle(true, counters);
            counters.batch(length, length);
        } catch (Exception e) {
            chunk.settle(false, counters);
            diagnostics.once("console:write:" + e.getClass().getName(), "console: writing failed with "
                    + e.getClass().getName() + " (those events are counted failed; further failures are only counted)");
        }
    }
}
