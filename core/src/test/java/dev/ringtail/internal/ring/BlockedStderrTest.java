package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringtail.Level;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.StderrText;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * stderr is a pipe nobody reads: every write to it blocks. Diagnostic lines (a re-entrant call,
 * an event logged after shutdown) must not block the log call that caused them; what does not
 * fit is counted and reported once stderr drains. Runs on the production wiring: the pipeline's
 * default {@code Diagnostics.stderr()} and {@code System.err} replaced.
 */
@Timeout(60)
class BlockedStderrTest {
    private static final int THREADS = 8;
    private static final int REENTRANT_CALLS = 100;
    private static final int LATE_CALLS = 300;
    private static final long CALL_BOUND_MILLIS = 2_000;
    private static final EventTranslator<String, Object, Void, Void> FORMAT1 =
            (event, pattern, arg, c, d) -> event.format(pattern, arg);

    /** Blocks every write until opened, as a full pipe does; then keeps what was written. */
    private static final class BlockedStream extends OutputStream {
        final CountDownLatch open = new CountDownLatch(1);
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (written) {
                written.write(b, off, len);
            }
        }

        String text() {
            synchronized (written) {
                return written.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void logCallsReturnWhileStderrIsBlockedAndTheLostLinesAreReportedOnceItDrains() throws Exception {
        BlockedStream stderr = new BlockedStream();
        PrintStream original = System.err;
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            Pipeline pipeline = Pipeline.builder().jmx(false).sink(new CollectingSink()).build().start();
            Object logsWhileFormatted = new Object() {
                @Override
                public String toString() {
                    log(pipeline, Level.ERROR, "inner", "re-entrant");
                    return "outer";
                }
            };
            assertAllReturnInTime(callers, () -> pipeline.publish(Level.INFO, "app", FORMAT1, "value {}",
                    logsWhileFormatted, null, null), REENTRANT_CALLS);
            assertThat(pipeline.shutdown(Duration.ofSeconds(10))).isTrue();
            assertAllReturnInTime(callers, () -> log(pipeline, Level.WARN, "late", "after shutdown"), LATE_CALLS);
            assertThat(pipeline.stats().dropped(Level.WARN)).isEqualTo((long) THREADS * LATE_CALLS);

            stderr.open.countDown(); // someone reads stderr at last
            await().atMost(Duration.ofSeconds(20)).until(() -> StderrText.NOT_PRINTED.matcher(stderr.text()).find());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                String text = stderr.text();
                return StderrText.count(text, "[WARN] late: after shutdown") + StderrText.notPrinted(text) == (long) THREADS * LATE_CALLS;
            });
            String text = stderr.text();
            assertThat(text).contains("not sent, logged from inside the pipeline");
            assertThat(StderrText.count(text, "[WARN] late: after shutdown")).as("the queue is bounded").isLessThan(THREADS * LATE_CALLS);
        } finally {
            stderr.open.countDown();
            System.setErr(original);
            callers.shutdownNow();
        }
    }

    private static void assertAllReturnInTime(ExecutorService callers, Runnable call, int callsPerThread)
            throws Exception {
        List<Future<Long>> slowest = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            slowest.add(callers.submit(() -> {
                long max = 0;
                for (int i = 0; i < callsPerThread; i++) {
                    long start = System.nanoTime();
                    call.run();
                    max = Math.max(max, System.nanoTime() - start);
                }
                return max;
            }));
        }
        for (Future<Long> f : slowest) {
            // a call blocked in println would never return: the get times out instead of hanging the build
            long max = f.get(20, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(max)).as("slowest log call, ms").isLessThan(CALL_BOUND_MILLIS);
        }
    }
}
