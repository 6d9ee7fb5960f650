package dev.ringtail.internal.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringtail.internal.json.JsonText;
import dev.ringtail.internal.json.OutputBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OTLP resource every request carries: {@code service.name} and the other attributes of the
 * process (OTEL_RESOURCE_ATTRIBUTES), all strings, in order. Encoded once, in both encodings, when
 * the sink is built: every request repeats the same bytes.
 */
public final class Resource {
    public static final String SERVICE_NAME = "service.name";
    /** OpenTelemetry's {@code service.name} when nothing names the service. */
    public static final String UNKNOWN_SERVICE = "unknown_service:java";

    private final Map<String, String> attributes;
    private final byte[] protobuf;
    private final byte[] json;

    /**
     * @param serviceName the service's name ({@link #UNKNOWN_SERVICE} if null)
     * @param others      further attributes; a {@code service.name} among them is left out: {@code serviceName} decides
     */
    public Resource(String serviceName, Map<String, String> others) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(SERVICE_NAME, serviceName == null ? UNKNOWN_SERVICE : serviceName);
        others.forEach((key, value) -> {
            if (!SERVICE_NAME.equals(key)) {
                all.put(key, value);
            }
        });
        this.attributes = Collections.unmodifiableMap(all);
        this.protobuf = encodeProtobuf(attributes);
        this.json = encodeJson(attributes);
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public String serviceName() {
        return attributes.get(SERVICE_NAME);
    }

    /** The {@code Resource} message, without tag or length. */
    byte[] protobuf() {
        return protobuf;
    }

    /** The {@code Resource} JSON object. */
    byte[] json() {
        return json;
    }

    private static byte[] encodeProtobuf(Map<String, String> attributes) {
        OutputBuffer out = new OutputBuffer(256);
        ProtoWriter w = new ProtoWriter(out);
        attributes.forEach((key, value) -> {
            int keySize = w.textSize(key, Integer.MAX_VALUE);
            int valueSize = w.textSize(value, Integer.MAX_VALUE);
            int any = ProtoWriter.fieldSize(valueSize);
            w.lengthDelimited(1, ProtoWriter.fieldSize(keySize) + ProtoWriter.fieldSize(any)); // Resource.attributes
            w.text(1, key, Integer.MAX_VALUE); // KeyValue.key
            w.lengthDelimited(2, any); // KeyValue.value
            w.text(1, value, Integer.MAX_VALUE); // AnyValue.string_value
        });
        return out.toByteArray();
    }

    private static byte[] encodeJson(Map<String, String> attributes) {
        OutputBuffer out = new OutputBuffer(256);
        JsonText text = new JsonText();
        try (JsonGenerator g = JsonRecordEncoder.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("attributes");
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                g.writeStartObject();
                g.writeFieldName("key");
                text.write(g, attribute.getKey(), Integer.MAX_VALUE);
                g.writeObjectFieldStart("value");
                g.writeFieldName("stringValue");
                text.write(g, attribute.getValue(), Integer.MAX_VALUE);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for an in-memory target
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "Resource" + attributes;
    }
}
