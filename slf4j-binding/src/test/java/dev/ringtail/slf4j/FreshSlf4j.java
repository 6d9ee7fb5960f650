package dev.ringtail.slf4j;

import dev.ringtail.internal.diag.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.LoggerFactoryFriend;

/**
 * For tests that go through SLF4J's global {@code LoggerFactory}: stops the ringtail pipeline
 * SLF4J initialized last and resets SLF4J, so the next call initializes a new provider, which
 * prints its console lines to whatever {@code System.out} is at that moment.
 */
final class FreshSlf4j {
    private FreshSlf4j() {
    }

    static void reset() {
        RingtailServiceProvider active = RingtailServiceProvider.active();
        if (active != null && active.runtime() != null) {
            active.runtime().shutdown(Duration.ofSeconds(5));
        }
        LoggerFactoryFriend.reset();
    }

    /** Captures a standard stream; {@link #restore()} puts the original back. */
    static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintStream original;
        private final boolean err;

        private Capture(boolean err) {
            this.err = err;
            this.original = err ? System.err : System.out;
            PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            if (err) {
                System.setErr(capture);
            } else {
                System.setOut(capture);
            }
        }

        static Capture stdout() {
            return new Capture(false);
        }

        static Capture stderr() {
            return new Capture(true);
        }

        /** For stderr, once ringtail's writer thread has printed the lines offered so far. */
        String text() {
            if (err) {
                Diagnostics.awaitStderrPrinted(Duration.ofSeconds(10));
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        void restore() {
            if (err) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
    }
}
