package dev.ringtail.internal.http;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.diag.Secrets;
import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.sink.Backlog;
import dev.ringtail.internal.sink.BufferPool;
import dev.ringtail.internal.sink.ShedPolicy;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.SinkCounters;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Memory is bounded by construction: there are exactly {@code maxInFlight + 1} batches
 * ({@link BufferPool}). When all are out the consumer waits for one, unless this sink is far
 * behind the ring: then it counts its own events failed rather than fill the ring for the others.
 *
 * <p>Outcomes land in {@link #counters()}: {@code Delivered} on a 2xx, {@code Failed} when an
 * event is given up on (4xx other than 408/429, retries exhausted, refused endpoint, close
 * deadline), {@code Retried} per repeated request, {@code Batches}/{@code Bytes} per request
 * body sent (a split batch counts each half; retries are not counted again). Synthetic events
 * (drop summaries) are sent but never counted.
 *
 * <p>The token is only ever placed in the {@code Authorization} header, never in any output.
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
    private final URI endpoint; // null if the configured text is not a URL (then refused)
    private final String token; // never printed
    private final int maxEvents;
    private final int maxBytes;
    private final long flushNanos;
    private final int maxInFlight;
    private final long timeoutMillis;
    private final Sender.Settings senderSettings;
    private final Throttle tokenLine;
    private final Throttle quotaLine;
    private final BufferPool<Batch> pool;
    private final BlockingQueue<Batch> ready;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final ShedPolicy shed = new ShedPolicy();
    private final Thread[] senders;
    private volatile Transport transport; // volatile: tests and close() read it from other threads
    private Batch current;
    private String refusal;
    private boolean closed;
    /** Events counted failed because the wait for a free batch was interrupted; reported at close. */
    private int interruptedWaiting;

    BetterStackSink(BetterStackSinkBuilder b) {
        this.diagnostics = b.diagnostics;
        this.serializer = new EventSerializer(b.maxStackChars, b.maxFieldChars);
        this.endpoint = b.endpoint;
        this.token = b.token;
        diagnostics.secrets().add(token); // from now on no line these diagnostics print shows it
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
        List<Batch> batches = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            batches.add(new Batch(Math.min(maxBytes, INITIAL_BATCH_BYTES), maxBytes));
        }
        this.pool = new BufferPool<>(batches);
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
        return why != null ? why : Transport.unavailable();
    }

    /** Why nothing is sent (printed once at construction), or null if the sink sends. */
    public String refusal() {
        return refusal;
    }

    /** The endpoint's host, for the start-up line; null if the endpoint is not a URL. */
    public String host() {
        return endpoint == null ? null : endpoint.getHost();
    }

    @Override
    public SinkCounters counters() {
        return counters;
    }

    @Override
    public void attach(Backlog backlog) {
        shed.attach(backlog);
    }

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
            // every batch in flight: wait here, unless that would fill the ring (see BufferPool)
            current = pool.acquire(shed);
            if (current == null) {
                countFailed(event, synthetic);
                if (Thread.currentThread().isInterrupted()) {
                    interruptedWaiting += synthetic ? 0 : 1; // no batch holds it: the close line must say it
                } else if (!synthetic) {
                    diagnostics.rateLimited("betterstack-shed", "betterstack: the endpoint is not keeping up and every batch is in"
                            + " flight; events are counted failed here rather than left to fill the ring");
                }
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
        int lost = interruptedWaiting + (delivered ? 0 : pool.abandonAll(counters));
        interruptedWaiting = 0;
        if (lost > 0) {
            diagnostics.line("betterstack: close deadline passed with " + lost
                    + " events undelivered (counted failed)");
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

    /** True once the HTTP client is built and the senders run. */
    boolean started() {
        return transport != null;
    }

    /** The batches: how many are held, the most ever held, whether the consumer waits for one. */
    BufferPool<Batch> batches() {
        return pool;
    }

    @Override
    public String toString() {
        String shown = endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString());
        return "BetterStackSink{endpoint=" + shown + ", token=" + Secrets.mask(token)
                + ", maxInFlight=" + maxInFlight + (refusal == null ? "" : ", refused") + '}';
    }
}
