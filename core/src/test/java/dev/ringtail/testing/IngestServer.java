package dev.ringtail.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * The one ingest endpoint of the tests: a BetterStack-compatible HTTP/1.1 server on 127.0.0.1,
 * in this JVM for the core's and the binding's tests and for the separate JVMs the swap-in ITs
 * start. It un-gzips and parses every body strictly ({@link Json}: valid UTF-8, no duplicate
 * key, no lone surrogate), keeps every event of every accepted request and the events of each
 * request body apart, and records every request from the moment its head arrived.
 *
 * <p>It is written on plain sockets, not the JDK's {@code HttpServer}, so that it can misbehave
 * the way networks do, each on cue and each observable here: answer any status (with
 * {@code Retry-After}), reset the connection (TCP RST) before reading the body, never answer,
 * answer slowly, answer 413 to big bodies, or go {@link #down()} (connection refused) and come
 * back {@link #up()} on the same port. Each request takes the next scripted {@link Behaviour}
 * ({@link #then}), or the {@link #otherwise} one once the script is used up (202 unless set).
 *
 * <p>Given a token ({@link #start(String)}) it answers 401 to a request without that bearer
 * token; given an {@link SSLContext} it speaks HTTPS. What it finds wrong with a request (a bad
 * token, a Content-Type that is not JSON, a body that is not a strict JSON array of objects) it
 * notes in {@link #problems()}; a body it cannot parse is answered 406. Started with another
 * {@link IngestFormat} ({@link #start(IngestFormat)}: {@link OtlpFormat}) it reads and answers that
 * protocol's bodies instead, with the same misbehaviours on cue.
 *
 * <p>Everything it does is bounded, so a test that forgets it, or a client that misbehaves,
 * cannot keep it running: it listens on 127.0.0.1 only, accepts at most
 * {@value #MAX_CONNECTIONS} connections and {@value #MAX_REQUESTS_PER_CONNECTION} requests on
 * each, reads heads of at most {@value #MAX_HEAD_BYTES} bytes and bodies of at most
 * {@value #MAX_BODY_BYTES} (decompressed too), closes a connection idle for
 * {@value #IDLE_MILLIS} ms, and stops altogether at the end of its {@link #lifetime}.
 */
public final class IngestServer implements AutoCloseable {
    static final int MAX_CONNECTIONS = 1_000;
    static final int MAX_REQUESTS_PER_CONNECTION = 100_000;
    static final int MAX_HEAD_BYTES = 64 * 1024;
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    static final int MAX_PROBLEMS = 100;
    static final int IDLE_MILLIS = 60_000;
    /** How long a blocked accept waits before the acceptor checks the lifetime again. */
    private static final int ACCEPT_WAKE_MILLIS = 1_000;
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    private static final byte[] NOTHING = new byte[0];

    /** What the server does with one request. */
    public static final class Behaviour {
        final int status;
        final String retryAfter;
        final String body;
        final boolean reset;
        final boolean noAnswer;
        final long delayMillis;
        final boolean echoAuthorization;
        final boolean trickle;
        /** A reply built from the request's Content-Type, or null for the plain status and text body. */
        Function<String, Reply> reply;
        /** Whether the body ends with every request header, as a careless gateway's error page might. */
        boolean echoHeaders;

        private Behaviour(int status, String retryAfter, String body, boolean reset, boolean noAnswer,
                          long delayMillis, boolean echoAuthorization) {
            this(status, retryAfter, body, reset, noAnswer, delayMillis, echoAuthorization, false);
        }

        private Behaviour(int status, String retryAfter, String body, boolean reset, boolean noAnswer,
                          long delayMillis, boolean echoAuthorization, boolean trickle) {
            this.trickle = trickle;
            this.status = status;
            this.retryAfter = retryAfter;
            this.body = body;
            this.reset = reset;
            this.noAnswer = noAnswer;
            this.delayMillis = delayMillis;
            this.echoAuthorization = echoAuthorization;
        }

        /** Answers this status; on 2xx the events are kept. */
        public static Behaviour status(int status) {
            return status(status, "");
        }

        /** Answers this status with this body. */
        public static Behaviour status(int status, String body) {
            return new Behaviour(status, null, body, false, false, 0, false);
        }

        public static Behaviour retryAfter(int status, String retryAfter) {
            return new Behaviour(status, retryAfter, "", false, false, 0, false);
        }

        /** Answers {@code status} with a body that ends with the request's Authorization header, as a careless proxy might. */
        public static Behaviour echoingAuthorization(int status, String body) {
            return new Behaviour(status, null, body, false, false, 0, true);
        }

        /** Answers {@code status} with a body that ends with every header of the request, credentials included. */
        public static Behaviour echoingHeaders(int status, String body) {
            Behaviour behaviour = new Behaviour(status, null, body, false, false, 0, false);
            behaviour.echoHeaders = true;
            return behaviour;
        }

        /**
         * Reads the request head, then resets the connection (TCP RST) without reading the body
         * or answering. The request is recorded, unanswered (status 0).
         */
        public static Behaviour reset() {
            return new Behaviour(0, null, "", true, false, 0, false);
        }

        /**
         * Reads the request and never answers: it hangs, as an unreachable endpoint holds a client,
         * until the server goes down or is closed. Recorded unanswered (status 0).
         */
        public static Behaviour noAnswer() {
            return new Behaviour(0, null, "", false, true, 0, false);
        }

        /** Answers {@code status} at once, then a body that never ends: a byte every 50 ms until the client hangs up. */
        public static Behaviour trickling(int status) {
            return new Behaviour(status, null, "", false, false, 0, false, true);
        }

        /** Answers 202 after a pause. */
        public static Behaviour slow(Duration delay) {
            return new Behaviour(202, null, "", false, false, delay.toMillis(), false);
        }

        /**
         * Answers what {@code reply} makes of the request's Content-Type (an OTLP response in the
         * request's encoding); on 2xx the events are kept.
         */
        public static Behaviour replying(Function<String, Reply> reply) {
            Behaviour behaviour = new Behaviour(0, null, "", false, false, 0, false);
            behaviour.reply = reply;
            return behaviour;
        }
    }

    /** An answer's status, Content-Type and body. */
    public record Reply(int status, String contentType, byte[] body) {
    }

    /**
     * One request, recorded when its head arrived. {@code body} is what came on the wire (empty
     * until read, and for a reset), {@code decoded} the body un-gzipped; {@code status} is what it
     * was answered, 0 while it is not (and for ever, for a reset or an unanswered request).
     */
    public record Request(long receivedNanos, String method, String path, Map<String, String> headers,
                          byte[] body, byte[] decoded, int status) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body's events, parsed strictly as a BetterStack JSON array (an OTLP body: {@link OtlpFormat#decode}). */
        public List<Map<String, Object>> events() {
            return Json.array(decoded);
        }

        public boolean answered() {
            return status != 0;
        }

        Request withBody(byte[] wire, byte[] plain) {
            return new Request(receivedNanos, method, path, headers, wire, plain, status);
        }

        Request withStatus(int answer) {
            return new Request(receivedNanos, method, path, headers, body, decoded, answer);
        }
    }

    /** One accepted connection; {@code gone} is counted down when the server drops it. */
    private record Connection(Socket socket, CountDownLatch gone) {
    }

    private static final InetAddress LOOPBACK = loopback();

    private final String token;
    private final SSLContext tls;
    private final IngestFormat format;
    private final long startNanos = System.nanoTime();
    private final Deque<Behaviour> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<List<Map<String, Object>>> bodies = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final AtomicLong eventCount = new AtomicLong();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Map<Socket, Connection> connections = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object listening = new Object();
    private final int port;
    private volatile long deadlineNanos = startNanos + DEFAULT_LIFETIME.toNanos();
    private volatile Behaviour fallback;
    private volatile int maxAcceptedBytes = Integer.MAX_VALUE;
    private volatile boolean countOnly;
    private volatile Consumer<Map<String, Object>> observer;
    private ServerSocket server; // guarded by listening

    private IngestServer(String token, SSLContext tls, IngestFormat format) throws IOException {
        this.token = token;
        this.tls = tls;
        this.format = format;
        this.fallback = format == IngestFormat.BETTERSTACK ? Behaviour.status(202) : Behaviour.replying(format::accepted);
        synchronized (listening) {
            server = bind(0);
            port = server.getLocalPort();
            acceptOn(server);
        }
    }

    /** Plain HTTP, any Authorization header accepted. */
    public static IngestServer start() throws IOException {
        return new IngestServer(null, null, IngestFormat.BETTERSTACK);
    }

    /** Plain HTTP, any Authorization header accepted, bodies read and answered as {@code format} says. */
    public static IngestServer start(IngestFormat format) throws IOException {
        return new IngestServer(null, null, format);
    }

    /** As {@link #start(IngestFormat)}; a request without {@code Bearer <token>} is answered 401. */
    public static IngestServer start(IngestFormat format, String token) throws IOException {
        return new IngestServer(token, null, format);
    }

    /** Plain HTTP; a request without {@code Bearer <token>} is answered 401 and noted as a problem. */
    public static IngestServer start(String token) throws IOException {
        return new IngestServer(token, null, IngestFormat.BETTERSTACK);
    }

    /** HTTPS with the key and certificate of {@code tls}; the token as for {@link #start(String)}. */
    public static IngestServer start(String token, SSLContext tls) throws IOException {
        return new IngestServer(token, tls, IngestFormat.BETTERSTACK);
    }

    /** The endpoint, on 127.0.0.1: {@code http://127.0.0.1:port/ingest}, or https. */
    public URI uri() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/ingest");
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

    /** What requests get once the script is used up (202 unless set; the format's success for another format). */
    public IngestServer otherwise(Behaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    /** Every request hangs unanswered until the server goes down or is closed. */
    public IngestServer stall() {
        return otherwise(Behaviour.noAnswer());
    }

    /** Answers 413 instead of 2xx to a body over {@code bytes} once decompressed. */
    public IngestServer rejectBodiesOver(int bytes) {
        this.maxAcceptedBytes = bytes;
        return this;
    }

    /**
     * Keeps nothing but the count of accepted events ({@link #eventCount()}) and the problems:
     * for a test that ships millions of events and measures the heap of this JVM.
     */
    public IngestServer countOnly() {
        this.countOnly = true;
        return this;
    }

    /**
     * Hands every event of every accepted request to {@code observer}, in the order the requests
     * were accepted, on the server's own threads (one at a time): with {@link #countOnly()}, what a
     * test checks of a million events without keeping them (each thread's order, say).
     */
    public IngestServer observe(Consumer<Map<String, Object>> observer) {
        this.observer = observer;
        return this;
    }

    /** Stops serving this long after it started (15 minutes unless set): the bound of every wait and loop here. */
    public IngestServer lifetime(Duration lifetime) {
        this.deadlineNanos = startNanos + lifetime.toNanos();
        return this;
    }

    /** Stops listening and drops every connection: clients get "connection refused". */
    public void down() throws IOException {
        synchronized (listening) {
            server.close();
        }
        for (Connection c : connections.values()) {
            c.gone().countDown();
            c.socket().close();
        }
    }

    /** Listens again on the same port. */
    public void up() throws IOException {
        synchronized (listening) {
            if (!server.isClosed()) {
                return;
            }
            server = bind(port);
            acceptOn(server);
        }
    }

    /** Every request whose head arrived, in arrival order, answered or not. */
    public synchronized List<Request> requests() {
        return new ArrayList<>(requests);
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

    /** Every event of every accepted (2xx) request, in the order the requests were accepted. */
    public synchronized List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }

    /** The events of each accepted request body, one list per request, in the order they were accepted. */
    public synchronized List<List<Map<String, Object>>> bodies() {
        return new ArrayList<>(bodies);
    }

    /** How many events accepted requests carried (also counted in {@link #countOnly()} mode). */
    public long eventCount() {
        return eventCount.get();
    }

    /** What the server found wrong with requests, or with itself (a bound reached); the first {@value #MAX_PROBLEMS}. */
    public synchronized List<String> problems() {
        return new ArrayList<>(problems);
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        down();
    }

    // ------------------------------------------------------------------ plumbing

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerSocket bind(int onPort) throws IOException {
        ServerSocket socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(LOOPBACK, onPort), 64);
        socket.setSoTimeout(ACCEPT_WAKE_MILLIS);
        return socket;
    }

    private boolean alive() {
        return closed.getCount() > 0 && System.nanoTime() - deadlineNanos < 0;
    }

    private void acceptOn(ServerSocket listener) {
        Thread acceptor = new Thread(() -> accept(listener), "ingest-acceptor-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket listener) {
        try (listener) {
            while (!listener.isClosed() && alive()) {
                Socket socket;
                try {
                    socket = listener.accept();
                } catch (SocketTimeoutException e) {
                    continue; // wakes to check the lifetime
                }
                if (connectionCount.incrementAndGet() > MAX_CONNECTIONS) {
                    problem("more than " + MAX_CONNECTIONS + " connections: no longer listening");
                    socket.close();
                    return;
                }
                Connection connection = new Connection(socket, new CountDownLatch(1));
                connections.put(socket, connection);
                if (listener.isClosed()) { // down() ran while this one was accepted: drop it too
                    connection.gone().countDown();
                    socket.close();
                    return;
                }
                Thread thread = new Thread(() -> serve(connection), "ingest-connection-" + port);
                thread.setDaemon(true);
                thread.start();
            }
            if (!listener.isClosed() && !alive() && closed.getCount() > 0) {
                problem("lifetime over: no longer listening");
            }
        } catch (IOException e) {
            // closed by down() or close()
        }
    }

    /** Where a request was recorded (-1: not, counting only) and what it is to get. */
    private record Arrival(int index, Behaviour behaviour) {
    }

    /** Records the request and takes its behaviour at once: the n-th request recorded gets the n-th. */
    private synchronized Arrival arrived(Request request) {
        int index = -1;
        if (!countOnly) {
            requests.add(request);
            index = requests.size() - 1;
        }
        Behaviour scripted = script.poll();
        return new Arrival(index, scripted != null ? scripted : fallback);
    }

    private synchronized void update(int index, Request request) {
        if (index >= 0) {
            requests.set(index, request);
        }
    }

    /** Marks the request answered and keeps its events. */
    private synchronized void accepted(int index, Request answered, List<Map<String, Object>> batch) {
        update(index, answered);
        eventCount.addAndGet(batch.size());
        Consumer<Map<String, Object>> watching = observer;
        if (watching != null) {
            batch.forEach(watching);
        }
        if (!countOnly) {
            events.addAll(batch);
            bodies.add(batch);
        }
    }

    private synchronized void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
    }

    private void serve(Connection connection) {
        Socket socket = connection.socket();
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(IDLE_MILLIS);
            socket.setTcpNoDelay(true); // each answer is one write: nothing to wait for
            for (int served = 0; served < MAX_REQUESTS_PER_CONNECTION && alive(); served++) {
                if (!serveOne(connection, in, out)) {
                    return;
                }
            }
            if (alive()) {
                problem("more than " + MAX_REQUESTS_PER_CONNECTION + " requests on one connection: closed it");
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, a read timed out, or the test took us down: nothing to answer
        } catch (RuntimeException e) {
            problem("could not serve a request: " + e);
        } finally {
            connections.remove(socket);
        }
    }

    /** Serves one request; false when the connection is to be closed. */
    private boolean serveOne(Connection connection, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        String head = readHead(in);
        if (head == null) {
            return false;
        }
        long received = System.nanoTime();
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3) {
            problem("not an HTTP request line: " + lines[0]);
            return false;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        Request request = new Request(received, requestLine[0], requestLine[1], Map.copyOf(headers), NOTHING, NOTHING, 0);
        Arrival arrival = arrived(request);
        int index = arrival.index();
        Behaviour behaviour = arrival.behaviour();
        if (behaviour.reset) {
            connection.socket().setSoLinger(true, 0); // closing now sends RST
            return false;
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(in, headers);
        byte[] decoded = "gzip".equalsIgnoreCase(headers.get("content-encoding")) ? gunzip(body) : body;
        request = request.withBody(body, decoded);
        update(index, request);
        if (behaviour.noAnswer) {
            long left = deadlineNanos - System.nanoTime();
            connection.gone().await(Math.max(0, left), TimeUnit.NANOSECONDS);
            return false;
        }
        String type = headers.get("content-type");
        String typeProblem = format.contentTypeProblem(type);
        if (typeProblem != null) {
            problem(typeProblem);
        }
        Reply reply = behaviour.reply == null ? null : behaviour.reply.apply(type);
        int status = reply == null ? behaviour.status : reply.status();
        String answer = behaviour.echoAuthorization
                ? behaviour.body + "Authorization: " + headers.get("authorization") : behaviour.body;
        if (behaviour.echoHeaders) {
            answer = behaviour.body + " " + head.replace("\r\n", " ");
        }
        String retryAfter = behaviour.retryAfter;
        List<Map<String, Object>> batch = null;
        if (token != null && !("Bearer " + token).equals(headers.get("authorization"))) {
            problem("bad Authorization header");
            status = 401;
            answer = "";
            retryAfter = null;
            reply = null;
        } else {
            if (behaviour.delayMillis > 0) {
                // answering slowly is the behaviour asked for; the server going down cuts it short
                connection.gone().await(behaviour.delayMillis, TimeUnit.MILLISECONDS);
            }
            if (status / 100 == 2 && decoded.length > maxAcceptedBytes) {
                status = 413;
            }
            if (status / 100 == 2) {
                List<String> found = new ArrayList<>();
                try {
                    batch = format.events(decoded, type, found);
                } catch (RuntimeException e) {
                    found.add(format == IngestFormat.BETTERSTACK ? "body is not a strict JSON array of objects: " + e.getMessage()
                            : "body could not be read: " + e);
                    status = format.unreadableStatus();
                    answer = "";
                    retryAfter = null;
                    reply = null;
                }
                found.forEach(this::problem);
            }
        }
        if (batch != null) {
            accepted(index, request.withStatus(status), batch); // kept before the answer goes out
        } else {
            update(index, request.withStatus(status));
        }
        if (behaviour.trickle) {
            trickle(out, status, connection);
            return false;
        }
        if (reply != null && status == reply.status()) {
            writeResponse(out, status, retryAfter, reply.contentType(), reply.body());
        } else {
            writeResponse(out, status, retryAfter, "text/plain; charset=utf-8", answer.getBytes(StandardCharsets.UTF_8));
        }
        return !"close".equalsIgnoreCase(headers.get("connection"));
    }

    static List<Map<String, Object>> strictArrayOfObjects(byte[] decoded) {
        Object parsed = Json.parse(decoded);
        if (!(parsed instanceof List<?> list)) {
            throw new IllegalArgumentException("not an array");
        }
        List<Map<String, Object>> batch = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("an element is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) element;
            batch.add(event);
        }
        return batch;
    }

    // Announces far more than it will ever send, so the client waits for the rest; every byte
    // comes well within any socket timeout, so only an overall deadline ends the exchange. Bounded
    // by the server's lifetime and by the client hanging up.
    private void trickle(OutputStream out, int status, Connection connection) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 " + status + " Scripted\r\nContent-Type: text/plain\r\nContent-Length: 1000000000\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        while (alive() && !connection.gone().await(50, TimeUnit.MILLISECONDS)) {
            out.write('.');
            out.flush(); // fails once the client hung up
        }
    }

    private static void writeResponse(OutputStream out, int status, String retryAfter, String contentType, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Scripted\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (retryAfter != null) {
            head.append("Retry-After: ").append(retryAfter).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream answerBytes = new ByteArrayOutputStream(head.length() + body.length);
        answerBytes.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        answerBytes.write(body);
        answerBytes.writeTo(out);
        out.flush();
    }

    /** The head up to and with the blank line; null at end of stream before a head began. */
    private String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0d0a0d0a) { // the last four bytes read are CR LF CR LF
            int b = in.read();
            if (b < 0) {
                if (head.size() > 0) {
                    problem("the connection ended inside a request head");
                }
                return null;
            }
            if (head.size() >= MAX_HEAD_BYTES) {
                throw tooBig("request head", MAX_HEAD_BYTES);
            }
            if (!alive()) {
                throw new IOException("the server is closed or its lifetime is over");
            }
            head.write(b);
            last = (last << 8) | b;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            long n = Long.parseLong(length.trim());
            if (n > MAX_BODY_BYTES) {
                throw tooBig("body", MAX_BODY_BYTES);
            }
            byte[] body = in.readNBytes((int) n);
            if (body.length < n) {
                throw new IOException("the body ended early");
            }
            return body;
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (body.size() <= MAX_BODY_BYTES && alive()) { // each chunk adds to it; a zero one ends it
                int n = Integer.parseInt(chunkSizeLine(in).split(";")[0].trim(), 16);
                if (n < 0 || n > MAX_BODY_BYTES - body.size()) {
                    break;
                }
                body.write(in.readNBytes(n));
                in.readNBytes(2);
                if (n == 0) {
                    return body.toByteArray();
                }
            }
            if (!alive()) {
                throw new IOException("the server is closed or its lifetime is over");
            }
            throw tooBig("chunked body", MAX_BODY_BYTES);
        }
        return NOTHING;
    }

    private static String chunkSizeLine(InputStream in) throws IOException {
        StringBuilder size = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || size.length() > 100) {
                throw new IOException("bad chunk size line");
            }
            if (b != '\r') {
                size.append((char) b);
            }
        }
        return size.toString();
    }

    private byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] plain = in.readNBytes(MAX_BODY_BYTES + 1);
            if (plain.length > MAX_BODY_BYTES) {
                throw tooBig("decompressed body", MAX_BODY_BYTES);
            }
            return plain;
        }
    }

    private IOException tooBig(String what, int limit) {
        problem(what + " over " + limit + " bytes: connection closed");
        return new IOException(what + " too big");
    }

    /** For diagnostics in failing tests. */
    @Override
    public String toString() {
        return "IngestServer{" + uri() + ", requests=" + requests().size() + ", problems=" + problems() + '}';
    }
}
