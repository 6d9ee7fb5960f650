package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.json.EventSerializer;
import dev.ringtail.internal.json.OutputBuffer;
import java.net.URI;

/**
 * BetterStack's HTTP ingest on the shared machinery: each event one JSON object
 * ({@link EventSerializer}), a body the JSON array of a batch's events, the source token as a
 * bearer token, and BetterStack's retry rules: connection failures, timeouts, 408, 429 and every
 * 5xx retried; 413 split and resent; 401/403 (token rejected) and 402 (quota exceeded) not
 * retried, with a line at most once per problem interval; any other status not retried, the start
 * of its body on stderr.
 */
final class BetterStackProtocol implements Protocol {
    static final String NAME = "betterstack";
    private static final int REQUEST_TIMEOUT = 408;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final URI endpoint;
    private final String token; // never printed
    private final RequestHeaders headers = new RequestHeaders();
    private final int maxStackChars;
    private final int maxFieldChars;
    private final Diagnostics diagnostics;
    private final Throttle tokenLine;
    private final Throttle quotaLine;

    BetterStackProtocol(URI endpoint, String token, HttpSettings settings) {
        this.endpoint = endpoint;
        this.token = token;
        if (token != null && !token.isBlank()) {
            headers.bearer(token);
        }
        this.maxStackChars = settings.maxStackChars();
        this.maxFieldChars = settings.maxFieldChars();
        this.diagnostics = settings.diagnostics();
        this.tokenLine = new Throttle(settings.problemInterval().toNanos());
        this.quotaLine = new Throttle(settings.problemInterval().toNanos());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String refusal() {
        if (token == null || token.isBlank()) {
            return "no source token (set ringtail.betterstack.token or BETTERSTACK_SOURCE_TOKEN)";
        }
        return Endpoints.refusal(endpoint);
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public RequestHeaders headers() {
        return headers;
    }

    @Override
    public int successBodyBytes() {
        return 0; // a 2xx is all BetterStack says
    }

    @Override
    public EventEncoder newEncoder() {
        return new EventSerializer(maxStackChars, maxFieldChars)::serialize;
    }

    @Override
    public BodyWriter newBodyWriter() {
        return BetterStackProtocol::writeArray;
    }

    /** {@code [e0,e1,...]}. */
    private static void writeArray(Batch batch, int from, int to, OutputBuffer out) {
        out.reset();
        out.write('[');
        byte[] bytes = batch.bytes();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            out.write(bytes, batch.start(i), batch.end(i) - batch.start(i));
        }
        out.write(']');
    }

    @Override
    public long bodySize(int events, long eventBytes) {
        return eventBytes + Math.max(0, events - 1) + 2; // the commas and the brackets
    }

    @Override
    public Verdict judge(Answer answer, int events) {
        int status = answer == null ? 0 : answer.status();
        if (answer != null && answer.success()) {
            return Verdict.DELIVERED;
        }
        if (status == PAYLOAD_TOO_LARGE) {
            return Verdict.SPLIT;
        }
        if (status == 401 || status == 403) {
            if (tokenLine.tryAcquire()) {
                diagnostics.line("betterstack: token rejected (HTTP " + status + "): " + events
                        + " events not sent; check ringtail.betterstack.token (this line repeats at most once a minute)");
            }
            return Verdict.REJECTED;
        }
        if (status == 402) {
            if (quotaLine.tryAcquire()) {
                diagnostics.line("betterstack: quota exceeded (HTTP 402): " + events
                        + " events not sent (this line repeats at most once a minute)");
            }
            return Verdict.REJECTED;
        }
        if (answer == null || status == REQUEST_TIMEOUT || status == TOO_MANY_REQUESTS || status / 100 == 5) {
            return Verdict.RETRY;
        }
        diagnostics.rateLimited("betterstack-rejected", "betterstack: HTTP " + status + ", " + events
                + " events not sent (not retried): " + oneLine(answer.bodyStart()));
        return Verdict.REJECTED;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public String toString() {
        return "BetterStackProtocol{" + (endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString())) + '}';
    }
}
