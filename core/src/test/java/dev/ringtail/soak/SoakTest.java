package dev.ringtail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpServer;
import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.sink.ConsoleSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten minutes (by default) at a fixed offered rate through a real pipeline in a 64 MiB heap (the
 * soak profile's -Xmx64m): a BetterStack sink POSTing to a counting receiver on 127.0.0.1 and a
 * console sink writing to a counting stream. One event in 50 carries a 30,000-char argument, and
 * the endpoint answers 503 to everything from 40 % to 60 % of the run (2 of 10 minutes). Heap after
 * GC must stay flat, threads must not leak, counters must add up exactly. Run with
 * {@code ./mvnw -B verify -Psoak -pl core}; {@code -Dringtail.soak.minutes} and
 * {@code -Dringtail.soak.rate} tune it. Figures go to {@code core/target/soak-report.txt}.
 */
@Tag("soak")
class SoakTest {
    private static final int MINUTES = Integer.getInteger("ringtail.soak.minutes", 10);
    private static final int RATE = Integer.getInteger("ringtail.soak.rate", 5_000);
    private static final int PRODUCERS = 4;
    private static final long SAMPLE_NANOS = 15_000_000_000L;
    /** One event in this many carries the large argument. */
    private static final int LARGE_EVERY = 50;
    private static final String LARGE = "x".repeat(30_000);
    /** The endpoint is down (503) between these shares of the run. */
    private static final double DOWN_FROM = 0.4;
    private static final double DOWN_UNTIL = 0.6;
    private static final EventTranslator<String, Object, Map<String, String>, Void> EVENT =
            (event, pattern, arg, mdc, d) -> event.format(pattern, arg).mdc(mdc).addKeyValue("order_id", 42);

    @Test
    void heapStaysFlatThreadsDoNotLeakAndCountersAddUpAtAFixedRate() throws Exception {
        CountingReceiver receiver = new CountingReceiver();
        CountingStream console = new CountingStream();
        Pipeline pipeline = Pipeline.builder().jmx(false)
                .sink(new ConsoleSink(console, ZoneOffset.UTC, 32_768))
                .sink(BetterStackSink.builder().endpoint(receiver.uri()).token("soak-token-0000")
                        .flush(Duration.ofMillis(200)).build())
                .build().start();
        long offered = 0;
        List<long[]> samples = new ArrayList<>(); // {elapsed seconds, heap after GC, threads}
        long start = System.nanoTime();
        long end = start + MINUTES * 60_000_000_000L;
        long nextSample = start;
        long perTick = Math.max(1, RATE / 100 / PRODUCERS);
        Thread[] producers = new Thread[PRODUCERS];
        AtomicLong offeredCount = new AtomicLong();
        for (int p = 0; p < PRODUCERS; p++) {
            Map<String, String> mdc = Map.of("request_id", "req-" + p, "tenant", "soak");
            producers[p] = new Thread(() -> {
                long tick = System.nanoTime();
                while (tick < end) {
                    for (int i = 0; i < perTick; i++) {
                        pipeline.publish(i % 100 == 0 ? Level.WARN : Level.INFO, "soak.Producer", EVENT,
                                "Payment failed for order {}", i % LARGE_EVERY == 0 ? LARGE : i, mdc, null);
                    }
                    offeredCount.addAndGet(perTick);
                    tick += 10_000_000L; // 100 ticks a second: a fixed rate, not as fast as possible
                    LockSupport.parkNanos(Math.max(0, tick - System.nanoTime()));
                }
            }, "soak-producer-" + p);
            producers[p].start();
        }
        long downFrom = start + (long) ((end - start) * DOWN_FROM);
        long downUntil = start + (long) ((end - start) * DOWN_UNTIL);
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            receiver.down = now >= downFrom && now < downUntil;
            if (System.nanoTime() >= nextSample) {
                samples.add(sample(start));
                nextSample += SAMPLE_NANOS;
            }
            Thread.sleep(200);
        }
        for (Thread producer : producers) {
            producer.join(30_000);
        }
        offered = offeredCount.get();
        assertThat(pipeline.flush(Duration.ofSeconds(60))).isTrue();
        samples.add(sample(start));

        PipelineStats stats = pipeline.stats();
        SinkStats http = stats.sink(BetterStackSink.NAME).orElseThrow();
        SinkStats stdout = stats.sink(ConsoleSink.NAME).orElseThrow();
        String report = report(offered, stats, http, stdout, receiver, samples);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "soak-report.txt"), report);
        System.out.println(report);

        assertThat(stats.attempted()).isEqualTo(offered);
        assertThat(stats.accepted() + stats.dropped()).isEqualTo(stats.attempted());
        assertThat(http.delivered() + http.failed()).isEqualTo(stats.accepted());
        assertThat(stdout.delivered() + stdout.failed()).isEqualTo(stats.accepted());
        assertThat(receiver.events.get()).isEqualTo(http.delivered());
        assertThat(receiver.invalid.get()).isZero();

        // flat heap: the least-squares trend after the first minute of warm-up stays under
        // 1 MB a minute (a leak of one 200-byte object per event at 5,000 events/s is 60 MB a minute)
        List<long[]> steady = samples.subList(Math.min(4, samples.size() - 2), samples.size());
        double mbPerMinute = slopeBytesPerSecond(steady) * 60 / 1e6;
        assertThat(mbPerMinute).as("heap-after-GC trend, MB/min").isLessThan(1.0);
        // threads: compared while the producers run (the last sample is taken after they ended)
        List<long[]> running = steady.subList(0, steady.size() - 1);
        long minThreads = running.stream().mapToLong(s -> s[2]).min().orElseThrow();
        long maxThreads = running.stream().mapToLong(s -> s[2]).max().orElseThrow();
        assertThat(maxThreads - minThreads).as("thread count drift").isLessThanOrEqualTo(2);

        assertThat(pipeline.shutdown(Duration.ofSeconds(10))).isTrue();
        receiver.close();
    }

    private static long[] sample(long start) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return new long[] {(System.nanoTime() - start) / 1_000_000_000L, heap, threads};
    }

    private static double slopeBytesPerSecond(List<long[]> samples) {
        double n = samples.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (long[] s : samples) {
            sx += s[0];
            sy += s[1];
            sxx += (double) s[0] * s[0];
            sxy += (double) s[0] * s[1];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }

    private static String report(long offered, PipelineStats stats, SinkStats http, SinkStats console,
                                 CountingReceiver receiver, List<long[]> samples) {
        StringBuilder b = new StringBuilder();
        long rate = PRODUCERS * Math.max(1, RATE / 100 / PRODUCERS) * 100L; // what the fixed ticks offer
        b.append("soak: ").append(MINUTES).append(" min at ").append(rate).append(" events/s offered by ")
                .append(PRODUCERS).append(" threads, JDK ").append(System.getProperty("java.version"))
                .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MB\n");
        b.append("offered=").append(offered).append(" attempted=").append(stats.attempted())
                .append(" accepted=").append(stats.accepted()).append(" dropped=").append(stats.dropped()).append('\n');
        b.append("betterstack: delivered=").append(http.delivered()).append(" failed=").append(http.failed())
                .append(" retried=").append(http.retried()).append(" batches=").append(http.batches())
                .append(" wireBytes=").append(http.bytes()).append(" rawBytes=").append(http.rawBytes())
                .append(" receiverEvents=").append(receiver.events.get()).append(" invalidBodies=")
                .append(receiver.invalid.get()).append(" refusedWhileDown=").append(receiver.refused.get())
                .append(" dropSummaries=").append(receiver.summaries.get()).append('\n');
        b.append("dropped by reason:");
        for (dev.ringtail.DropReason reason : dev.ringtail.DropReason.values()) {
            b.append(' ').append(reason.label()).append('=').append(stats.dropped(reason));
        }
        b.append('\n');
        b.append("console: delivered=").append(console.delivered()).append(" failed=").append(console.failed())
                .append('\n');
        b.append("seconds heapAfterGcMB threads\n");
        for (long[] s : samples) {
            b.append(s[0]).append(' ').append(String.format("%.1f", s[1] / 1e6)).append(' ').append(s[2]).append('\n');
        }
        List<long[]> steady = samples.subList(Math.min(4, samples.size() - 2), samples.size());
        b.append(String.format("heap trend after warm-up: %.3f MB/min%n", slopeBytesPerSecond(steady) * 60 / 1e6));
        return b.toString();
    }

    /** Accepts ingest requests, checks each body parses, counts events; keeps nothing. */
    private static final class CountingReceiver implements AutoCloseable {
        final AtomicLong events = new AtomicLong();
        final AtomicLong invalid = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong summaries = new AtomicLong();
        volatile boolean down;
        private final JsonFactory json = new JsonFactory();
        private final HttpServer server;

        CountingReceiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.createContext("/", exchange -> {
                if (down) {
                    refused.incrementAndGet();
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                try (InputStream raw = exchange.getRequestBody();
                     InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                             ? new GZIPInputStream(raw) : raw) {
                    events.addAndGet(countEvents(body));
                } catch (IOException | RuntimeException e) {
                    invalid.incrementAndGet();
                }
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
        }

        private long countEvents(InputStream body) throws IOException {
            long count = 0;
            try (JsonParser parser = json.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new IOException("not an array");
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    // drop summaries (logger dev.ringtail) travel too, but no sink counts them
                    boolean summary = false;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        if ("logger_name".equals(field)) {
                            summary = "dev.ringtail".equals(parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                    if (!summary) {
                        count++;
                    } else {
                        summaries.incrementAndGet();
                    }
                }
            }
            return count;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Counts bytes and forgets them. */
    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
