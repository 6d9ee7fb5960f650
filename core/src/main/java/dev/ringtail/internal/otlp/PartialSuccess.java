package dev.ringtail.internal.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code partial_success} of an {@code ExportLogsServiceResponse}: how many log records the
 * endpoint rejected although it answered 2xx, and why. Read from the response body in the
 * encoding of the request (the server answers in it), by hand for protobuf, with jackson-core for
 * JSON (camelCase keys, and the proto names too; int64 as a string or a number; unknown fields
 * skipped).
 *
 * @param rejected     records rejected (0 when the field is absent)
 * @param errorMessage the endpoint's explanation, cut to {@value #MAX_MESSAGE_CHARS} chars; empty if none
 */
record PartialSuccess(long rejected, String errorMessage) {
    static final PartialSuccess NONE = new PartialSuccess(0, "");
    static final int MAX_MESSAGE_CHARS = 200;

    /** Parses a response body; throws {@link IllegalArgumentException} if it is not a response of this encoding. */
    static PartialSuccess parse(byte[] body, OtlpEncoding encoding) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        try {
            return encoding == OtlpEncoding.JSON ? json(body) : protobuf(body);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an ExportLogsServiceResponse: " + e.getMessage(), e);
        }
    }

    private static PartialSuccess protobuf(byte[] body) {
        Reader response = new Reader(body, 0, body.length);
        PartialSuccess found = NONE;
        while (response.more()) {
            int tag = (int) response.varint();
            if (tag == (1 << 3 | 2)) { // partial_success
                int length = (int) response.varint();
                found = partial(new Reader(body, response.at, response.at + length));
                response.skipBytes(length);
            } else {
                response.skip(tag);
            }
        }
        return found;
    }

    private static PartialSuccess partial(Reader in) {
        long rejected = 0;
        String message = "";
        while (in.more()) {
            int tag = (int) in.varint();
            if (tag == (1 << 3)) { // rejected_log_records, int64
                rejected = in.varint();
            } else if (tag == (2 << 3 | 2)) { // error_message
                int length = (int) in.varint();
                message = cut(new String(in.bytes, in.at, in.checked(length), StandardCharsets.UTF_8));
                in.skipBytes(length);
            } else {
                in.skip(tag);
            }
        }
        return new PartialSuccess(Math.max(0, rejected), message);
    }

    private static PartialSuccess json(byte[] body) throws IOException {
        try (JsonParser parser = JsonRecordEncoder.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            PartialSuccess found = NONE;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ((field.equals("partialSuccess") || field.equals("partial_success")) && value == JsonToken.START_OBJECT) {
                    found = jsonPartial(parser);
                } else {
                    parser.skipChildren();
                }
            }
            return found;
        }
    }

    private static PartialSuccess jsonPartial(JsonParser parser) throws IOException {
        long rejected = 0;
        String message = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("rejectedLogRecords") || field.equals("rejected_log_records")) {
                rejected = value == JsonToken.VALUE_STRING ? Long.parseLong(parser.getText().trim()) : parser.getLongValue();
            } else if ((field.equals("errorMessage") || field.equals("error_message")) && value == JsonToken.VALUE_STRING) {
                message = cut(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return new PartialSuccess(Math.max(0, rejected), message);
    }

    private static String cut(String message) {
        String oneLine = message.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    /** Protocol Buffers wire format, read from {@code bytes[at, end)}: just what a response needs. */
    private static final class Reader {
        final byte[] bytes;
        int at;
        final int end;

        Reader(byte[] bytes, int at, int end) {
            if (end > bytes.length || at > end) {
                throw new IllegalArgumentException("a length past the end");
            }
            this.bytes = bytes;
            this.at = at;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("a varint past the end");
                }
                byte b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a varint of more than 10 bytes");
        }

        int checked(int length) {
            if (length < 0 || at + length > end) {
                throw new IllegalArgumentException("a length past the end");
            }
            return length;
        }

        void skipBytes(int length) {
            at += checked(length);
        }

        /** Skips the value of a field with this tag. */
        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> skipBytes(8);
                case 2 -> skipBytes((int) varint());
                case 5 -> skipBytes(4);
                default -> throw new IllegalArgumentException("wire type " + (tag & 7));
            }
        }
    }
}
