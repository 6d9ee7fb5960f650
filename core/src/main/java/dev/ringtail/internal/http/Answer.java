package dev.ringtail.internal.http;

/**
 * What an endpoint answered one request: the status, the {@code Retry-After} header, the start of
 * an error body (credentials hidden) for the stderr line, and the response's content type and
 * body when the protocol asked to read the body of a 2xx (null otherwise, or if it did not
 * arrive in time: the 2xx stands anyway).
 */
public record Answer(int status, String retryAfter, String bodyStart, String contentType, byte[] body) {

    /** True for any 2xx. */
    public boolean success() {
        return status / 100 == 2;
    }
}
