package dev.ringtail.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, classic (blocking) API, over a pool of at most {@code maxInFlight}
 * keep-alive connections. Requests run on the sink's own sender threads, which
 * {@code RecursionGuard} marks, so whatever the client logs never re-enters the ring; the only
 * other thread is the one that enforces each request's overall deadline ({@link Deadlines}); no
 * idle evictor: stale connections are re-validated after {@link #VALIDATE_AFTER_IDLE} instead.
 *
 * <p>Why classic and not async, measured with {@code HttpTransportBenchmark} (64 POSTs per op,
 * 2 in flight, JDK HttpServer on 127.0.0.1, 2 shared cores): 20 KB bodies, classic 12.4-15.2
 * ms/op vs async 13.7-16.0 ms/op; 200 KB bodies, classic 34.8 vs async 25.0 ms/op, every figure
 * with an error as large as the difference; allocation per op 2.25 MB classic vs 2.45-2.48 MB
 * async (server side included). At a few requests in flight neither is faster beyond noise, and
 * either sends far more than the serializer produces. Classic wins on what remains: no I/O
 * reactor thread, a retry is a plain wait on the sender thread that owns the batch (so it
 * counts against maxInFlight by construction), and a close deadline is exact (abort the pool,
 * count what is unsettled).
 */
final class ClassicTransport implements Transport {
    static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);
    static final TimeValue CONNECTION_TTL = TimeValue.ofMinutes(5);
    private static final String USER_AGENT = "ringtail";
    private static final int BODY_START_CHARS = 200;
    /** What an echoed token becomes in the stderr line. */
    static final String HIDDEN_TOKEN = "[token hidden]";

    private final URI endpoint;
    private final RequestHeaders headers; // values never printed
    private final List<String> secrets; // never printed
    private final int longestSecret;
    private final ContentType contentType;
    private final boolean gzip;
    private final long timeoutMillis;
    private final int successBodyBytes;
    private final Deadlines deadlines = new Deadlines();
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    /**
     * @param contentType      exactly the protocol's media type, no charset: JSON is UTF-8 by definition (RFC 8259)
     * @param successBodyBytes how much of a 2xx body to read for the protocol (0: none)
     */
    ClassicTransport(URI endpoint, RequestHeaders headers, String contentType, boolean gzip, int maxInFlight,
                     long timeoutMillis, int successBodyBytes) {
        this.endpoint = endpoint;
        this.headers = headers;
        this.secrets = headers.secrets();
        this.longestSecret = secrets.stream().mapToInt(String::length).max().orElse(0);
        this.contentType = ContentType.create(contentType);
        this.gzip = gzip;
        this.timeoutMillis = timeoutMillis;
        this.successBodyBytes = successBodyBytes;
        // Each phase is bounded too, so a connection that goes silent fails at once rather than at the deadline.
        Timeout timeout = Timeout.ofMilliseconds(timeoutMillis);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxInFlight)
                .setMaxConnPerRoute(maxInFlight)
                .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault()) // the JDK's trust store
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                        .setTimeToLive(CONNECTION_TTL)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .disableAutomaticRetries() // the sink retries, with its own policy and counters
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /**
     * One POST within one overall deadline ({@code timeoutMillis}): connect, send and the whole
     * response. A 2xx counts once its status line is read: the endpoint has accepted the events,
     * and a resend would duplicate them, so a body that does not end in time is abandoned (the
     * connection is closed, not reused) and the answer stands. Any other status needs its whole
     * response within the deadline, else it is a timeout: nothing was accepted, so the retry
     * duplicates nothing, and an answer cut off mid-body is not one to act on. The part of a 2xx
     * body the protocol asked for (an OTLP partial success) is read within the same deadline; if
     * it does not arrive, the answer stands without it.
     */
    @Override
    public Answer post(byte[] body, int length) throws IOException {
        HttpPost post = new HttpPost(endpoint);
        for (int i = 0; i < headers.size(); i++) {
            post.setHeader(headers.name(i), headers.value(i));
        }
        post.setEntity(new ByteArrayEntity(body, 0, length, contentType, gzip ? "gzip" : null));
        Deadlines.Deadline deadline = deadlines.start(post, timeoutMillis);
        int status = 0;
        String type = null;
        byte[] success = null;
        try (deadline; ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            status = response.getCode();
            HttpEntity entity = response.getEntity();
            type = entity == null ? null : entity.getContentType();
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            String start = status / 100 == 2 ? null : bodyStart(entity);
            if (status / 100 == 2 && successBodyBytes > 0) {
                success = successBody(entity);
            }
            drain(entity, status);
            return new Answer(status, retryAfter == null ? null : retryAfter.getValue(), start, type, success);
        } catch (IOException | RuntimeException e) {
            if (status / 100 == 2) {
                // only reading or closing the abandoned response failed
                return new Answer(status, null, null, type, success);
            }
            if (deadline.expired()) {
                throw new SocketTimeoutException("no complete answer within " + timeoutMillis
                        + " ms (ringtail.http.timeoutMillis)");
            }
            throw e;
        }
    }

    /** A 2xx body of at most {@code successBodyBytes}; null if it is larger (the protocol then does without it). */
    private byte[] successBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] read = in.readNBytes(successBodyBytes + 1);
            return read.length > successBodyBytes ? null : read;
        }
    }

    /** Reads the rest of the body so the connection can be reused; a 2xx body cut off by the deadline is abandoned. */
    private static void drain(HttpEntity entity, int status) throws IOException {
        try {
            EntityUtils.consume(entity);
        } catch (IOException e) {
            if (status / 100 != 2) {
                throw e;
            }
        }
    }

    /**
     * The first {@value #BODY_START_CHARS} chars of an error body, for the stderr line, with every
     * credential hidden: a proxy or gateway may echo the request's headers back in its error page.
     */
    private String bodyStart(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return "";
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            // Read past the limit by the longest secret: one that starts before the cut is seen whole.
            char[] chars = new char[BODY_START_CHARS + longestSecret];
            int n = 0;
            for (int r; n < chars.length && (r = reader.read(chars, n, chars.length - n)) > 0; ) {
                n += r;
            }
            return withoutSecrets(new String(chars, 0, n), secrets, BODY_START_CHARS);
        }
    }

    /** The first {@code maxChars} chars of {@code text}, each occurrence of {@code secret} starting in them hidden whole. */
    static String withoutSecret(String text, String secret, int maxChars) {
        return withoutSecrets(text, List.of(secret), maxChars);
    }

    /** As {@link #withoutSecret} for several secrets, the longest that starts at a position hidden first. */
    static String withoutSecrets(String text, List<String> secrets, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars));
        for (int i = 0; i < text.length() && i < maxChars; ) {
            int hidden = 0;
            for (String secret : secrets) {
                if (!secret.isEmpty() && secret.length() > hidden && text.startsWith(secret, i)) {
                    hidden = secret.length();
                }
            }
            if (hidden > 0) {
                out.append(HIDDEN_TOKEN);
                i += hidden;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    @Override
    public void close(boolean immediately) {
        deadlines.close();
        if (immediately) {
            client.close(CloseMode.IMMEDIATE);
        } else {
            client.close(CloseMode.GRACEFUL);
        }
        connections.close(immediately ? CloseMode.IMMEDIATE : CloseMode.GRACEFUL);
    }

    @Override
    public String toString() {
        return "ClassicTransport{" + endpoint + ", " + headers + '}'; // header values are never part of this text
    }
}
