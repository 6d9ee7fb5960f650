package dev.ringtail.internal.json;

import dev.ringtail.internal.event.EventView;
import dev.ringtail.internal.text.LineFormat;
import java.io.IOException;

/**
 * {@code ringtail.console.format=json}: each event as one line holding its wire-format JSON
 * object, exactly what BetterStack receives ({@link EventSerializer}), for node agents that tail
 * stdout (Vector, Fluent Bit, the OpenTelemetry Collector's filelog receiver). JSON escapes every
 * control character, so an event is always one line. The serializer's UTF-8 is decoded into the
 * console's chunk here, without a {@code String} per event. Not thread-safe: one per console sink.
 */
public final class JsonLineFormat implements LineFormat {
    private final EventSerializer serializer;

    public JsonLineFormat(int maxStackChars, int maxFieldChars) {
        this.serializer = new EventSerializer(maxStackChars, maxFieldChars);
    }

    @Override
    public void append(EventView event, StringBuilder out) throws IOException {
        OutputBuffer json = serializer.serialize(event); // throws before anything is appended
        appendUtf8(json.array(), json.size(), out);
        out.append('\n');
    }

    /** Decodes well-formed UTF-8 (the generator's own output) into {@code out}. */
    static void appendUtf8(byte[] bytes, int length, StringBuilder out) {
        for (int i = 0; i < length; ) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                i++;
            } else if (b < 0xE0) {
                out.append((char) ((b & 0x1F) << 6 | (bytes[i + 1] & 0x3F)));
                i += 2;
            } else if (b < 0xF0) {
                out.append((char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | (bytes[i + 2] & 0x3F)));
                i += 3;
            } else {
                int cp = (b & 0x07) << 18 | (bytes[i + 1] & 0x3F) << 12 | (bytes[i + 2] & 0x3F) << 6 | (bytes[i + 3] & 0x3F);
                out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
                i += 4;
            }
        }
    }
}
