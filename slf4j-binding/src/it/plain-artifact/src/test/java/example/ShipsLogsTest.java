package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.slf4j.Ringtail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An application that depends on dev.ringtail:ringtail-slf4j alone logs through plain SLF4J to a
 * BetterStack-compatible receiver on 127.0.0.1, and every event arrives with its fields. The token,
 * the flush interval and the console switch come from surefire's systemPropertyVariables; the
 * endpoint is set here, before the first LoggerFactory call (so no static Logger field).
 */
class ShipsLogsTest {
    private static final String TOKEN = "it-consumer-token-plain-0123";
    private static final String DT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

    /** One POST as the receiver got it. */
    record Post(String authorization, String contentType, String contentEncoding, byte[] body) {
    }

    private static final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private static HttpServer server;

    @BeforeAll
    static void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                posts.add(new Post(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Content-Encoding"),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.start();
        System.setProperty("ringtail.betterstack.endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        Ringtail.shutdown(Duration.ofSeconds(5));
        server.stop(0);
    }

    @Test
    void everyEventArrivesWithItsFields() throws Exception {
        Instant start = Instant.now();
        String thread = Thread.currentThread().getName();

        Logger log = LoggerFactory.getLogger("example.checkout");
        assertEquals("dev.ringtail.slf4j.RingtailLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
        MDC.put("request_id", "c0ffee");
        log.info("Order {} placed", 42);
        MDC.clear();
        log.atWarn().addKeyValue("order_id", 42).log("Payment retried");
        log.error("Checkout failed", new IllegalStateException("card declined"));
        log.debug("not logged: below the default info level");

        assertTrue(Ringtail.flush(Duration.ofSeconds(10)), "flushed in time");

        List<Map<String, Object>> events = new ArrayList<>();
        for (Post post : posts) {
            assertEquals("Bearer " + TOKEN, post.authorization());
            assertEquals("application/json", post.contentType());
            assertEquals("gzip", post.contentEncoding());
            events.addAll(new ObjectMapper().readValue(gunzip(post.body()), new TypeReference<List<Map<String, Object>>>() {
            }));
        }
        assertEquals(3, events.size(), () -> "events: " + events);
        for (Map<String, Object> event : events) {
            assertTrue(((String) event.get("dt")).matches(DT), () -> "dt of " + event);
            Instant dt = Instant.parse((String) event.get("dt"));
            assertTrue(!dt.isBefore(start) && !dt.isAfter(Instant.now()), () -> "dt of " + event);
            assertEquals("example.checkout", event.get("logger_name"));
            assertEquals(thread, event.get("thread_name"));
        }

        Map<String, Object> placed = events.get(0);
        assertEquals(Set.of("dt", "level", "message", "logger_name", "thread_name", "request_id"), placed.keySet());
        assertEquals("info", placed.get("level"));
        assertEquals("Order 42 placed", placed.get("message"));
        assertEquals("c0ffee", placed.get("request_id"));

        Map<String, Object> retried = events.get(1);
        assertEquals(Set.of("dt", "level", "message", "logger_name", "thread_name", "order_id"), retried.keySet());
        assertEquals("warning", retried.get("level"));
        assertEquals("Payment retried", retried.get("message"));
        assertEquals(42, retried.get("order_id"));

        Map<String, Object> failed = events.get(2);
        assertEquals(Set.of("dt", "level", "message", "logger_name", "thread_name", "exception"), failed.keySet());
        assertEquals("error", failed.get("level"));
        assertEquals("Checkout failed", failed.get("message"));
        @SuppressWarnings("unchecked")
        Map<String, Object> exception = (Map<String, Object>) failed.get("exception");
        assertEquals(Set.of("class", "message", "stacktrace"), exception.keySet());
        assertEquals("java.lang.IllegalStateException", exception.get("class"));
        assertEquals("card declined", exception.get("message"));
        String stacktrace = (String) exception.get("stacktrace");
        assertTrue(stacktrace.startsWith("java.lang.IllegalStateException: card declined\n\tat example.ShipsLogsTest."),
                stacktrace);

        PipelineStats stats = Ringtail.stats();
        assertEquals(3, stats.attempted());
        assertEquals(0, stats.dropped());
        SinkStats betterstack = stats.sink("betterstack").orElseThrow();
        assertEquals(3, betterstack.delivered());
        assertEquals(0, betterstack.failed());
    }

    /** The plain artifact resolves to ringtail's unshaded jars and their dependencies. */
    @Test
    void ringtailCoreAndItsDependenciesAreResolvedFromThePom() throws Exception {
        String binding = jarOf("dev.ringtail.slf4j.Ringtail");
        assertTrue(binding.startsWith("ringtail-slf4j-") && !binding.endsWith("-all.jar"), binding);
        assertTrue(jarOf("dev.ringtail.PipelineStats").startsWith("ringtail-core-"));
        assertTrue(jarOf("com.lmax.disruptor.RingBuffer").startsWith("disruptor-"));
        assertTrue(jarOf("com.fasterxml.jackson.core.JsonFactory").startsWith("jackson-core-"));
        assertTrue(jarOf("org.apache.hc.client5.http.impl.classic.HttpClients").startsWith("httpclient5-"));
        assertTrue(jarOf("org.slf4j.LoggerFactory").startsWith("slf4j-api-"));
        assertTrue(jarOf("org.slf4j.bridge.SLF4JBridgeHandler").startsWith("jul-to-slf4j-"));
    }

    /**
     * Spring Boot is an optional dependency: the POM does not bring it, and the binding (its
     * spring.factories and Spring package included) loads and ships without it, as the other test does.
     */
    @Test
    void springBootIsNotBroughtByThePomAndNotNeeded() throws Exception {
        ClassLoader loader = ShipsLogsTest.class.getClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.springframework.boot.logging.LoggingSystem",
                false, loader));
        assertTrue(loader.getResource("META-INF/spring.factories") != null, "ringtail's spring.factories is there");
        assertEquals("dev.ringtail.slf4j.RingtailLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    }

    private static String jarOf(String className) throws Exception {
        String path = Class.forName(className, false, ShipsLogsTest.class.getClassLoader())
                .getProtectionDomain().getCodeSource().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
