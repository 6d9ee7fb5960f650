package dev.ringtail.internal.diag;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Prints on the calling thread. Only for streams that cannot block (a test's buffer): stderr
 * itself goes through {@link AsyncStderr}, because a pipe nobody reads would stall the log call.
 */
final class DirectOutput implements LineOutput {
    private final Supplier<PrintStream> out;

    DirectOutput(Supplier<PrintStream> out) {
        this.out = out;
    }

    @Override
    public void print(String text) {
        try {
            PrintStream stream = out.get();
            stream.print(text);
            stream.flush();
        } catch (Throwable t) {
            // a stream that throws (even an Error) must not take the caller down, least of all a consumer
        }
    }
}
