package dev.ringtail.testing;

import dev.ringtail.internal.diag.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A {@link Diagnostics} whose lines are kept for assertions instead of printed. */
public final class CapturedStderr {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Diagnostics diagnostics;

    public CapturedStderr() {
        this(0);
    }

    /** @param rateLimitMillis the interval of {@link Diagnostics#rateLimited} */
    public CapturedStderr(long rateLimitMillis) {
        diagnostics = new Diagnostics(() -> stream, rateLimitMillis * 1_000_000L);
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public List<String> lines() {
        synchronized (bytes) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        }
    }

    public String text() {
        return String.join("\n", lines());
    }
}
