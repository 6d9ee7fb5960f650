package dev.ringtail.internal.otlp;

import java.util.Map;

/**
 * The trace context of one event, from the MDC entries OpenTelemetry's instrumentation writes
 * ({@code trace_id}, {@code span_id}: lower or upper case hex; {@code trace_flags}: two hex
 * digits). Taken only when both ids are valid (the right length, hex, not all zeros), as
 * OpenTelemetry's own span context is; otherwise the entries stay ordinary attributes, so nothing
 * is lost. Reused for every event: one per encoder.
 */
final class TraceContext {
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";
    static final String TRACE_FLAGS = "trace_flags";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final byte[] traceId = new byte[16];
    final byte[] spanId = new byte[8];
    private boolean valid;
    private boolean flagsTaken;
    private int flags;

    /** Reads the context from {@code mdc}; true if the event has one. */
    boolean read(Map<String, String> mdc) {
        valid = false;
        flagsTaken = false;
        flags = 0;
        if (mdc.isEmpty()) {
            return false;
        }
        String trace = mdc.get(TRACE_ID);
        String span = trace == null ? null : mdc.get(SPAN_ID);
        if (span == null || !hex(trace, traceId) || !hex(span, spanId)) {
            return false;
        }
        valid = true;
        String traceFlags = mdc.get(TRACE_FLAGS);
        if (traceFlags != null && traceFlags.length() == 2) {
            int high = digit(traceFlags.charAt(0));
            int low = digit(traceFlags.charAt(1));
            if (high >= 0 && low >= 0) {
                flags = high << 4 | low;
                flagsTaken = true;
            }
        }
        return true;
    }

    boolean valid() {
        return valid;
    }

    /** The trace flags (the W3C byte); 0 if none were given. */
    int flags() {
        return flags;
    }

    /** True if this MDC key went into the trace context, and so is not an attribute. */
    boolean took(String key) {
        if (!valid) {
            return false;
        }
        return key.equals(TRACE_ID) || key.equals(SPAN_ID) || (flagsTaken && key.equals(TRACE_FLAGS));
    }

    /** {@code bytes} as lower-case hex into {@code out} (twice as many chars); OTLP/JSON writes ids so. */
    static void hex(byte[] bytes, char[] out) {
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
    }

    /** Parses {@code text} as exactly {@code into.length} bytes of hex, not all zero; false (and nothing meant) if it is not. */
    private static boolean hex(String text, byte[] into) {
        if (text.length() != 2 * into.length) {
            return false;
        }
        int any = 0;
        for (int i = 0; i < into.length; i++) {
            int high = digit(text.charAt(2 * i));
            int low = digit(text.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return false;
            }
            into[i] = (byte) (high << 4 | low);
            any |= into[i];
        }
        return any != 0;
    }

    /** An ASCII hex digit's value, or -1 ({@code Character.digit} would take other scripts' digits too). */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
