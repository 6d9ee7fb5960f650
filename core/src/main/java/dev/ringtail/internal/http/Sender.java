package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.stats.SinkCounters;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One sender thread: takes a sealed batch, compresses it, POSTs it, retries it, splits it on a
 * 413, counts the outcome, and hands the batch back. A batch being retried keeps its sender, so
 * it counts against {@code maxInFlight} and the consumer waits instead of piling up batches.
 */
final class Sender implements Runnable {
    /** Statuses retried by the contract (docs/contract.md), besides every 5xx. */
    private static final int REQUEST_TIMEOUT = 408;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final BlockingQueue<Batch> ready;
    private final Consumer<Batch> recycle;
    private final Transport transport;
    private final Settings settings;
    private final SinkCounters counters;
    private final Diagnostics diagnostics;
    private final Throttle tokenLine;
    private final Throttle quotaLine;
    private final CountDownLatch stop;
    private final Gzip gzip = new Gzip();
    private final OutputBuffer range = new OutputBuffer(1024);
    private final OutputBuffer wire = new OutputBuffer(1024);

    /** What every sender shares and never changes. */
    record Settings(boolean gzip, int maxAttempts, Backoff backoff) {
    }

    Sender(BlockingQueue<Batch> ready, Consumer<Batch> recycle, Transport transport, Settings settings,
           SinkCounters counters, Diagnostics diagnostics, Throttle tokenLine, Throttle quotaLine,
           CountDownLatch stop) {
        this.ready = ready;
        this.recycle = recycle;
        this.transport = transport;
        this.settings = settings;
        this.counters = counters;
        this.diagnostics = diagnostics;
        this.tokenLine = tokenLine;
        this.quotaLine = quotaLine;
        this.stop = stop;
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
                    diagnostics.rateLimited("betterstack-send-threw", "betterstack: " + lost + " events failed, sending threw " + t);
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
        OutputBuffer body;
        if (from == 0 && to == batch.count()) {
            body = batch.body;
        } else {
            batch.copyRange(from, to, range);
            body = range;
        }
        OutputBuffer payload = body;
        if (settings.gzip()) {
            gzip.compress(body.array(), body.size(), wire);
            payload = wire;
        }
        counters.batch(payload.size(), body.size());
        String problem = null;
        for (int attempt = 1; ; attempt++) {
            if (batch.isAbandoned()) {
                return;
            }
            if (attempt > 1) {
                counters.retried(); // counted as the resend goes out: a close during the backoff sends nothing
            }
            Transport.Answer answer;
            try {
                answer = transport.post(payload.array(), payload.size());
            } catch (InterruptedIOException e) {
                problem = e instanceof java.net.SocketTimeoutException ? "timeout: " + e.getMessage() : e.toString();
                answer = null;
            } catch (IOException | RuntimeException e) {
                problem = e.toString();
                answer = null;
            }
            int status = answer == null ? 0 : answer.status();
            if (status / 100 == 2) {
                batch.settle(from, to, true, counters);
                return;
            }
            if (status == PAYLOAD_TOO_LARGE) {
                splitOrDrop(batch, from, to, body.size());
                return;
            }
            if (status == 401 || status == 403) {
                fail(batch, from, to);
                if (tokenLine.tryAcquire()) {
                    diagnostics.line("betterstack: token rejected (HTTP " + status + "): "
                            + batch.countedEvents(from, to) + " events not sent; check ringtail.betterstack.token"
                            + " (this line repeats at most once a minute)");
                }
                return;
            }
            if (status == 402) {
                fail(batch, from, to);
                if (quotaLine.tryAcquire()) {
                    diagnostics.line("betterstack: quota exceeded (HTTP 402): " + batch.countedEvents(from, to)
                            + " events not sent (this line repeats at most once a minute)");
                }
                return;
            }
            boolean retryable = answer == null || status == REQUEST_TIMEOUT || status == TOO_MANY_REQUESTS
                    || status / 100 == 5;
            if (!retryable) {
                fail(batch, from, to);
                diagnostics.rateLimited("betterstack-rejected", "betterstack: HTTP " + status + ", " + batch.countedEvents(from, to)
                        + " events not sent (not retried): " + oneLine(answer.bodyStart()));
                return;
            }
            if (answer != null) {
                problem = "HTTP " + status;
            }
            if (attempt >= settings.maxAttempts()) {
                fail(batch, from, to);
                diagnostics.rateLimited("betterstack-gave-up", "betterstack: gave up on " + batch.countedEvents(from, to) + " events after "
                        + attempt + " attempts, last: " + problem);
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
            fail(batch, from, to);
            diagnostics.rateLimited("betterstack-too-large", "betterstack: dropped an event of " + bytes
                    + " bytes, the endpoint answered 413 (payload too large)");
            return;
        }
        int middle = (from + to) >>> 1;
        send(batch, from, middle);
        send(batch, middle, to);
    }

    private void fail(Batch batch, int from, int to) {
        batch.settle(from, to, false, counters);
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

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
