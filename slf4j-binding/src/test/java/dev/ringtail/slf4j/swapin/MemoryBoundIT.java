package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 8 in a 64 MiB heap, at default settings: four threads log huge messages while the
 * endpoint never answers. No OutOfMemoryError; the heap after GC stays within the memory budget
 * plus the preallocated slots and the sink's batches; what did not fit is dropped and counted
 * with its reason; and SIGTERM still ends the JVM within the shutdown deadline.
 */
class MemoryBoundIT {
    private static final String TOKEN = "it-memory-token-0123456789wxyz";
    private static final long MIB = 1 << 20;
    /** The in-flight batches plus the one being built, each up to batch.maxBytes, and a gzip copy. */
    private static final long SINK_BATCHES = 3 * 2 * MIB;
    /** What the JVM itself may move between two measurements (class loading, JIT, thread stacks). */
    private static final long SLACK = 6 * MIB;
    /** RingSizing.SLOT_BYTES: what one preallocated slot is reckoned to hold. */
    private static final long SLOT_BYTES = 1024;
    private static final long SHUTDOWN_MILLIS = 2_000;
    private static final Pattern HEAP = Pattern.compile("APP heap baseline=(\\d+) used=(\\d+) max=(\\d+)");
    private static final Pattern COUNTS = Pattern.compile(
            "APP attempted=(\\d+) accepted=(\\d+) dropped=(\\d+) memory=(\\d+) ringfull=(\\d+) ringsize=(\\d+)");
    private static SwapInApp app;

    @BeforeAll
    static void compileApp() {
        app = new SwapInApp("MemoryApp");
    }

    @Test
    void thirtyThousandCharMessagesFromFourThreadsStayWithinTheBudgetOfA64MiBHeap() throws Exception {
        assertBounded(30_000, 5_000);
    }

    @Test
    void oneMegabyteMessagesFromFourThreadsStayWithinTheBudgetOfA64MiBHeap() throws Exception {
        assertBounded(1 << 20, 250);
    }

    private static void assertBounded(int chars, int eventsPerThread) throws Exception {
        // accepts connections into its backlog and never answers: every request hangs until its deadline
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SwapInApp.Running running = app.start("-Xmx64m", List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=http://127.0.0.1:" + stalled.getLocalPort(),
                    "-Dringtail.console=false",
                    "-Dringtail.shutdownTimeoutMillis=" + SHUTDOWN_MILLIS),
                    List.of(), Integer.toString(chars), Integer.toString(eventsPerThread), "4");
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> running.stdout().contains("APP ready")
                        || !running.process.isAlive());
                String stdout = running.stdout();
                assertThat(stdout).as(stdout).contains("APP ready");

                Matcher heap = match(HEAP, stdout);
                Matcher counts = match(COUNTS, stdout);
                long max = Long.parseLong(heap.group(3));
                long budget = Math.min(64 * MIB, max / 8);
                long slots = Long.highestOneBit(Long.parseLong(counts.group(6)) * 2 - 1) * SLOT_BYTES;
                long retained = Long.parseLong(heap.group(2)) - Long.parseLong(heap.group(1));
                assertThat(retained).as("heap held after GC, of a %d MiB heap", max / MIB)
                        .isLessThanOrEqualTo(budget + slots + SINK_BATCHES + SLACK);

                long attempted = Long.parseLong(counts.group(1));
                assertThat(attempted).isEqualTo(4L * eventsPerThread);
                assertThat(Long.parseLong(counts.group(2)) + Long.parseLong(counts.group(3))).isEqualTo(attempted);
                assertThat(Long.parseLong(counts.group(4))).as("dropped for memory").isPositive();

                long signalled = System.nanoTime();
                running.process.destroy(); // SIGTERM
                assertThat(running.process.waitFor(SHUTDOWN_MILLIS + 8_000, TimeUnit.MILLISECONDS))
                        .as("exits within the shutdown deadline").isTrue();
                long exitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
                SwapInApp.Result result = running.result();
                assertThat(result.stderr).doesNotContain("OutOfMemoryError");
                assertThat(exitMillis).as(result.toString()).isLessThan(SHUTDOWN_MILLIS + 8_000);
            } finally {
                running.process.destroyForcibly();
            }
        }
    }

    private static Matcher match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in\n" + text).isTrue();
        return matcher;
    }
}
