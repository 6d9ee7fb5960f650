package dev.ringtail.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The synchronous baseline: an SLF4J {@link org.slf4j.Logger} that POSTs every event, on the
 * caller's thread, as a one-element BetterStack JSON array, and returns only after the 2xx.
 * This is what "just send it" costs, with the best case for it: a keep-alive connection (HttpClient
 * 5 classic, pooled) to a receiver on loopback.
 */
public final class SyncHttpLogger extends LegacyAbstractLogger implements Closeable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DT = DateTimeFormatter.ISO_INSTANT;

    private final transient CloseableHttpClient client;
    private final URI endpoint;
    private final String authorization;
    private final transient JsonFactory json = new JsonFactory();
    private final transient LongAdder delivered = new LongAdder();
    private final transient LongAdder failed = new LongAdder();

    /**
     * @param name        the logger name written as {@code logger_name}
     * @param endpoint    ingest URL
     * @param token       source token (sent as a bearer token, never printed)
     * @param connections keep-alive connections kept open: one per logging thread
     */
    public SyncHttpLogger(String name, URI endpoint, String token, int connections) {
        this.name = name;
        this.endpoint = endpoint;
        this.authorization = "Bearer " + token;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    /** Events the receiver answered 2xx to. */
    public long delivered() {
        return delivered.sum();
    }

    /** Events not acknowledged (non-2xx answer or I/O error). */
    public long failed() {
        return failed.sum();
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        try {
            HttpPost post = new HttpPost(endpoint);
            post.setHeader("Authorization", authorization);
            post.setEntity(new ByteArrayEntity(toJson(level, MessageFormatter.basicArrayFormat(pattern, arguments)),
                    ContentType.APPLICATION_JSON));
            int status = client.execute(post, response -> {
                EntityUtils.consume(response.getEntity()); // keeps the connection reusable
                return response.getCode();
            });
            if (status >= 200 && status < 300) {
                delivered.increment();
            } else {
                failed.increment();
            }
        } catch (IOException | RuntimeException e) {
            failed.increment();
        }
    }

    private byte[] toJson(Level level, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("dt", DT.format(Instant.now().truncatedTo(ChronoUnit.MICROS)));
            g.writeStringField("level", level == Level.WARN ? "warning" : level.name().toLowerCase(Locale.ROOT));
            g.writeStringField("message", message);
            g.writeStringField("logger_name", name);
            g.writeStringField("thread_name", Thread.currentThread().getName());
            g.writeEndObject();
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
