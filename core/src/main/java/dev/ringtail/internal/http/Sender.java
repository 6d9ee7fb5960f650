package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.stats.SinkCounters;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One sender thread of an HTTP sink, whatever its protocol: takes a sealed batch, has the protocol
 * frame it, compresses it, POSTs it, retries it as the protocol's verdict says, splits it on a
 * verdict to split, counts the outcome, and hands the batch back. A batch being retried keeps its
 * sender, so it counts against {@code maxInFlight} and the consumer waits instead of piling up
 * batches.
 */
final class Sender implements Runnable {
    private final BlockingQueue<Batch> ready;
    private final Consumer<Batch> recycle;
    private final Transport transport;
    private final Protocol protocol;
    private final Protocol.BodyWriter writer;
    private final Settings settings;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private final Undelivered undelivered;
    private final CountDownLatch stop;
    private final Gzip gzip = new Gzip();
    private final OutputBuffer body = new OutputBuffer(1024);
    private final OutputBuffer wire = new OutputBuffer(1024);

    /** What every sender of a sink shares and never changes. */
    record Settings(boolean gzip, int maxAttempts, Backoff backoff) {
    }

    /** The sink a sender works for: its queue, protocol, counters and where undeliverable events go. */
    record Owner(BlockingQueue<Batch> ready, Consumer<Batch> recycle, Protocol protocol, SinkCounters counters,
                 Diagnostics diagnostics, Undelivered undelivered, CountDownLatch stop) {
    }

    Sender(Owner owner, Transport transport, Settings settings) {
        this.ready = owner.ready();
        this.recycle = owner.recycle();
        this.protocol = owner.protocol();
        this.counters = owner.counters();
        this.diagnostics = owner.diagnostics();
        this.undelivered = owner.undelivered();
        this.stop = owner.stop();
        this.transport = transport;
        this.settings = settings;
        this.writer = protocol.newBodyWriter();
    }

    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                Batch batch = ready.take();
                try {
                    send(batch, 0, batch.count());
                } catch (Throwable t) {
                    int lost = batch.abandon(counters);
                    diagnostics.rateLimited(protocol.name() + "-send-threw", protocol.name() + ": " + lost
                            + " events failed, sending threw " + t);
                } finally {
                    recycle.accept(batch);
                }
            }
        } catch (InterruptedException e) {
            // close() stops senders by interrupting them
        } finally {
            gzip.end();
        }
    }

    private void send(Batch batch, int from, int to) {
        writer.write(batch, from, to, body);
        OutputBuffer payload = body;
        if (settings.gzip()) {
            gzip.compress(body.array(), body.size(), wire);
            payload = wire;
        }
        counters.batch(payload.size(), body.size());
        int bodyBytes = body.size();
        String problem = null;
        for (int attempt = 1; ; attempt++) {
            if (batch.isAbandoned()) {
                return;
            }
            if (attempt > 1) {
                counters.retried(); // counted as the resend goes out: a close during the backoff sends nothing
            }
            Answer answer;
            try {
                answer = transport.post(payload.array(), payload.size());
            } catch (InterruptedIOException e) {
                problem = e instanceof SocketTimeoutException ? "timeout: " + e.getMessage() : e.toString();
                answer = null;
            } catch (IOException | RuntimeException e) {
                problem = e.toString();
                answer = null;
            }
            Verdict verdict = protocol.judge(answer, batch.countedEvents(from, to));
            switch (verdict.kind()) {
                case DELIVERED:
                    batch.settle(from, to, verdict.rejected(), counters);
                    return;
                case SPLIT:
                    splitOrDrop(batch, from, to, bodyBytes);
                    return;
                case REJECTED:
                    batch.settle(from, to, false, counters);
                    return;
                default:
                    break; // retried below
            }
            if (answer != null) {
                problem = "HTTP " + answer.status();
            }
            if (attempt >= settings.maxAttempts()) {
                undelivered.retriesExhausted(batch, from, to, attempt, problem);
                return;
            }
            long delay = settings.backoff().delayNanos(attempt, answer == null ? null : answer.retryAfter());
            if (!pause(delay)) {
                return; // closing: close() counts what is left
            }
        }
    }

    private void splitOrDrop(Batch batch, int from, int to, int bytes) {
        if (to - from == 1) {
            batch.settle(from, to, false, counters);
            diagnostics.rateLimited(protocol.name() + "-too-large", protocol.name() + ": dropped an event of " + bytes
                    + " bytes, the endpoint answered 413 (payload too large)");
            return;
        }
        int middle = (from + to) >>> 1;
        send(batch, from, middle);
        send(batch, middle, to);
    }

    /** Waits, unless the sink is closing; false if it is. */
    private boolean pause(long nanos) {
        try {
            return !stop.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
