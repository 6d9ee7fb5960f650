package dev.ringtail.internal.otlp;

import java.util.Locale;

/** The two OTLP/HTTP encodings, by their {@code OTEL_EXPORTER_OTLP_PROTOCOL} names. */
public enum OtlpEncoding {
    PROTOBUF("http/protobuf", "application/x-protobuf"),
    JSON("http/json", "application/json");

    private final String key;
    private final String contentType;

    OtlpEncoding(String key, String contentType) {
        this.key = key;
        this.contentType = contentType;
    }

    /** The configuration value: {@code http/protobuf} or {@code http/json}. */
    public String key() {
        return key;
    }

    public String contentType() {
        return contentType;
    }

    /** The encoding a configuration value names, or null ({@code grpc} included: ringtail speaks OTLP over HTTP only). */
    public static OtlpEncoding parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (OtlpEncoding encoding : values()) {
            if (encoding.key.equals(v)) {
                return encoding;
            }
        }
        return null;
    }
}
