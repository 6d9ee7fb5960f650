package dev.ringtail.internal.text;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Renders a throwable as the JDK prints it: stack, causes, suppressed exceptions, and
 * {@code [CIRCULAR REFERENCE: ...]} where a cause chain loops back, which is what terminates
 * cyclic causes. A throwable whose own methods throw, or whose chain is deep enough to overflow
 * the stack, still yields text.
 */
public final class StackTraces {
    private static final String TRUNCATED = "\n\t\u2026[truncated ";

    private StackTraces() {
    }

    /** Appends the stack text of {@code t}, at most {@code maxChars} of it, without a final line break. */
    public static void append(Throwable t, StringBuilder out, int maxChars) {
        int start = out.length();
        BoundedWriter writer = new BoundedWriter(out, maxChars);
        try {
            t.printStackTrace(new PrintWriter(writer, false));
        } catch (Throwable failure) {
            out.setLength(start);
            out.append(className(t)).append(": [FAILED printStackTrace(): ")
                    .append(className(failure)).append(']');
            return;
        }
        while (out.length() > start && Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1);
        }
        if (writer.dropped > 0) {
            out.append(TRUNCATED).append(writer.dropped).append(" chars]");
        }
    }

    /** The throwable's message, or a marker if {@code getMessage()} throws. May be null. */
    public static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable failure) {
            return "[FAILED getMessage()]";
        }
    }

    private static String className(Throwable t) {
        return t.getClass().getName();
    }

    /** Appends into a StringBuilder, keeping at most {@code max} chars and counting the rest. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder out;
        private final int limit;
        long dropped;

        BoundedWriter(StringBuilder out, int max) {
            this.out = out;
            this.limit = out.length() + max;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            int room = limit - out.length();
            int kept = Math.max(0, Math.min(room, length));
            out.append(buffer, offset, kept);
            dropped += length - kept;
        }

        @Override
        public void write(String text, int offset, int length) {
            int room = limit - out.length();
            int kept = Math.max(0, Math.min(room, length));
            out.append(text, offset, offset + kept);
            dropped += length - kept;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
