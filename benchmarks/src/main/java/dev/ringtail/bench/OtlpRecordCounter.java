package dev.ringtail.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the log records of an OTLP {@code ExportLogsServiceRequest}, binary or JSON, as cheaply
 * as the receiver's JSON array count: the protobuf is walked by its tags and lengths without
 * building a message, the JSON streamed. -1 if the body is not such a request.
 */
final class OtlpRecordCounter {
    private final JsonFactory json = new JsonFactory();

    long count(InputStream body, boolean isJson) {
        try {
            return isJson ? countJson(body) : countProtobuf(body.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long countJson(InputStream in) throws IOException {
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            long count = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && "logRecords".equals(parser.currentName())) {
                    parser.nextToken(); // the array
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        count++;
                        parser.skipChildren();
                    }
                }
            }
            return count;
        }
    }

    // ExportLogsServiceRequest.resource_logs (1) > ResourceLogs.scope_logs (2) > ScopeLogs.log_records (2)
    private static long countProtobuf(byte[] body) {
        Cursor in = new Cursor(body);
        long count = 0;
        while (in.at < body.length) {
            int resourceLogs = in.enter(1);
            while (resourceLogs >= 0 && in.at < resourceLogs) {
                int scopeLogs = in.enter(2);
                while (scopeLogs >= 0 && in.at < scopeLogs) {
                    int record = in.enter(2);
                    if (record >= 0) {
                        count++;
                        in.at = record;
                    }
                }
            }
        }
        return count;
    }

    /** A position in a protobuf body. */
    private static final class Cursor {
        final byte[] body;
        int at;

        Cursor(byte[] body) {
            this.body = body;
        }

        /** At length-delimited field {@code wanted}: moves into it and returns where it ends; any other field: skips it, -1. */
        int enter(int wanted) {
            long tag = varint();
            int type = (int) (tag & 7);
            if (type == 2) {
                int end = (int) varint() + at;
                if ((tag >>> 3) == wanted) {
                    return end;
                }
                at = end;
            } else if (type == 0) {
                varint();
            } else if (type == 1) {
                at += 8;
            } else if (type == 5) {
                at += 4;
            } else {
                throw new IllegalArgumentException("wire type " + type);
            }
            return -1;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = body[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
