package dev.ringtail.internal.http;

import java.io.IOException;

/** Sends one request body to the ingest endpoint. Implementations are used by several sender threads. */
interface Transport {

    /** POSTs {@code body[0, length)}; an {@link IOException} is a connection failure or timeout. */
    Answer post(byte[] body, int length) throws IOException;

    /**
     * Null if Apache HttpClient can run here, else why not (for the sink's refusal line). Here,
     * not in ClassicTransport: asking must not load HttpClient's classes.
     */
    static String unavailable() {
        try {
            // Apache HttpClient 5 logs through slf4j-api and cannot load without it. The
            // ringtail-slf4j jar brings it; a bare core on the class path may not.
            Class.forName("org.slf4j.LoggerFactory", false, Transport.class.getClassLoader());
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "slf4j-api is not on the class path, and Apache HttpClient needs it";
        }
    }

    /** Releases connections; {@code immediately} aborts requests in flight. */
    void close(boolean immediately);
}
