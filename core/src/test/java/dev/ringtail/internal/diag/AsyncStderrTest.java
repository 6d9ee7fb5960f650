package dev.ringtail.internal.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's bounds and its behaviour at JVM exit, on instances of its own (no shutdown hook). */
@Timeout(30)
class AsyncStderrTest {
    /**
     * How long a test lets the writer thread get a CPU: far longer than it needs even on a loaded
     * build machine, far shorter than the class timeout. A test waits for all it asserts
     * (awaitPrinted, or a line's own wait at exit), never for a part of it, and never relies on
     * the production bounds, sized for an exiting JVM, except where they are what it tests.
     */
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream buffer = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void linesArePrintedInOrderByTheWriterThread() {
        AsyncStderr out = new AsyncStderr(() -> buffer, 16, 1 << 20, false);
        for (int i = 0; i < 10; i++) {
            out.print("line " + i + "\n");
        }
        assertThat(out.awaitPrinted(WAIT_NANOS)).isTrue();
        assertThat(text()).isEqualTo("line 0\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\n");
        assertThat(out.notPrinted()).isZero();
    }

    @Test
    void atExitACallerWaitsBrieflyForItsLineSoTheLastLinesAreNotLost() {
        // the production wait (EXIT_WAIT_NANOS, 100 ms) includes starting the writer thread: on a
        // loaded machine that alone can take longer, and print rightly gives up
        AsyncStderr out = new AsyncStderr(() -> buffer, 16, 1 << 20, false, WAIT_NANOS);
        out.exiting();
        out.print("shutdown deadline passed\n");
        assertThat(text()).as("printed before print returned").isEqualTo("shutdown deadline passed\n");
    }

    @Test
    void atExitAStuckStderrDelaysByABoundAndNeverHangs() {
        CountDownLatch never = new CountDownLatch(1);
        PrintStream stuck = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, true, StandardCharsets.UTF_8);
        try {
            AsyncStderr out = new AsyncStderr(() -> stuck, 4, 1 << 20, false);
            out.print("blocks the writer\n");
            long start = System.nanoTime();
            out.exiting(); // the hook: gives up after its bound
            for (int i = 0; i < 100; i++) {
                out.print("at exit " + i + "\n"); // only the first waits, and only for its bound
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // bounded, not hanging: the margin is for a loaded machine, the class timeout for a hang
            assertThat(tookMillis).isLessThan(TimeUnit.NANOSECONDS.toMillis(AsyncStderr.EXIT_DRAIN_NANOS
                    + AsyncStderr.EXIT_WAIT_NANOS + WAIT_NANOS));
            assertThat(out.notPrinted()).as("4 fit, the rest counted").isEqualTo(97);
        } finally {
            never.countDown();
        }
    }

    @Test
    void textBeyondTheCharacterBudgetIsCountedNotQueued() {
        AsyncStderr out = new AsyncStderr(() -> buffer, 16, 10, false);
        out.print("x".repeat(11));
        out.print("short\n");
        // not until the report shows: when the writer reaches it first, "short" is still to come
        assertThat(out.awaitPrinted(WAIT_NANOS)).isTrue();
        assertThat(out.notPrinted()).isEqualTo(1);
        // reported once stderr takes lines again: before or after the next line, whichever the
        // writer reaches first, but exactly once
        assertThat(text().lines()).containsExactlyInAnyOrder("short",
                "ringtail: 1 ringtail lines were not printed: stderr was blocked");
    }

    @Test
    void aLineTooLongForTheBudgetIsReportedEvenWhenNothingElseIsPrinted() {
        AsyncStderr out = new AsyncStderr(() -> buffer, 16, 10, false);
        out.print("y".repeat(11));
        // true only once the report is written, not when the writer has merely taken it on
        assertThat(out.awaitPrinted(WAIT_NANOS)).isTrue();
        assertThat(text()).isEqualTo("ringtail: 1 ringtail lines were not printed: stderr was blocked"
                + System.lineSeparator());
    }
}
