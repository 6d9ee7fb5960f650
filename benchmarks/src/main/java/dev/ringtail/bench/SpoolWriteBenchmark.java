package dev.ringtail.bench;

import dev.ringtail.internal.spool.Spool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast a sink that cannot deliver writes to its disk spool: one append is one failed batch of
 * {@link #EVENTS} events of about {@link #EVENT_BYTES} bytes (≈200 KB of JSON, per-level counts
 * set), and the score is events/s ({@link OperationsPerInvocation}); times {@link #EVENT_BYTES}
 * it is bytes/s. The spool is capped at 1 GiB, so after a few seconds every append also deletes
 * the oldest segment as a full spool does, and {@code sync()} runs once a second as the sink calls
 * it: this is the steady state of a long outage, page cache and write-back included. Compare with
 * the end-to-end rows: the spool has to take what the sink would otherwise send.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SpoolWriteBenchmark.EVENTS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SpoolWriteBenchmark {
    static final int EVENTS = 1_000;
    static final int EVENT_BYTES = 200;
    private static final long MAX_BYTES = 1L << 30;
    private static final long SYNC_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private Path dir;
    private Spool spool;
    private byte[] batch;
    private final int[] perLevel = {50, 150, 600, 150, 50};
    private long lastSync;

    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("ringtail-spool-bench");
        spool = Spool.open(dir, MAX_BYTES, new Spool.Listener() {
            @Override
            public void droppedOldest(int[] counts, boolean earlier) {
                for (int count : counts) {
                    droppedEvents.addAndGet(count);
                }
            }

            @Override
            public void skippedTorn(long bytes, String segment) {
            }

            @Override
            public void ioFailed(String what, Exception cause) {
                failures.incrementAndGet();
                System.err.println("spool: " + what + ": " + cause);
            }
        });
        batch = batch();
        lastSync = System.nanoTime();
    }

    /** A JSON array of events of {@link #EVENT_BYTES} bytes each, as a BetterStack batch looks. */
    private static byte[] batch() {
        StringBuilder json = new StringBuilder(EVENTS * EVENT_BYTES).append('[');
        for (int i = 0; i < EVENTS; i++) {
            StringBuilder event = new StringBuilder(EVENT_BYTES).append(i == 0 ? "" : ",")
                    .append("{\"dt\":\"2026-11-24T10:15:30.").append(100_000 + i).append("Z\",\"level\":\"info\",")
                    .append("\"message\":\"Payment ").append(i).append(" accepted\",\"logger_name\":\"shop.checkout\",")
                    .append("\"thread_name\":\"http-exec-3\",\"order_id\":").append(i).append(",\"pad\":\"");
            while (event.length() < EVENT_BYTES - 3) {
                event.append('x');
            }
            json.append(event).append("\"}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public boolean append() {
        boolean appended = spool.append(batch, 0, batch.length, perLevel);
        long now = System.nanoTime();
        if (now - lastSync >= SYNC_NANOS) {
            spool.sync();
            lastSync = now;
        }
        return appended;
    }

    @TearDown
    public void tearDown() throws IOException {
        Outcomes.print("SpoolWriteBenchmark", "batch bytes=" + batch.length + " on disk=" + spool.bytes()
                + " spooled events=" + spool.events() + " dropped by the full spool=" + droppedEvents
                + " failures=" + failures);
        spool.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
