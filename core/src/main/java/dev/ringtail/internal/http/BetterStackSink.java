package dev.ringtail.internal.http;

import dev.ringtail.Level;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Ships events to BetterStack's HTTP ingest: JSON arrays, gzip'd, batched, with retries.
 *
 * <p>On the consumer thread each event is serialized ({@link EventSerializer}) and appended to
 * the batch being built. A batch is sealed at {@code maxEvents}, before it would pass
 * {@code maxBytes} (uncompressed; only a single oversized event makes a bigger batch), once
 * {@code flushMillis} passed since its first event, and at flush and close. Sealed batches go to
 * {@code maxInFlight} sender threads ({@link Sender}) that compress, POST, retry and count.
 *
 * <p>Memory is bounded by construction: there are exactly {@code maxInFlight + 1} batch objects.
 * When every one is being sent or retried, the consumer thread waits for one to come back; the
 * ring then fills and producers drop, counted, which is the design (no queue grows anywhere).
 *
 * <p>Outcomes land in {@link #counters()}: {@code Delivered} on a 2xx, {@code Failed} when an
 * event is given up on (4xx other than 408/429, retries exhausted, refused endpoint, close
 * deadline), {@code Retried} per repeated request, {@code Batches}/{@code Bytes} per request
 * body sent (a split batch counts each half; retries are not counted again). Synthetic events
 * (drop summaries) are sent but never counted.
 *
 * <p>The token is only ever placed in the {@code Authorization} header; it is not part of any
 * message, exception or {@link #toString()}.
 */
public final class BetterStackSink implements Sink {
    /** Sink name, as JMX shows it: {@code dev.ringtail:type=Sink,name=betterstack}. */
    public static final String NAME = "betterstack";
    /** Close stops waiting for deliveries this much (at most a tenth of its time) before its deadline. */
    static final long CLOSE_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Batch bodies start this small and grow up to maxBytes as needed. */
    static final int INITIAL_BATCH_BYTES = 64 * 1024;

    private final SinkCounters counters = new SinkCounters(NAME);
    private final Diagnostics diagnostics;
    private final EventSerializer serializer;
    private final URI endpoint;
    private final String token; // never printed
    private final int maxEvents;
    private final int maxBytes;
    private final long flushNanos;
    private final int maxInFlight;
    private final long timeoutMillis;
    private final Sender.Settings senderSettings;
    private final Throttle tokenLine;
    private final Throttle quotaLine;
    private final BatchPool pool;
    private final BlockingQueue<Batch> ready;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread[] senders;
    private volatile Transport transport; // volatile: tests and close() read it from other threads
    private Batch current;
    private String refusal;
    private boolean closed;

    BetterStackSink(BetterStackSinkBuilder b) {
        this.diagnostics = b.diagnostics;
        this.serializer = new EventSerializer(b.maxStackChars);
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.token = b.token;
        this.maxEvents = b.maxEvents;
        this.maxBytes = b.maxBytes;
        this.flushNanos = b.flush.toNanos();
        this.maxInFlight = b.maxInFlight;
        this.timeoutMillis = b.timeout.toMillis();
        this.senderSettings = new Sender.Settings(b.gzip, b.maxAttempts,
                new Backoff(b.baseBackoff.toNanos(), b.maxBackoff.toNanos(), b.clock));
        this.tokenLine = new Throttle(b.problemInterval.toNanos());
        this.quotaLine = new Throttle(b.problemInterval.toNanos());
        int poolSize = maxInFlight + 1; // the in-flight batches plus the one being built
        this.pool = new BatchPool(poolSize, Math.min(maxBytes, INITIAL_BATCH_BYTES), maxBytes);
        this.ready = new ArrayBlockingQueue<>(poolSize);
        this.senders = new Thread[maxInFlight];
        this.refusal = refusalReason();
        if (refusal != null) {
            diagnostics.once("betterstack:refused", "betterstack: " + refusal
                    + "; nothing is sent there and its events are counted failed");
        }
    }

    public static BetterStackSinkBuilder builder() {
        return new BetterStackSinkBuilder();
    }

    private String refusalReason() {
        if (token == null || token.isBlank()) {
            return "no source token (set ringtail.betterstack.token or BETTERSTACK_SOURCE_TOKEN)";
        }
        String why = Endpoints.refusal(endpoint);
        if (why != null) {
            return why;
        }
        try {
            // Apache HttpClient 5 logs through slf4j-api and cannot load without it. The
            // ringtail-slf4j jar brings it; a bare core on the class path may not.
            Class.forName("org.slf4j.LoggerFactory", false, BetterStackSink.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "slf4j-api is not on the class path, and Apache HttpClient needs it";
        }
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    // ------------------------------------------------------------------ consumer thread

    /**
     * Builds the HTTP client and starts the senders now, on this pipeline thread, so that loading
     * HttpClient's classes (hundreds of milliseconds on a cold JVM) does not stall the first batch.
     */
    @Override
    public void start() {
        if (refusal == null && !closed && transport == null) {
            startSenders();
        }
    }

    @Override
    public void onEvent(EventView event) {
        boolean synthetic = event.isSynthetic();
        if (refusal != null || closed) {
            countFailed(event, synthetic);
            return;
        }
        OutputBuffer json;
        try {
            json = serializer.serialize(event);
        } catch (Throwable t) {
            countFailed(event, synthetic);
            diagnostics.rateLimited("betterstack-serialize", "betterstack: could not serialize an event from logger " + event.loggerName()
                    + " (counted failed): " + t.getClass().getName());
            return;
        }
        if (current != null && (current.count() >= maxEvents || current.sizeWith(json.size()) > maxBytes)) {
            dispatch();
        }
        if (current == null) {
            current = pool.acquire(); // every batch in flight: wait here, on purpose (see BatchPool)
            if (current == null) {
                countFailed(event, synthetic);
                return;
            }
        }
        long now = System.nanoTime();
        current.add(json, synthetic ? null : event.level(), now);
        if (current.count() >= maxEvents || current.size() >= maxBytes) {
            dispatch();
        }
    }

    @Override
    public void onEndOfBatch() {
        dispatchIfDue();
    }

    @Override
    public void onIdle() {
        dispatchIfDue();
    }

    @Override
    public boolean flush(long deadlineNanos) {
        if (current != null) {
            dispatch();
        }
        return pool.awaitAllReturned(deadlineNanos);
    }

    @Override
    public void close(long deadlineNanos) {
        if (closed) {
            return;
        }
        // The pipeline stops waiting for us at the deadline itself, so giving up (and counting) must
        // happen a little before it, or the counts would land after the caller read them.
        long remaining = deadlineNanos - System.nanoTime();
        boolean delivered = flush(deadlineNanos - Math.min(CLOSE_MARGIN_NANOS, Math.max(0, remaining) / 10));
        closed = true;
        if (!delivered) {
            int lost = pool.abandonAll(counters);
            if (lost > 0) {
                diagnostics.line("betterstack: close deadline passed with " + lost
                        + " events undelivered (counted failed)");
            }
        }
        stop.countDown();
        for (Thread sender : senders) {
            if (sender != null) {
                sender.interrupt();
            }
        }
        if (transport != null) {
            transport.close(!delivered);
        }
    }

    private void dispatchIfDue() {
        if (current != null && System.nanoTime() - current.firstEventNanos() >= flushNanos) {
            dispatch();
        }
    }

    private void dispatch() {
        Batch batch = current;
        current = null;
        batch.seal();
        if (transport == null && !startSenders()) {
            batch.abandon(counters);
            pool.release(batch);
            return;
        }
        ready.add(batch); // never full: it holds at most every batch there is
    }

    private boolean startSenders() {
        try {
            // Built at start (or on first use), always on this pipeline thread: whatever HttpClient
            // logs while it loads cannot re-enter the ring. If SLF4J is still initializing, its
            // loggers are SLF4J's substitutes until then.
            transport = new ClassicTransport(endpoint, token, senderSettings.gzip(), maxInFlight, timeoutMillis);
        } catch (RuntimeException | LinkageError e) {
            refusal = "the HTTP client could not start: " + e.getClass().getName();
            diagnostics.once("betterstack:refused", "betterstack: " + refusal
                    + "; nothing is sent and its events are counted failed");
            return false;
        }
        ThreadFactory threads = RecursionGuard.pipelineThreads("ringtail-http");
        for (int i = 0; i < senders.length; i++) {
            senders[i] = threads.newThread(new Sender(ready, pool::release, transport, senderSettings, counters,
                    diagnostics, tokenLine, quotaLine, stop));
            senders[i].start();
        }
        return true;
    }

    private void countFailed(EventView event, boolean synthetic) {
        if (!synthetic) {
            counters.failed(event.level(), 1);
        }
    }

    // ------------------------------------------------------------------ observability

    /** True once the HTTP client is built and the senders run. */
    boolean started() {
        return transport != null;
    }

    /** Batches currently held: being built, waiting for a sender, or being sent or retried. */
    int batchesHeld() {
        return pool.held();
    }

    /** The most batches ever held at once; never more than {@code maxInFlight + 1}. */
    int batchesHeldHighWater() {
        return pool.heldHighWater();
    }

    /** True while the consumer thread waits for a batch to come back from the senders. */
    boolean waitingForBatch() {
        return pool.waiting();
    }

    int batchPoolSize() {
        return pool.size();
    }

    @Override
    public String toString() {
        return "BetterStackSink{endpoint=" + endpoint + ", token=" + RingtailConfig.mask(token)
                + ", maxInFlight=" + maxInFlight + (refusal == null ? "" : ", refused") + '}';
    }
}
