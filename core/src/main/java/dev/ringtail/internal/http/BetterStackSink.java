package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Secrets;
import java.net.URI;

/**
 * Ships events to BetterStack's HTTP ingest: JSON arrays, gzip'd, batched, with retries. The
 * protocol is {@link BetterStackProtocol}; batching, sending, retrying and counting are the
 * shared {@link HttpSink}'s.
 *
 * <p>The token is only ever placed in the {@code Authorization} header, never in any output.
 */
public final class BetterStackSink extends HttpSink {
    /** Sink name, as JMX shows it: {@code dev.ringtail:type=Sink,name=betterstack}. */
    public static final String NAME = BetterStackProtocol.NAME;

    private final String token; // never printed, only masked

    BetterStackSink(URI endpoint, String token, HttpSettings settings) {
        super(new BetterStackProtocol(endpoint, token, settings), settings);
        this.token = token;
    }

    public static BetterStackSinkBuilder builder() {
        return new BetterStackSinkBuilder();
    }

    @Override
    public String toString() {
        URI endpoint = endpoint();
        String shown = endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString());
        return "BetterStackSink{endpoint=" + shown + ", token=" + Secrets.mask(token)
                + ", maxInFlight=" + maxInFlight() + (refusal() == null ? "" : ", refused") + '}';
    }
}
