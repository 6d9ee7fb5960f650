package dev.ringtail.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP/1.1 ingest endpoint on 127.0.0.1 for tests, written on plain sockets so it can
 * misbehave the way networks do: answer any status (with {@code Retry-After}), reset the
 * connection mid-request, never answer, answer slowly, reject big bodies with 413, or go down
 * (connection refused) and come back on the same port.
 *
 * <p>Each request takes the next scripted {@link Behaviour}; when the script is empty the
 * default applies (202). It records every request it read in full, un-gzips and parses the
 * bodies of those it accepted, and checks each is a strict JSON array ({@link Json}).
 */
public final class IngestServer implements AutoCloseable {
    /** What the server does with one request. */
    public static final class Behaviour {
        final int status;
        final String retryAfter;
        final String body;
        final boolean reset;
        final boolean noAnswer;
        final long delayMillis;
        final boolean echoAuthorization;

        private Behaviour(int status, String retryAfter, String body, boolean reset, boolean noAnswer, long delayMillis) {
            this(status, retryAfter, body, reset, noAnswer, delayMillis, false);
        }

        private Behaviour(int status, String retryAfter, String body, boolean reset, boolean noAnswer, long delayMillis,
                          boolean echoAuthorization) {
            this.status = status;
            this.retryAfter = retryAfter;
            this.body = body;
            this.reset = reset;
            this.noAnswer = noAnswer;
            this.delayMillis = delayMillis;
            this.echoAuthorization = echoAuthorization;
        }

        /** Answers {@code status} with a body that ends with the request's Authorization header, as a careless proxy might. */
        public static Behaviour echoingAuthorization(int status, String body) {
            return new Behaviour(status, null, body, false, false, 0, true);
        }

        public static Behaviour status(int status) {
            return new Behaviour(status, null, "", false, false, 0);
        }

        public static Behaviour status(int status, String body) {
            return new Behaviour(status, null, body, false, false, 0);
        }

        public static Behaviour retryAfter(int status, String retryAfter) {
            return new Behaviour(status, retryAfter, "", false, false, 0);
        }

        /** Reads the request head, then resets the connection (TCP RST) before the body. */
        public static Behaviour reset() {
            return new Behaviour(0, null, "", true, false, 0);
        }

        /** Reads the request and never answers. */
        public static Behaviour noAnswer() {
            return new Behaviour(0, null, "", false, true, 0);
        }

        /** Answers 202 after a pause. */
        public static Behaviour slow(Duration delay) {
            return new Behaviour(202, null, "", false, false, delay.toMillis());
        }
    }

    /** One request read in full. {@code status} is what it was answered, or 0 if it was not. */
    public record Request(long receivedNanos, String method, String path, Map<String, String> headers,
                          byte[] body, byte[] decoded, int status) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public List<Map<String, Object>> events() {
            return Json.array(decoded);
        }
    }

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final Deque<Behaviour> script = new ArrayDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Behaviour fallback = Behaviour.status(202);
    private volatile Predicate<byte[]> tooLarge = body -> false;
    private volatile ServerSocket server;
    private final int port;

    private IngestServer() throws IOException {
        server = bind(0);
        port = server.getLocalPort();
        acceptOn(server);
    }

    public static IngestServer start() throws IOException {
        return new IngestServer();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/ingest");
    }

    /** Queues behaviours for the next requests, in order. */
    public synchronized IngestServer then(Behaviour... behaviours) {
        Collections.addAll(script, behaviours);
        return this;
    }

    /** Queues the same behaviour {@code times} times. */
    public synchronized IngestServer times(int times, Behaviour behaviour) {
        for (int i = 0; i < times; i++) {
            script.add(behaviour);
        }
        return this;
    }

    /** What requests get once the script is used up (202 unless set). */
    public IngestServer otherwise(Behaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    /** Answers 413 to any request whose decompressed body is over {@code bytes}. */
    public IngestServer rejectBodiesOver(int bytes) {
        this.tooLarge = decoded -> decoded.length > bytes;
        return this;
    }

    /** Stops listening and drops every connection: clients get "connection refused". */
    public synchronized void down() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() throws IOException {
        server = bind(port);
        acceptOn(server);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** Requests that were answered with this status. */
    public List<Request> requests(int status) {
        List<Request> result = new ArrayList<>();
        for (Request r : requests()) {
            if (r.status() == status) {
                result.add(r);
            }
        }
        return result;
    }

    /** Every event of every accepted (2xx) request, in arrival order. */
    public synchronized List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        down();
    }

    // ------------------------------------------------------------------ plumbing

    private ServerSocket bind(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(loopback, onPort), 64);
        return socket;
    }

    private void acceptOn(ServerSocket listening) {
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket socket = listening.accept();
                    connections.add(socket);
                    Thread connection = new Thread(() -> serve(socket), "ingest-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "ingest-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized Behaviour next() {
        Behaviour b = script.poll();
        return b != null ? b : fallback;
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                long received = System.nanoTime();
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                lines[i].substring(colon + 1).trim());
                    }
                }
                Behaviour behaviour = next();
                if (behaviour.reset) {
                    socket.setSoLinger(true, 0); // close now sends RST
                    return;
                }
                byte[] body = readBody(in, headers);
                byte[] decoded = "gzip".equalsIgnoreCase(headers.get("content-encoding")) ? gunzip(body) : body;
                if (behaviour.noAnswer) {
                    requests.add(new Request(received, requestLine[0], requestLine[1], headers, body, decoded, 0));
                    closed.await();
                    return;
                }
                if (behaviour.delayMillis > 0) {
                    Thread.sleep(behaviour.delayMillis);
                }
                int status = behaviour.status;
                if (status / 100 == 2 && tooLarge.test(decoded)) {
                    status = 413;
                }
                if (status / 100 == 2) {
                    List<Map<String, Object>> parsed = Json.array(decoded); // strict: fails the request on bad JSON
                    synchronized (this) {
                        events.addAll(parsed);
                    }
                }
                requests.add(new Request(received, requestLine[0], requestLine[1], headers, body, decoded, status));
                String answer = behaviour.echoAuthorization
                        ? behaviour.body + "Authorization: " + headers.get("authorization") : behaviour.body;
                writeResponse(out, status, behaviour, answer);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, or the test closed us: nothing to answer
        } finally {
            connections.remove(socket);
        }
    }

    private static void writeResponse(OutputStream out, int status, Behaviour behaviour, String answer)
            throws IOException {
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Scripted\r\n")
                .append("Content-Type: text/plain; charset=utf-8\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (behaviour.retryAfter != null) {
            head.append("Retry-After: ").append(behaviour.retryAfter).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0d0a0d0a) { // the last four bytes read are CR LF CR LF
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = (last << 8) | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int b = in.read(); b != '\n'; b = in.read()) {
                    if (b < 0) {
                        throw new IOException("truncated chunk");
                    }
                    if (b != '\r') {
                        size.append((char) b);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                body.write(in.readNBytes(n));
                in.readNBytes(2);
                if (n == 0) {
                    return body.toByteArray();
                }
            }
        }
        return new byte[0];
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    /** For diagnostics in failing tests. */
    @Override
    public String toString() {
        return "IngestServer{port=" + port + ", requests=" + requests.size() + '}';
    }
}
