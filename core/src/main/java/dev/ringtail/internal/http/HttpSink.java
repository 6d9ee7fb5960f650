package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.event.EventView;
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
 * The machinery every HTTP sink runs on, whatever its {@link Protocol}: batched, compressed,
 * retried requests from a fixed pool of batches.
 *
 * <p>On the consumer thread each event is encoded by the protocol and appended to the batch
 * being built. A batch is sealed at {@code maxEvents}, before its body would pass
 * {@code maxBytes} (uncompressed; only a single oversized event makes a bigger batch), once
 * {@code flushMillis} passed since its first event, and at flush and close. Sealed batches go to
 * {@code maxInFlight} sender threads ({@link Sender}) that have the protocol frame them, then
 * compress, POST, retry and count.
 *
 * <p>Memory is bounded by construction: there are exactly {@code maxInFlight + 1} batches
 * ({@link BufferPool}). When all are out the consumer waits for one, unless this sink is far
 * behind the ring: then it counts its own events failed rather than fill the ring for the others.
 *
 * <p>Outcomes land in {@link #counters()}: {@code Delivered} on a 2xx (less what a partial success
 * rejected), {@code Failed} when an event is given up on (a status the protocol does not retry,
 * retries exhausted, refused endpoint, close deadline), {@code Retried} per repeated request,
 * {@code Batches}/{@code Bytes} per request body sent (a split batch counts each half; retries are
 * not counted again). Synthetic events (drop summaries) are sent but never counted.
 *
 * <p>With a disk spool ({@link SpoolSettings}) what cannot be delivered now goes to disk instead
 * of being retried in memory or failed, and a replay thread sends it when the endpoint takes it
 * again ({@link Undelivered}, {@link SpoolRoute}, {@link Replayer}); {@code Spooled} then holds
 * what is on disk, and after a drain {@code accepted + found == delivered + replayed + failed +
 * spooled}.
 *
 * <p>Credentials are only ever placed in request headers, never in any output.
 */
public abstract class HttpSink implements Sink {
    /** Close stops waiting for deliveries this much (at most a tenth of its time) before its deadline. */
    static final long CLOSE_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Batch bodies start this small and grow up to maxBytes as needed. */
    static final int INITIAL_BATCH_BYTES = 64 * 1024;

    private final Protocol protocol;
    private final String name;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private final Protocol.EventEncoder encoder;
    private final int maxEvents;
    private final int maxBytes;
    private final long flushNanos;
    private final int maxInFlight;
    private final long timeoutMillis;
    private final Sender.Settings senderSettings;
    private final Undelivered undelivered;
    private final Sequencer sequencer = new Sequencer();
    private final Replayer replayer; // null without a spool
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

    protected HttpSink(Protocol protocol, HttpSettings settings) {
        this.protocol = protocol;
        this.name = protocol.name();
        this.counters = new SinkCounters(name);
        this.diagnostics = settings.diagnostics();
        for (String secret : protocol.headers().secrets()) {
            diagnostics.secrets().add(secret); // from now on no line these diagnostics print shows it
        }
        this.encoder = protocol.newEncoder();
        this.maxEvents = settings.maxEvents();
        this.maxBytes = settings.maxBytes();
        this.flushNanos = settings.flush().toNanos();
        this.maxInFlight = settings.maxInFlight();
        this.timeoutMillis = settings.timeout().toMillis();
        this.senderSettings = new Sender.Settings(settings.gzip(), settings.gzipLevel(), settings.maxAttempts(),
                new Backoff(settings.baseBackoff().toNanos(), settings.maxBackoff().toNanos(), settings.clock()));
        this.replayer = Replayer.of(protocol, settings, sequencer, senderSettings.backoff(), counters);
        this.undelivered = new Undelivered(name, counters, diagnostics, replayer == null ? null : replayer.route());
        int poolSize = maxInFlight + 1; // the in-flight batches plus the one being built
        List<Batch> batches = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            batches.add(new Batch(Math.min(maxBytes, INITIAL_BATCH_BYTES), maxBytes));
        }
        this.pool = new BufferPool<>(batches);
        this.ready = new ArrayBlockingQueue<>(poolSize);
        this.senders = new Thread[maxInFlight];
        String why = protocol.refusal();
        this.refusal = why != null ? why : Transport.unavailable();
        if (refusal != null) {
            diagnostics.once(name + ":refused", name + ": " + refusal
                    + "; nothing is sent there and its events are counted failed");
        }
    }

    /** Why nothing is sent (printed once at construction), or null if the sink sends. */
    public String refusal() {
        return refusal;
    }

    /** The endpoint, or null if the configured text is not a URL. */
    public URI endpoint() {
        return protocol.endpoint();
    }

    /** The endpoint's host, for the start-up line; null if the endpoint is not a URL. */
    public String host() {
        URI endpoint = protocol.endpoint();
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
        OutputBuffer encoded;
        try {
            encoded = encoder.encode(event);
        } catch (Throwable t) {
            countFailed(event, synthetic);
            diagnostics.rateLimited(name + "-serialize", name + ": could not serialize an event from logger "
                    + event.loggerName() + " (counted failed): " + t.getClass().getName());
            return;
        }
        if (current != null && (current.count() >= maxEvents
                || protocol.bodySize(current.count() + 1, current.eventBytes() + encoded.size()) > maxBytes)) {
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
                    diagnostics.rateLimited(name + "-shed", name + ": the endpoint is not keeping up and every batch is in"
                            + " flight; events are counted failed here rather than left to fill the ring");
                }
                return;
            }
        }
        current.add(encoded, synthetic ? null : event.level(), event.loggerName(), System.nanoTime());
        if (current.count() >= maxEvents || protocol.bodySize(current.count(), current.eventBytes()) >= maxBytes) {
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

    /** Hands the batch being built to the senders and waits for every batch back: delivered, failed, or (with a spool) on disk. */
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
        long margin = Math.min(CLOSE_MARGIN_NANOS, Math.max(0, deadlineNanos - System.nanoTime()) / 10);
        boolean delivered = flush(deadlineNanos - margin);
        closed = true;
        int lost = interruptedWaiting + (delivered ? 0 : undelivered.closeDeadlinePassed(pool, sequencer));
        interruptedWaiting = 0;
        if (lost > 0) {
            diagnostics.line(name + ": close deadline passed with " + lost + " events undelivered (counted failed)");
        }
        stop.countDown();
        for (Thread sender : senders) {
            if (sender != null) {
                sender.interrupt();
            }
        }
        // the replay thread ends at once unless it is in a request; one still running at the deadline is aborted
        boolean replayEnded = replayer == null || replayer.stop(deadlineNanos - margin / 2);
        if (transport != null) {
            transport.close(!delivered || !replayEnded);
        }
        if (replayer != null) {
            replayer.finish(); // then the spool is synced and let go of, for the next process
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
        if (transport == null && !startSenders()) {
            batch.abandon(counters);
            pool.release(batch);
            return;
        }
        sequencer.issue(batch); // its place in the order the spool must keep
        ready.add(batch); // never full: it holds at most every batch there is
    }

    private boolean startSenders() {
        try {
            // Built at start (or on first use), always on this pipeline thread: whatever HttpClient
            // logs while it loads cannot re-enter the ring. If SLF4J is still initializing, its
            // loggers are SLF4J's substitutes until then.
            // with a spool, one connection more for the replay thread, which sends while the senders spool
            transport = new ClassicTransport(protocol.endpoint(), protocol.headers(), protocol.contentType(),
                    senderSettings.gzip(), maxInFlight + (replayer == null ? 0 : 1), timeoutMillis, protocol.successBodyBytes());
        } catch (RuntimeException | LinkageError e) {
            refusal = "the HTTP client could not start: " + e.getClass().getName();
            diagnostics.once(name + ":refused", name + ": " + refusal
                    + "; nothing is sent and its events are counted failed");
            return false;
        }
        ThreadFactory threads = RecursionGuard.pipelineThreads("ringtail-http");
        Sender.Owner owner = new Sender.Owner(ready, pool::release, sequencer, protocol, counters, diagnostics, undelivered,
                stop);
        for (int i = 0; i < senders.length; i++) {
            senders[i] = threads.newThread(new Sender(owner, transport, senderSettings));
            senders[i].start();
        }
        if (replayer != null) {
            replayer.start(transport, senderSettings.gzip(), senderSettings.gzipLevel()); // takes the directory here, before the first batch
        }
        return true;
    }

    private void countFailed(EventView event, boolean synthetic) {
        if (!synthetic) {
            counters.failed(event.level(), 1);
        }
    }

    /** True once the HTTP client is built and the senders run. */
    public boolean started() {
        return transport != null;
    }

    /** The batches: how many are held, the most ever held, whether the consumer waits for one. */
    public BufferPool<Batch> batches() {
        return pool;
    }

    /** Requests in flight at most. */
    protected int maxInFlight() {
        return maxInFlight;
    }
}
