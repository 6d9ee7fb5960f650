package dev.ringtail.testing;

import java.util.List;
import java.util.Map;

/**
 * What an {@link IngestServer} speaks: how it reads a request body into events, and what it
 * answers a request it accepts. BetterStack's JSON arrays unless the server is started with
 * another format ({@link OtlpFormat}).
 */
public interface IngestFormat {

    /** A problem with the request's Content-Type (noted by the server), or null. */
    String contentTypeProblem(String contentType);

    /**
     * The body's events, read strictly; throws (an unchecked exception) for a body this format
     * cannot read, which the server answers with {@link #unreadableStatus()}. Every problem the
     * format finds short of that goes to {@code problems}.
     */
    List<Map<String, Object>> events(byte[] decoded, String contentType, List<String> problems);

    /** The status of the answer to a body that could not be read. */
    int unreadableStatus();

    /** The answer to an accepted request, in the request's encoding. */
    IngestServer.Reply accepted(String contentType);

    /** BetterStack's ingest: strict JSON arrays of objects, 202, 406 for a body it cannot parse. */
    IngestFormat BETTERSTACK = new IngestFormat() {
        @Override
        public String contentTypeProblem(String contentType) {
            return String.valueOf(contentType).split(";")[0].trim().equals("application/json") ? null
                    : "Content-Type " + contentType;
        }

        @Override
        public List<Map<String, Object>> events(byte[] decoded, String contentType, List<String> problems) {
            return IngestServer.strictArrayOfObjects(decoded);
        }

        @Override
        public int unreadableStatus() {
            return 406;
        }

        @Override
        public IngestServer.Reply accepted(String contentType) {
            return new IngestServer.Reply(202, "text/plain; charset=utf-8", new byte[0]);
        }
    };
}
