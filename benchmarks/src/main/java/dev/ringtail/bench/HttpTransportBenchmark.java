package dev.ringtail.bench;

import com.sun.net.httpserver.HttpServer;
import dev.ringtail.internal.diag.RecursionGuard;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The measurement behind the BetterStack sink's transport choice: Apache HttpClient 5 classic
 * (blocking, a bounded pool, one sender thread per in-flight request) against the async client
 * (one I/O reactor thread, a semaphore for the in-flight limit). One operation POSTs
 * {@value #REQUESTS} gzip-sized bodies with at most {@code maxInFlight} in flight to a JDK
 * HttpServer on 127.0.0.1 that reads the body and answers 202. Compare ms/op and, with
 * {@code -prof gc}, bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HttpTransportBenchmark {
    static final int REQUESTS = 64;

    @Param({"2"})
    public int maxInFlight;
    @Param({"20000"})
    public int bodyBytes;

    private HttpServer server;
    private ExecutorService serverThreads;
    private URI uri;
    private byte[] body;
    private CloseableHttpClient classic;
    private ExecutorService senders;
    private CloseableHttpAsyncClient async;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        body = new byte[bodyBytes];
        ThreadLocalRandom.current().nextBytes(body); // like gzip output: incompressible

        classic = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxInFlight).setMaxConnPerRoute(maxInFlight).build())
                .disableAutomaticRetries().build();
        senders = Executors.newFixedThreadPool(maxInFlight, RecursionGuard.pipelineThreads("bench-classic"));

        async = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxInFlight).setMaxConnPerRoute(maxInFlight).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setThreadFactory(RecursionGuard.pipelineThreads("bench-async"))
                .disableAutomaticRetries().build();
        async.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        classic.close(CloseMode.IMMEDIATE);
        async.close(CloseMode.IMMEDIATE);
        senders.shutdownNow();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Benchmark
    public int classic() throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Future<?>[] running = new Future<?>[maxInFlight];
        for (int t = 0; t < maxInFlight; t++) {
            running[t] = senders.submit(() -> {
                while (next.getAndIncrement() < REQUESTS) {
                    HttpPost post = new HttpPost(uri);
                    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON, "gzip"));
                    int status = classic.execute(post, response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    });
                    if (status == 202) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (Future<?> f : running) {
            f.get();
        }
        return ok.get();
    }

    @Benchmark
    public int async() throws Exception {
        AtomicInteger ok = new AtomicInteger();
        Semaphore slots = new Semaphore(maxInFlight);
        CountDownLatch done = new CountDownLatch(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            slots.acquire();
            SimpleHttpRequest request = SimpleRequestBuilder.post(uri)
                    .setBody(body, ContentType.APPLICATION_JSON).addHeader("Content-Encoding", "gzip").build();
            async.execute(request, new FutureCallback<SimpleHttpResponse>() {
                @Override
                public void completed(SimpleHttpResponse result) {
                    if (result.getCode() == 202) {
                        ok.incrementAndGet();
                    }
                    finish();
                }

                @Override
                public void failed(Exception ex) {
                    finish();
                }

                @Override
                public void cancelled() {
                    finish();
                }

                private void finish() {
                    slots.release();
                    done.countDown();
                }
            });
        }
        done.await();
        return ok.get();
    }
}
