package dev.ringtail.testing;

import dev.ringtail.ring.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Collects what a pipeline would print on stderr, for assertions. */
public final class StderrCapture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public Diagnostics diagnostics() {
        return new Diagnostics(() -> stream, TimeUnit.SECONDS.toNanos(1));
    }

    public PrintStream stream() {
        return stream;
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public List<String> lines() {
        String text = text();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
