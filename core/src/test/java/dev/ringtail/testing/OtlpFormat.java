package dev.ringtail.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OTLP/HTTP logs for the {@link IngestServer}: every request body is decoded with the official
 * opentelemetry-proto classes, binary protobuf or OTLP/JSON by its Content-Type, and checked
 * against the OTLP/JSON rules the standard mapping does not enforce (lowerCamelCase keys, integer
 * enums, int64 as strings, hex ids: the ids are turned into base64 before protobuf-java-util's
 * parser reads the rest, strictly). Accepted requests are answered 200 with an empty
 * {@code ExportLogsServiceResponse} in the request's encoding; {@link #partialSuccess} answers
 * with a partial success. Each record becomes one event map ({@link #event}) so the server's
 * counts and bodies work as for BetterStack; {@link #decode} gives the request itself.
 */
public final class OtlpFormat implements IngestFormat {
    public static final String PROTOBUF = "application/x-protobuf";
    public static final String JSON = "application/json";
    public static final OtlpFormat INSTANCE = new OtlpFormat();
    private static final JsonFactory FACTORY = new JsonFactory();
    /** int64 fields of the logs messages, strings in ringtail's OTLP/JSON. */
    private static final Set<String> INT64 = Set.of("timeUnixNano", "observedTimeUnixNano", "intValue");

    static {
        // Loading protobuf-java-util's JSON machinery takes a while on a cold JVM; done here, on the
        // test's thread, it cannot hold up the first answer past a client's short deadline.
        reply(200, JSON, ExportLogsServiceResponse.getDefaultInstance());
        decode("{\"resourceLogs\":[]}".getBytes(StandardCharsets.UTF_8), JSON, new ArrayList<>());
    }

    private OtlpFormat() {
    }

    @Override
    public String contentTypeProblem(String contentType) {
        return PROTOBUF.equals(contentType) || JSON.equals(contentType) ? null : "Content-Type " + contentType;
    }

    @Override
    public List<Map<String, Object>> events(byte[] decoded, String contentType, List<String> problems) {
        ExportLogsServiceRequest request = decode(decoded, contentType, problems);
        List<Map<String, Object>> events = new ArrayList<>();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            unknownFields(resourceLogs, problems);
            Map<String, Object> resource = attributes(resourceLogs.getResource().getAttributesList(), problems);
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                unknownFields(scopeLogs, problems);
                for (LogRecord record : scopeLogs.getLogRecordsList()) {
                    unknownFields(record, problems);
                    events.add(event(resource, scopeLogs.getScope().getName(), record, problems));
                }
            }
        }
        return events;
    }

    @Override
    public int unreadableStatus() {
        return 400;
    }

    @Override
    public IngestServer.Reply accepted(String contentType) {
        return reply(200, contentType, ExportLogsServiceResponse.getDefaultInstance());
    }

    /** Answers 200 with a partial success: {@code rejected} records rejected, because {@code message}. */
    public static IngestServer.Behaviour partialSuccess(long rejected, String message) {
        ExportLogsServiceResponse response = ExportLogsServiceResponse.newBuilder()
                .setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(rejected).setErrorMessage(message))
                .build();
        return IngestServer.Behaviour.replying(type -> reply(200, type, response));
    }

    private static IngestServer.Reply reply(int status, String contentType, ExportLogsServiceResponse response) {
        if (JSON.equals(contentType)) {
            try {
                return new IngestServer.Reply(status, JSON, JsonFormat.printer().print(response).getBytes(StandardCharsets.UTF_8));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        return new IngestServer.Reply(status, PROTOBUF, response.toByteArray());
    }

    /** The request a recorded request carried, decoded by its Content-Type. */
    public static ExportLogsServiceRequest decode(IngestServer.Request request) {
        return decode(request.decoded(), request.header("content-type"), new ArrayList<>());
    }

    /** Every record of every accepted request, in order. */
    public static List<LogRecord> records(IngestServer server) {
        List<LogRecord> records = new ArrayList<>();
        for (IngestServer.Request request : server.requests()) {
            if (request.status() / 100 == 2) {
                decode(request).getResourceLogsList().forEach(r -> r.getScopeLogsList()
                        .forEach(s -> records.addAll(s.getLogRecordsList())));
            }
        }
        return records;
    }

    static ExportLogsServiceRequest decode(byte[] body, String contentType, List<String> problems) {
        try {
            if (JSON.equals(contentType)) {
                Json.parse(body); // strictly first: valid UTF-8, no key twice, no lone surrogate
                ExportLogsServiceRequest.Builder builder = ExportLogsServiceRequest.newBuilder();
                JsonFormat.parser().merge(standardJson(body, problems), builder); // unknown fields are an error
                return builder.build();
            }
            return ExportLogsServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ExportLogsServiceRequest: " + e.getMessage(), e);
        }
    }

    /**
     * OTLP/JSON as the standard protobuf JSON mapping reads it: hex trace and span ids turned into
     * base64. Breaches of the OTLP/JSON rules go to {@code problems}.
     */
    private static String standardJson(byte[] body, List<String> problems) {
        StringWriter out = new StringWriter();
        try (JsonParser p = FACTORY.createParser(body); JsonGenerator g = FACTORY.createGenerator(out)) {
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    if (field.indexOf('_') >= 0) {
                        problems.add("OTLP/JSON key not in lowerCamelCase: " + field);
                    }
                    g.writeFieldName(field);
                    continue;
                }
                String of = field;
                field = null;
                if (t == JsonToken.VALUE_STRING && ("traceId".equals(of) || "spanId".equals(of))) {
                    String hex = p.getText();
                    if (hex.length() != ("traceId".equals(of) ? 32 : 16)) {
                        problems.add(of + " of " + hex.length() + " hex digits");
                    }
                    g.writeString(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)));
                    continue;
                }
                if (of != null && INT64.contains(of) && t != JsonToken.VALUE_STRING) {
                    problems.add(of + " not written as a string: " + t);
                }
                if ("severityNumber".equals(of) && t != JsonToken.VALUE_NUMBER_INT) {
                    problems.add("severityNumber not an integer: " + t);
                }
                g.copyCurrentEvent(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * One record as a map: {@code resource} and {@code attributes} (maps of typed values:
     * String, Long, Double, Boolean, List, null for an empty value), {@code scope},
     * {@code time_unix_nano}, {@code observed_time_unix_nano}, {@code severity_number},
     * {@code severity_text}, {@code body}, {@code flags}, and {@code trace_id}, {@code span_id}
     * (hex) when set.
     */
    static Map<String, Object> event(Map<String, Object> resource, String scope, LogRecord record, List<String> problems) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("resource", resource);
        event.put("scope", scope);
        event.put("time_unix_nano", record.getTimeUnixNano());
        event.put("observed_time_unix_nano", record.getObservedTimeUnixNano());
        event.put("severity_number", record.getSeverityNumberValue());
        event.put("severity_text", record.getSeverityText());
        event.put("body", record.hasBody() ? value(record.getBody()) : null);
        event.put("attributes", attributes(record.getAttributesList(), problems));
        event.put("flags", record.getFlags());
        if (!record.getTraceId().isEmpty()) {
            event.put("trace_id", hex(record.getTraceId()));
        }
        if (!record.getSpanId().isEmpty()) {
            event.put("span_id", hex(record.getSpanId()));
        }
        return event;
    }

    /** Attributes as a map in order; a key written twice is a problem (OTLP: keys MUST be unique). */
    public static Map<String, Object> attributes(List<KeyValue> attributes, List<String> problems) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue attribute : attributes) {
            if (map.containsKey(attribute.getKey())) {
                problems.add("attribute key written twice: " + attribute.getKey());
            }
            map.put(attribute.getKey(), attribute.hasValue() ? value(attribute.getValue()) : null);
        }
        return map;
    }

    /** A value as Java sees it: String, Long, Double, Boolean, List, or null for an empty value. */
    public static Object value(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE: return value.getStringValue();
            case INT_VALUE: return value.getIntValue();
            case DOUBLE_VALUE: return value.getDoubleValue();
            case BOOL_VALUE: return value.getBoolValue();
            case ARRAY_VALUE: return value.getArrayValue().getValuesList().stream().map(OtlpFormat::value).toList();
            case VALUE_NOT_SET: return null;
            default: return value.toString();
        }
    }

    public static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static void unknownFields(Message message, List<String> problems) {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            problems.add(message.getDescriptorForType().getName() + " has unknown fields " + message.getUnknownFields().asMap().keySet());
        }
    }
}
