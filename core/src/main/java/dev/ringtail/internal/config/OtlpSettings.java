package dev.ringtail.internal.config;

import dev.ringtail.internal.otlp.OtlpEncoding;
import dev.ringtail.internal.otlp.Resource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OTLP sink's settings: the {@code ringtail.otlp.*} keys and {@code ringtail.service.name},
 * each falling back to OpenTelemetry's standard environment variables, so a JVM in a fleet
 * already set up for OpenTelemetry needs nothing else. The sink is on when an endpoint is found.
 * Header values and the token are credentials: no line names them.
 */
public final class OtlpSettings {
    public static final String ENDPOINT = "ringtail.otlp.endpoint";
    public static final String PROTOCOL = "ringtail.otlp.protocol";
    public static final String HEADERS = "ringtail.otlp.headers";
    public static final String TOKEN = "ringtail.otlp.token";
    public static final String SERVICE_NAME = "ringtail.service.name";
    public static final String OTEL_LOGS_ENDPOINT = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";
    public static final String OTEL_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static final String OTEL_LOGS_PROTOCOL = "OTEL_EXPORTER_OTLP_LOGS_PROTOCOL";
    public static final String OTEL_PROTOCOL = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public static final String OTEL_LOGS_HEADERS = "OTEL_EXPORTER_OTLP_LOGS_HEADERS";
    public static final String OTEL_HEADERS = "OTEL_EXPORTER_OTLP_HEADERS";
    public static final String OTEL_SERVICE_NAME = "OTEL_SERVICE_NAME";
    public static final String OTEL_RESOURCE_ATTRIBUTES = "OTEL_RESOURCE_ATTRIBUTES";
    /** Spring Boot's name of the application: the service name when nothing more specific gives one. */
    public static final String SPRING_APPLICATION_NAME = "spring.application.name";
    /** Appended to {@code OTEL_EXPORTER_OTLP_ENDPOINT}, as OpenTelemetry's exporters do. */
    static final String LOGS_PATH = "v1/logs";
    public static final OtlpEncoding DEFAULT_ENCODING = OtlpEncoding.PROTOBUF;

    private final String endpoint;
    private final String endpointKey;
    private final OtlpEncoding encoding;
    private final Map<String, String> headers;
    private final String token;
    private final Resource resource;

    private OtlpSettings(ConfigReader read) {
        ConfigReader.Found found = firstOf(read.lookup(ENDPOINT), read.environmentVariable(OTEL_LOGS_ENDPOINT));
        String base = read.environmentVariable(OTEL_ENDPOINT).text();
        if (found == null && base != null) {
            found = new ConfigReader.Found(OTEL_ENDPOINT, base + (base.endsWith("/") ? "" : "/") + LOGS_PATH);
        }
        endpoint = found == null ? null : found.text();
        endpointKey = found == null ? ENDPOINT : found.name();
        encoding = encoding(read);
        ConfigReader.Found headerText = firstOf(read.lookup(HEADERS), read.environmentVariable(OTEL_LOGS_HEADERS),
                read.environmentVariable(OTEL_HEADERS));
        headers = headerText == null ? Map.of() : pairs(headerText, read, true);
        token = read.lookup(TOKEN).text();
        ConfigReader.Found attributesText = read.environmentVariable(OTEL_RESOURCE_ATTRIBUTES);
        Map<String, String> attributes = attributesText.text() == null ? Map.of() : pairs(attributesText, read, false);
        ConfigReader.Found name = firstOf(read.lookup(SERVICE_NAME), read.environmentVariable(OTEL_SERVICE_NAME),
                read.property(SPRING_APPLICATION_NAME));
        resource = new Resource(name != null ? name.text() : attributes.get(Resource.SERVICE_NAME), attributes);
    }

    static OtlpSettings read(ConfigReader read) {
        return new OtlpSettings(read);
    }

    private static ConfigReader.Found firstOf(ConfigReader.Found... candidates) {
        for (ConfigReader.Found candidate : candidates) {
            if (candidate.text() != null) {
                return candidate;
            }
        }
        return null;
    }

    private static OtlpEncoding encoding(ConfigReader read) {
        ConfigReader.Found found = firstOf(read.lookup(PROTOCOL), read.environmentVariable(OTEL_LOGS_PROTOCOL),
                read.environmentVariable(OTEL_PROTOCOL));
        if (found == null) {
            return DEFAULT_ENCODING;
        }
        OtlpEncoding encoding = OtlpEncoding.parse(found.text());
        if (encoding == null) {
            read.bad(found, "expected http/protobuf or http/json; ringtail sends OTLP over HTTP only", DEFAULT_ENCODING.key());
            return DEFAULT_ENCODING;
        }
        return encoding;
    }

    /**
     * {@code k=v,k2=v2} as OpenTelemetry writes headers and resource attributes: keys trimmed,
     * values trimmed and percent-decoded. A malformed entry is left out with one line that names
     * the setting, never a value ({@code secret}: header values are credentials).
     */
    private static Map<String, String> pairs(ConfigReader.Found found, ConfigReader read, boolean secret) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : found.value().split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String key = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (key.isEmpty()) {
                read.ignoring("an entry of " + found.name() + " that is not key=value"
                        + (secret ? "" : ": " + entry.trim()));
                continue;
            }
            String value = entry.substring(equals + 1).trim();
            try {
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                read.ignoring("the percent-encoding of " + key + " in " + found.name() + " (a bad % escape); taken as written");
            }
            pairs.put(key, value);
        }
        return Collections.unmodifiableMap(pairs);
    }

    /** True if an endpoint was configured: the OTLP sink is built. */
    public boolean enabled() {
        return endpoint != null;
    }

    /** The endpoint as configured (unchecked: the sink checks it), or empty. */
    public Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** The setting the endpoint came from ({@code ringtail.otlp.endpoint}, {@code OTEL_EXPORTER_OTLP_ENDPOINT}, ...). */
    public String endpointKey() {
        return endpointKey;
    }

    public OtlpEncoding encoding() {
        return encoding;
    }

    /** Header names to values; the values are credentials: never print them. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The OTLP token, if any. Never print it. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    public Resource resource() {
        return resource;
    }

    @Override
    public String toString() {
        // names only: header values and the token are credentials
        return "OtlpSettings{endpointKey=" + endpointKey + ", protocol=" + encoding.key() + ", headers=" + headers.keySet()
                + ", token=" + (token == null ? "none" : "****") + ", service.name=" + resource.serviceName() + '}';
    }
}
