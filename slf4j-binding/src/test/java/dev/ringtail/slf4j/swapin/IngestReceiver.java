package dev.ringtail.slf4j.swapin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * A BetterStack-compatible ingest endpoint on 127.0.0.1: checks the bearer token, gunzips, parses
 * the JSON array and keeps every event, and the events of each accepted request body apart.
 *
 * <p>It misbehaves on cue, for the end-to-end fault tests: each request takes the next scripted
 * {@link Fault} ({@link #then}), or the {@link #otherwise} fault once the script is used up
 * (202 unless set). It can answer any status with {@code Retry-After}, drop the connection before
 * reading the body, hold a request until {@link #close()} (as an unreachable endpoint holds a
 * client), answer slowly, answer 413 to big bodies, and go {@link #down()} and {@link #up()} on
 * the same port. Given an {@link SSLContext} it speaks HTTPS instead.
 */
public final class IngestReceiver implements AutoCloseable {
    /** What the receiver does with one request. */
    public static final class Fault {
        final int status;
        final String retryAfter;
        final boolean drop;
        final boolean hold;
        final long delayMillis;

        private Fault(int status, String retryAfter, boolean drop, boolean hold, long delayMillis) {
            this.status = status;
            this.retryAfter = retryAfter;
            this.drop = drop;
            this.hold = hold;
            this.delayMillis = delayMillis;
        }

        /** Answers this status, body read and (on 2xx) kept. */
        public static Fault status(int status) {
            return new Fault(status, null, false, false, 0);
        }

        public static Fault retryAfter(int status, String retryAfter) {
            return new Fault(status, retryAfter, false, false, 0);
        }

        /**
         * Closes the connection without reading the body or answering: the unread body makes the
         * kernel reset the connection, and the client sees no response.
         */
        public static Fault drop() {
            return new Fault(0, null, true, false, 0);
        }

        /** Never answers: the request hangs until the receiver is closed. */
        public static Fault hold() {
            return new Fault(0, null, false, true, 0);
        }

        /** Answers 202 after a pause. */
        public static Fault slow(Duration delay) {
            return new Fault(202, null, false, false, delay.toMillis());
        }
    }

    /** One request: when it arrived, what it was answered (0: not answered), events it carried if kept. */
    public record Request(long receivedNanos, int status, int events) {
    }

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ingest-receiver");
        t.setDaemon(true);
        return t;
    });
    private final String token;
    private final SSLContext tls;
    private final int port;
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<List<Map<String, Object>>> bodies = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Deque<Fault> script = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Fault fallback = Fault.status(202);
    private volatile int maxBodyBytes = Integer.MAX_VALUE;
    private HttpServer server;

    public IngestReceiver(String token) throws IOException {
        this(token, null);
    }

    /** @param tls the server's key and certificate, for HTTPS; null for plain HTTP */
    public IngestReceiver(String token, SSLContext tls) throws IOException {
        this.token = token;
        this.tls = tls;
        server = listen(0);
        port = server.getAddress().getPort();
    }

    public String endpoint() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    /** Every request hangs until {@link #close()}. */
    public IngestReceiver stall() {
        return otherwise(Fault.hold());
    }

    /** Queues faults for the next requests, in order. */
    public synchronized IngestReceiver then(Fault... faults) {
        Collections.addAll(script, faults);
        return this;
    }

    /** What requests get once the script is used up. */
    public IngestReceiver otherwise(Fault fault) {
        fallback = fault;
        return this;
    }

    /** Answers 413 instead of 2xx to a body over {@code bytes} once decompressed. */
    public IngestReceiver rejectBodiesOver(int bytes) {
        maxBodyBytes = bytes;
        return this;
    }

    /** Stops listening and drops every connection: clients get "connection refused". */
    public void down() {
        HttpServer listening;
        synchronized (this) {
            listening = server;
        }
        listening.stop(0);
    }

    /** Listens again, on the same port. */
    public synchronized void up() throws IOException {
        server = listen(port);
    }

    /** Every event of every accepted request, in the order the requests were accepted. */
    public synchronized List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }

    /** The events of each accepted request body, one list per request. */
    public synchronized List<List<Map<String, Object>>> bodies() {
        return new ArrayList<>(bodies);
    }

    public synchronized List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** Requests received, answered or not. */
    public synchronized int requests() {
        return requests.size();
    }

    /** Every request received, in arrival order. */
    public synchronized List<Request> requestLog() {
        return new ArrayList<>(requests);
    }

    private HttpServer listen(int onPort) throws IOException {
        InetSocketAddress address = new InetSocketAddress(loopback, onPort);
        HttpServer listening;
        if (tls == null) {
            listening = HttpServer.create(address, 64);
        } else {
            HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            listening = https;
        }
        listening.setExecutor(executor);
        listening.createContext("/", this::handle);
        listening.start();
        return listening;
    }

    private synchronized Fault next() {
        Fault fault = script.poll();
        return fault != null ? fault : fallback;
    }

    private synchronized int record(long receivedNanos) {
        requests.add(new Request(receivedNanos, 0, 0));
        return requests.size() - 1;
    }

    private synchronized void answered(int index, int status, List<Map<String, Object>> batch) {
        Request r = requests.get(index);
        requests.set(index, new Request(r.receivedNanos(), status, batch.size()));
        if (status / 100 == 2) {
            events.addAll(batch);
            bodies.add(batch);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        int index = record(System.nanoTime());
        Fault fault = next();
        try (exchange) {
            if (fault.drop) {
                return; // closing an exchange that sent no headers closes its connection
            }
            if (fault.hold) {
                closed.await();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + token).equals(auth)) {
                problem("bad Authorization header");
                answered(index, 401, List.of());
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!type.split(";")[0].trim().equals("application/json")) {
                problem("Content-Type " + type);
            }
            byte[] decoded = exchange.getRequestBody().readAllBytes();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(decoded))) {
                    decoded = in.readAllBytes();
                }
            }
            if (fault.delayMillis > 0) {
                Thread.sleep(fault.delayMillis);
            }
            int status = fault.status;
            if (status / 100 == 2 && decoded.length > maxBodyBytes) {
                status = 413;
            }
            List<Map<String, Object>> batch = status / 100 == 2 ? parse(decoded) : List.of();
            answered(index, status, batch);
            if (fault.retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", fault.retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            problem(e.toString());
            exchange.sendResponseHeaders(406, -1);
        }
    }

    private synchronized void problem(String text) {
        problems.add(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(byte[] body) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            parser.nextToken();
            return (List<Map<String, Object>>) value(parser);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (map.put(name, value(parser)) != null) {
                        throw new IOException("duplicate key " + name);
                    }
                }
                return map;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        down();
        executor.shutdownNow();
    }
}
