package dev.ringtail.internal.http;

import java.io.IOException;

/** Sends one request body to the ingest endpoint. Implementations are used by several sender threads. */
interface Transport {

    /** What the endpoint answered: the status, the {@code Retry-After} header, the start of the body. */
    record Answer(int status, String retryAfter, String bodyStart) {
    }

    /** POSTs {@code body[0, length)}; an {@link IOException} is a connection failure or timeout. */
    Answer post(byte[] body, int length) throws IOException;

    /** Releases connections; {@code immediately} aborts requests in flight. */
    void close(boolean immediately);
}
