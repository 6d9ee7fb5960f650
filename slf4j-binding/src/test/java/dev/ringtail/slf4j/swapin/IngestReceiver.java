package dev.ringtail.slf4j.swapin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A BetterStack-compatible ingest endpoint on 127.0.0.1: checks the bearer token, gunzips, parses
 * the JSON array and keeps every event. It can be stalled: requests then hang until
 * {@link #close()}, as an unreachable endpoint would hold a client.
 */
final class IngestReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String token;
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final CountDownLatch stallGate = new CountDownLatch(1);
    private volatile boolean stalled;
    private int requests;

    IngestReceiver(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ingest-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    IngestReceiver stall() {
        stalled = true;
        return this;
    }

    synchronized List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }

    synchronized List<String> problems() {
        return new ArrayList<>(problems);
    }

    synchronized int requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (this) {
            requests++;
        }
        try (exchange) {
            if (stalled) {
                stallGate.await();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + token).equals(auth)) {
                problem("bad Authorization header");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!type.split(";")[0].trim().equals("application/json")) {
                problem("Content-Type " + type);
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            List<Map<String, Object>> batch = parse(body);
            synchronized (this) {
                events.addAll(batch);
            }
            exchange.sendResponseHeaders(202, -1);
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
    private static List<Map<String, Object>> parse(InputStream body) throws IOException {
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
        stallGate.countDown();
        server.stop(0);
    }
}
