package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.OutputBuffer;
import dev.ringtail.internal.stats.Outcomes;
import dev.ringtail.internal.stats.SinkCounters;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * The one way a range of a batch is sent, whoever sends it (a live {@link Sender}, the spool's
 * {@link Replayer}): the protocol frames it, it is compressed and POSTed, the protocol judges the
 * answer, and the outcome is counted; a verdict to split sends the halves, in order; a single
 * event too large is dropped and counted. What happens after a transient failure (no answer, or
 * a verdict to retry) is the caller's {@link Policy}: retry after a backoff, give up, or spool.
 *
 * <p>One per thread: it owns the body and gzip buffers that thread frames into.
 */
final class Delivery {
    private final Transport transport;
    private final Protocol protocol;
    private final Protocol.BodyWriter writer;
    private final boolean compress;
    private final SinkCounters counters;
    private final Outcomes outcomes;
    private final Diagnostics diagnostics;
    private final Gzip gzip;
    private final OutputBuffer body = new OutputBuffer(1024);
    private final OutputBuffer wire = new OutputBuffer(1024);

    /** What a sender does around the attempts: divert a range before them, and decide after a transient failure. */
    interface Policy {
        /** Before the first attempt at {@code [from, to)}: true if the policy took the range elsewhere (the spool). */
        boolean divert(Batch batch, int from, int to);

        /**
         * Attempt {@code attempt} at {@code [from, to)} failed transiently ({@code answer} null: no
         * answer; {@code problem} says what happened): true to send again (having waited as long as
         * it chose), false if the policy settled the range or the sink is closing.
         */
        boolean again(Batch batch, int from, int to, int attempt, Answer answer, String problem);
    }

    /**
     * @param gzipLevel deflate level of the bodies when {@code compress}
     * @param counters where requests are counted ({@code Batches}, {@code Bytes}, {@code Retried})
     * @param outcomes where events are counted delivered or failed: the counters, or a replay's tally
     */
    Delivery(Transport transport, Protocol protocol, boolean compress, int gzipLevel, SinkCounters counters,
             Outcomes outcomes, Diagnostics diagnostics) {
        this.transport = transport;
        this.gzip = new Gzip(gzipLevel);
        this.protocol = protocol;
        this.writer = protocol.newBodyWriter();
        this.compress = compress;
        this.counters = counters;
        this.outcomes = outcomes;
        this.diagnostics = diagnostics;
    }

    /** Sends events {@code [from, to)} of {@code batch} until they are settled or {@code policy} stops. */
    void send(Batch batch, int from, int to, Policy policy) {
        if (policy.divert(batch, from, to)) {
            return;
        }
        writer.write(batch, from, to, body);
        OutputBuffer payload = body;
        if (compress) {
            gzip.compress(body.array(), body.size(), wire);
            payload = wire;
        }
        counters.batch(payload.size(), body.size());
        int bodyBytes = body.size();
        for (int attempt = 1; ; attempt++) {
            if (batch.isAbandoned()) {
                return;
            }
            if (attempt > 1) {
                counters.retried(); // counted as the resend goes out: a close during the backoff sends nothing
            }
            Answer answer;
            String problem = null;
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
                    batch.settle(from, to, verdict.rejected(), outcomes);
                    return;
                case SPLIT:
                    splitOrDrop(batch, from, to, bodyBytes, policy);
                    return;
                case REJECTED:
                    batch.settle(from, to, false, outcomes);
                    return;
                default:
                    break; // transient: the policy decides
            }
            if (answer != null) {
                problem = "HTTP " + answer.status();
            }
            if (!policy.again(batch, from, to, attempt, answer, problem)) {
                return;
            }
        }
    }

    private void splitOrDrop(Batch batch, int from, int to, int bytes, Policy policy) {
        if (to - from == 1) {
            batch.settle(from, to, false, outcomes);
            diagnostics.rateLimited(protocol.name() + "-too-large", protocol.name() + ": dropped an event of " + bytes
                    + " bytes, the endpoint answered 413 (payload too large)");
            return;
        }
        int middle = (from + to) >>> 1;
        send(batch, from, middle, policy);
        send(batch, middle, to, policy);
    }

    /** Releases the compressor's native memory; the thread is done. */
    void end() {
        gzip.end();
    }
}
