package dev.ringtail.testing;

import dev.ringtail.internal.diag.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The one way tests capture output: text kept for assertions instead of printed. Either what a
 * {@link Diagnostics} prints ({@code new CapturedOutput()}, handed to the code under test as
 * {@link #diagnostics()}), or everything written to {@code System.err} or {@code System.out} while
 * installed ({@link #systemErr()}, {@link #systemOut()}; {@link #close()} puts the original
 * stream back). An installed capture's {@link #diagnostics()} prints into it too.
 */
public final class CapturedOutput implements AutoCloseable {
    /** Bounds the wait for ringtail's asynchronous stderr writer. */
    private static final Duration STDERR_WAIT = Duration.ofSeconds(10);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Diagnostics diagnostics;
    private final PrintStream replaced;
    private final boolean err;

    /** Captures a {@link Diagnostics} with no rate limit. */
    public CapturedOutput() {
        this(0);
    }

    /** @param rateLimitMillis the interval of {@link Diagnostics#rateLimited} */
    public CapturedOutput(long rateLimitMillis) {
        this(rateLimitMillis, null, false);
    }

    private CapturedOutput(long rateLimitMillis, PrintStream replaced, boolean err) {
        this.diagnostics = new Diagnostics(() -> stream, rateLimitMillis * 1_000_000L);
        this.replaced = replaced;
        this.err = err;
    }

    /** Replaces {@code System.err} with the capture until {@link #close()}. */
    public static CapturedOutput systemErr() {
        CapturedOutput capture = new CapturedOutput(0, System.err, true);
        System.setErr(capture.stream);
        return capture;
    }

    /** Replaces {@code System.out} with the capture until {@link #close()}. */
    public static CapturedOutput systemOut() {
        CapturedOutput capture = new CapturedOutput(0, System.out, false);
        System.setOut(capture.stream);
        return capture;
    }

    /** A {@link Diagnostics} that prints into this capture. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * What was captured. For a {@code System.err} capture, first waits (bounded) until ringtail's
     * stderr writer has printed what was queued: its lines are printed off the logging thread.
     */
    public String text() {
        if (err && replaced != null) {
            Diagnostics.awaitStderrPrinted(STDERR_WAIT);
        }
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    public List<String> lines() {
        String text = text();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** Puts the original stream back, if this capture replaced one; the text stays readable. */
    @Override
    public void close() {
        if (replaced == null) {
            return;
        }
        if (err) {
            System.setErr(replaced);
        } else {
            System.setOut(replaced);
        }
    }
}
