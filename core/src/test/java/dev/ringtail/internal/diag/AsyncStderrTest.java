package dev.ringtail.internal.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's bounds and its behaviour at JVM exit, on instances of its own (no shutdown hook). */
@Timeout(30)
class AsyncStderrTest {
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
        assertThat(out.awaitPrinted(TimeUnit.SECONDS.toNanos(10))).isTrue();
        assertThat(text()).isEqualTo("line 0\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\n");
        assertThat(out.notPrinted()).isZero();
    }

    @Test
    void atExitACallerWaitsBrieflyForItsLineSoTheLastLinesAreNotLost() {
        AsyncStderr out = new AsyncStderr(() -> buffer, 16, 1 << 20, false);
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
        AsyncStderr out = new AsyncStderr(() -> stuck, 4, 1 << 20, false);
        out.print("blocks the writer\n");
        long start = System.nanoTime();
        out.exiting(); // the hook: gives up after its bound
        for (int i = 0; i < 100; i++) {
            out.print("at exit " + i + "\n"); // only the first waits, and only for its bound
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMillis).isLessThan(TimeUnit.NANOSECONDS.toMillis(AsyncStderr.EXIT_DRAIN_NANOS) + 2_000);
        assertThat(out.notPrinted()).as("4 fit, the rest counted").isEqualTo(97);
        never.countDown();
    }

    @Test
    void textBeyondTheCharacterBudgetIsCountedNotQueued() {
        AsyncStderr out = new AsyncStderr(() -> buffer, 16, 10, false);
        out.print("x".repeat(11));
        out.print("short\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> text().contains("not printed"));
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
        assertThat(out.awaitPrinted(TimeUnit.SECONDS.toNanos(10))).isTrue();
        assertThat(text()).isEqualTo("ringtail: 1 ringtail lines were not printed: stderr was blocked"
                + System.lineSeparator());
    }
}
