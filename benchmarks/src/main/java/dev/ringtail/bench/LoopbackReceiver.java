package dev.ringtail.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;

/**
 * A BetterStack-compatible ingest endpoint on 127.0.0.1: accepts {@code POST} with a bearer token
 * and a JSON array body (gzip or not) and answers 202, as BetterStack does. On {@value #OTLP_PATH}
 * it is an OTLP/HTTP logs endpoint instead, as a Collector is: no token needed, protobuf or JSON
 * by Content-Type, answered 200 with an empty response in the request's encoding. Counts
 * requests, bytes on the wire and, when asked to, the events (records) in each.
 *
 * <p>Binds to loopback only, on an ephemeral port; {@link #close()} stops it.
 */
public final class LoopbackReceiver implements AutoCloseable {
    /** The HTTP answer BetterStack gives to an accepted batch. */
    public static final int ACCEPTED = 202;
    /**
     * Handler threads for the suite's and the demo's receivers: their clients mostly hold two
     * connections at once (two benchmark threads posting synchronously, or ringtail's default of two
     * requests in flight); the server queues any further request until a thread is free.
     */
    public static final int SUITE_CONNECTIONS = 2;
    private static final int UNAUTHORIZED = 401;
    private static final int BAD_REQUEST = 400;
    /** The path of the OTLP endpoint: {@link #otlpEndpoint()}. */
    public static final String OTLP_PATH = "/v1/logs";
    private static final int OK = 200;

    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean countEvents;
    private final JsonFactory json = new JsonFactory();
    private final OtlpRecordCounter otlp = new OtlpRecordCounter();
    private final LongAdder requests = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder wireBytes = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    private LoopbackReceiver(boolean countEvents, int threads) throws IOException {
        this.countEvents = countEvents;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loopback-receiver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a receiver.
     *
     * @param countEvents parse each body and count the events in it (the end-to-end benchmarks and
     *                    the demo need this; the enqueue benchmarks only need a fast 202)
     * @param threads     handler threads; one per concurrent client connection is plenty
     */
    public static LoopbackReceiver start(boolean countEvents, int threads) {
        try {
            return new LoopbackReceiver(countEvents, threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback receiver: " + e, e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The OTLP/HTTP logs endpoint: {@code http://127.0.0.1:port/v1/logs}. */
    public URI otlpEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + OTLP_PATH);
    }

    public long requests() {
        return requests.sum();
    }

    public long events() {
        return events.sum();
    }

    public long wireBytes() {
        return wireBytes.sum();
    }

    /** Requests answered with a 4xx (no token, unparsable body). */
    public long rejected() {
        return rejected.sum();
    }

    /** Waits until at least {@code count} events arrived in total; false if the timeout passed first. */
    public boolean awaitEvents(long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.sum() < count) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals(OTLP_PATH)) {
            handleOtlp(exchange);
            return;
        }
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod()) || auth == null || !auth.startsWith("Bearer ")) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                rejected.increment();
                exchange.sendResponseHeaders(UNAUTHORIZED, -1);
                return;
            }
            exchange.sendResponseHeaders(consume(exchange, this::countEvents) ? ACCEPTED : BAD_REQUEST, -1);
        }
    }

    // Reads the whole body, counting its events if this receiver counts; false if they could not be.
    private boolean consume(HttpExchange exchange, ToLongFunction<InputStream> counter) throws IOException {
        CountingInputStream body = new CountingInputStream(exchange.getRequestBody());
        boolean counted = true;
        if (countEvents) {
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            long count = counter.applyAsLong(gzip ? new GZIPInputStream(body) : body);
            counted = count >= 0;
            if (counted) {
                events.add(count);
            }
        }
        body.transferTo(OutputStream.nullOutputStream());
        wireBytes.add(body.count);
        requests.increment();
        if (!counted) {
            rejected.increment();
        }
        return counted;
    }

    private void handleOtlp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            boolean isJson = type.startsWith("application/json");
            if (!consume(exchange, in -> otlp.count(in, isJson))) {
                exchange.sendResponseHeaders(BAD_REQUEST, -1);
                return;
            }
            // an empty ExportLogsServiceResponse: no bytes in protobuf, {} in JSON
            byte[] answer = isJson ? new byte[] {'{', '}'} : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", isJson ? "application/json" : "application/x-protobuf");
            exchange.sendResponseHeaders(OK, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    // Elements of the top-level array; -1 if the body is not a JSON array.
    private long countEvents(InputStream in) {
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return -1;
            }
            long count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                count++;
                parser.skipChildren();
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class CountingInputStream extends InputStream {
        private final InputStream in;
        private long count;

        CountingInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the exchange closes the real stream
        }
    }
}
