package dev.ringtail.internal.otlp;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.http.Answer;
import dev.ringtail.internal.http.Endpoints;
import dev.ringtail.internal.http.HttpSettings;
import dev.ringtail.internal.http.Protocol;
import dev.ringtail.internal.http.RequestHeaders;
import dev.ringtail.internal.http.Verdict;
import java.net.URI;
import java.util.Locale;

/**
 * OTLP/HTTP logs on the shared machinery: records encoded by the consumer in the chosen
 * encoding, a body an {@code ExportLogsServiceRequest}, the configured headers and token, and
 * OTLP's retry rules: connection failures, timeouts, 429, 502, 503 and 504 retried (honouring
 * {@code Retry-After}); any other status not retried, counted failed, one line; a 2xx whose
 * {@code partial_success} rejects N records counts N failed (most severe levels first, see
 * {@code Batch.settle}) and the rest delivered, not retried.
 */
final class OtlpProtocol implements Protocol {
    static final String NAME = "otlp";
    /** Enough for any partial success; a 2xx body past it is not read, and the 2xx stands. */
    static final int SUCCESS_BODY_BYTES = 64 * 1024;

    private final URI endpoint;
    private final String endpointKey;
    private final OtlpEncoding encoding;
    private final RequestHeaders headers;
    private final String credential; // what the refusal line calls the credentials; null if none
    private final Resource resource;
    private final int maxStackChars;
    private final int maxFieldChars;
    private final Diagnostics diagnostics;

    OtlpProtocol(OtlpSinkBuilder b, HttpSettings settings) {
        this.endpoint = b.endpoint;
        this.endpointKey = b.endpointKey;
        this.encoding = b.encoding;
        this.headers = b.headers();
        this.credential = b.token != null ? "the OTLP token" : headers.isEmpty() ? null : "the OTLP headers";
        this.resource = b.resource;
        this.maxStackChars = settings.maxStackChars();
        this.maxFieldChars = settings.maxFieldChars();
        this.diagnostics = settings.diagnostics();
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
        return Endpoints.refusal(endpoint, endpointKey, credential,
                "credentials go in ringtail.otlp.token or ringtail.otlp.headers");
    }

    @Override
    public String contentType() {
        return encoding.contentType();
    }

    @Override
    public RequestHeaders headers() {
        return headers;
    }

    @Override
    public int successBodyBytes() {
        return SUCCESS_BODY_BYTES;
    }

    @Override
    public EventEncoder newEncoder() {
        return encoding == OtlpEncoding.JSON ? new JsonRecordEncoder(maxStackChars, maxFieldChars)
                : new ProtobufRecordEncoder(maxStackChars, maxFieldChars);
    }

    @Override
    public BodyWriter newBodyWriter() {
        return encoding == OtlpEncoding.JSON ? new JsonBody(resource, maxFieldChars) : new ProtobufBody(resource, maxFieldChars);
    }

    /**
     * The records plus each one's tag and length (at most 6 bytes; a comma in JSON), plus the
     * resource; each logger's scope header comes on top, so a batch of many loggers may pass
     * {@code maxBytes} by their names.
     */
    @Override
    public long bodySize(int events, long eventBytes) {
        int perEvent = encoding == OtlpEncoding.JSON ? 1 : 6;
        int envelope = encoding == OtlpEncoding.JSON ? resource.json().length + 64 : resource.protobuf().length + 16;
        return eventBytes + (long) perEvent * events + envelope;
    }

    @Override
    public Verdict judge(Answer answer, int events) {
        if (answer == null) {
            return Verdict.RETRY;
        }
        int status = answer.status();
        if (answer.success()) {
            return partialSuccess(answer, events);
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            return Verdict.RETRY;
        }
        String hint = status == 401 || status == 403 ? "; check ringtail.otlp.token and ringtail.otlp.headers" : "";
        diagnostics.rateLimited("otlp-rejected", "otlp: HTTP " + status + ", " + events + " events not sent (not retried"
                + hint + "): " + printable(answer.bodyStart()));
        return Verdict.REJECTED;
    }

    private Verdict partialSuccess(Answer answer, int events) {
        if (answer.body() == null || !encoding.contentType().equals(mediaType(answer.contentType()))) {
            return Verdict.DELIVERED; // no body the protocol defines (or one too large): the 2xx says all
        }
        PartialSuccess partial;
        try {
            partial = PartialSuccess.parse(answer.body(), encoding);
        } catch (IllegalArgumentException e) {
            diagnostics.once("otlp:unreadable-response", "otlp: a 2xx answer's body is not an ExportLogsServiceResponse ("
                    + e.getMessage() + "); its records are counted delivered");
            return Verdict.DELIVERED;
        }
        if (partial.rejected() > 0) {
            long rejected = Math.min(partial.rejected(), events);
            diagnostics.rateLimited("otlp-partial", "otlp: the endpoint accepted the request but rejected " + partial.rejected()
                    + " of its " + events + " events (partial success, not retried; counted failed): " + partial.errorMessage());
            return Verdict.partiallyDelivered(rejected);
        }
        if (!partial.errorMessage().isEmpty()) {
            diagnostics.rateLimited("otlp-warning", "otlp: the endpoint accepted every event and says: " + partial.errorMessage());
        }
        return Verdict.DELIVERED;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** An error body on one line: an OTLP error is often a binary {@code google.rpc.Status}; its text shows, the rest does not. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7F || c == '\uFFFD' ? ' ' : c);
        }
        return out.toString().trim();
    }

    @Override
    public String toString() {
        return "OtlpProtocol{" + (endpoint == null ? "invalid" : Endpoints.withoutUserInfo(endpoint.toString()))
                + ", " + encoding.key() + ", " + headers + '}';
    }
}
