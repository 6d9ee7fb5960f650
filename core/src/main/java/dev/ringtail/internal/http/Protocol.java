package dev.ringtail.internal.http;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.json.OutputBuffer;
import java.io.IOException;
import java.net.URI;

/**
 * One HTTP ingest protocol on the shared machinery ({@link HttpSink}: one batch pool, senders,
 * one retry loop): how an event is encoded, how a request body frames a batch's events, what
 * each request carries, and what each answer means. BetterStack's JSON arrays and OTLP/HTTP logs
 * are the two.
 *
 * <p>An implementation is immutable and shared; the encoders and body writers it makes are not:
 * one encoder per consumer thread, one body writer per sender thread.
 */
public interface Protocol {

    /** Encodes one event on the consumer thread; the buffer it returns is valid until the next call. */
    @FunctionalInterface
    interface EventEncoder {
        OutputBuffer encode(EventView event) throws IOException;
    }

    /** Frames events {@code [from, to)} of a sealed batch as one request body, on a sender thread. */
    @FunctionalInterface
    interface BodyWriter {
        void write(Batch batch, int from, int to, OutputBuffer out);
    }

    /** The sink's name ({@code betterstack}, {@code otlp}): JMX, stats and the start of its stderr lines. */
    String name();

    /** Where requests go; null if the configured text is not a URL. */
    URI endpoint();

    /** Null if requests may be sent to the endpoint with their credentials, else why not (printed once). */
    String refusal();

    /** The request body's media type. */
    String contentType();

    /** Headers every request carries; their values are credentials. */
    RequestHeaders headers();

    /** How many bytes of a 2xx answer's body to read (0: none; the answer counts on its status line). */
    int successBodyBytes();

    EventEncoder newEncoder();

    BodyWriter newBodyWriter();

    /** Size of the body of {@code events} encoded events of {@code eventBytes} bytes in all, framing included. */
    long bodySize(int events, long eventBytes);

    /**
     * The retry rules: what {@code answer} (null: no answer, a connection failure or a timeout)
     * means for a request of {@code events} counted events. A protocol prints its own lines for
     * rejections, rate limited; the sender prints those of retrying and giving up.
     */
    Verdict judge(Answer answer, int events);
}
