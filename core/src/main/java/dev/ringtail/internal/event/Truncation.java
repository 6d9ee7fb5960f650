package dev.ringtail.internal.event;

/**
 * The one way ringtail cuts a string: at most {@code max} chars kept, never the high half of a
 * surrogate pair without its low half, then {@code …[truncated N chars]}, N the chars left out.
 *
 * <p>Which strings are cut where ({@code ringtail.field.maxChars}): what the producer makes for
 * the slot, key-value texts and keys and marker names, is cut when captured, so the ring never
 * holds more than the bound per string (a 1 MB {@code toString()} is not kept until every sink
 * has seen it). What the slot only holds by reference, and shares with the application, is cut
 * where it is written, by each sink: the MDC (an immutable snapshot shared by every event logged
 * under it; cutting it at capture would copy the map per event), the logger and thread names
 * (long-lived strings the application holds anyway) and the exception (its message is read by
 * the consumer). Cutting at capture allocates only for a string over the bound.
 */
public final class Truncation {
    /** Default bound of every string but the message and the stack text ({@code ringtail.field.maxChars}). */
    public static final int DEFAULT_MAX_FIELD_CHARS = 8192;
    static final String PREFIX = "\u2026[truncated ";
    static final String SUFFIX = " chars]";

    private Truncation() {
    }

    /** How many chars of {@code text} a cut at {@code max} keeps: all of them if it fits. */
    public static int kept(CharSequence text, int max) {
        int n = text.length();
        if (n <= max) {
            return n;
        }
        int cut = Math.max(max, 0);
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return cut;
    }

    /** {@code text} cut at {@code max} with the marker; the same instance if it fits (or is null). */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int kept = kept(text, max);
        StringBuilder out = new StringBuilder(kept + markerLength(text.length() - kept));
        return out.append(text, 0, kept).append(PREFIX).append(text.length() - kept).append(SUFFIX).toString();
    }

    /** Appends {@code text} cut at {@code max}, with the marker if anything was cut. */
    public static void append(StringBuilder out, CharSequence text, int max) {
        int kept = kept(text, max);
        out.append(text, 0, kept);
        if (kept < text.length()) {
            appendMarker(out, text.length() - kept);
        }
    }

    public static void appendMarker(StringBuilder out, long dropped) {
        out.append(PREFIX).append(dropped).append(SUFFIX);
    }

    /** Length of the marker for {@code dropped} chars. */
    public static int markerLength(long dropped) {
        return PREFIX.length() + Decimal.length(dropped) + SUFFIX.length();
    }

    /** Writes the marker into {@code into} at {@code offset}, without allocating; returns the end offset. */
    public static int writeMarker(char[] into, int offset, long dropped) {
        PREFIX.getChars(0, PREFIX.length(), into, offset);
        int end = Decimal.write(into, offset + PREFIX.length(), dropped);
        SUFFIX.getChars(0, SUFFIX.length(), into, end);
        return end + SUFFIX.length();
    }
}
