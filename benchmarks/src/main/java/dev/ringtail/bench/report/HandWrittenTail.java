package dev.ringtail.bench.report;

/**
 * The hand-written part of the benchmarks document: everything after {@link #MARKER}, which the
 * generated part ends with. Regenerating the document keeps it unchanged.
 */
final class HandWrittenTail {
    static final String MARKER = "<!-- hand-written below: kept when the document is regenerated -->";

    private HandWrittenTail() {
    }

    /** True if {@code document} has the marker, so a regeneration keeps what follows it. */
    static boolean has(String document) {
        return document.contains(MARKER);
    }

    /**
     * The new generated document (which ends with the marker's line) followed by what came after
     * the marker's line in {@code previous}; just {@code generated} if {@code previous} has none.
     */
    static String keep(String generated, String previous) {
        int at = previous.indexOf(MARKER);
        if (at < 0) {
            return generated;
        }
        String tail = previous.substring(at + MARKER.length());
        if (tail.startsWith("\r\n")) {
            tail = tail.substring(2);
        } else if (tail.startsWith("\n")) {
            tail = tail.substring(1);
        }
        return generated + tail;
    }
}
