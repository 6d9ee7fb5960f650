package dev.ringtail.internal.text;

import dev.ringtail.internal.event.Truncation;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Renders a throwable as {@code Throwable.printStackTrace()} prints it: stack, causes,
 * suppressed exceptions with their {@code ... N more} frame elision, and
 * {@code [CIRCULAR REFERENCE: ...]} for a throwable already printed, which is what terminates
 * cyclic causes.
 *
 * <p>Unlike the JDK, which recurses once per cause, this walks the throwable graph with an
 * explicit stack, so a cause chain of any depth renders instead of overflowing the consumer
 * thread's stack. Once the text is full the walk only measures what it leaves out, and stops
 * measuring {@link #MEASURED_PAST_LIMIT} chars past the limit so that a huge graph cannot stall
 * the consumer; the marker then says {@code more than N chars}. A throwable whose own methods
 * throw still yields text.
 */
public final class StackTraces {
    /** How many dropped chars are counted exactly before the walk gives up on the rest. */
    static final long MEASURED_PAST_LIMIT = 256 * 1024;
    private static final String CAUSE_CAPTION = "Caused by: ";
    private static final String SUPPRESSED_CAPTION = "Suppressed: ";

    private StackTraces() {
    }

    /** Appends the stack text of {@code t}, at most {@code maxChars} of it, without a final line break. */
    public static void append(Throwable t, StringBuilder out, int maxChars) {
        append(t, out, maxChars, Integer.MAX_VALUE);
    }

    /**
     * As {@link #append(Throwable, StringBuilder, int)}, each throwable's own line
     * ({@code class: message}) cut at {@code maxLineChars}: a huge exception message then leaves
     * room for the frames and causes.
     */
    public static void append(Throwable t, StringBuilder out, int maxChars, int maxLineChars) {
        int start = out.length();
        Lines text = new Lines(out, maxChars, maxLineChars);
        boolean complete;
        try {
            complete = render(t, text);
        } catch (Throwable failure) {
            out.setLength(start);
            out.append(className(t)).append(": [FAILED printStackTrace(): ")
                    .append(className(failure)).append(']');
            return;
        }
        if (text.dropped == 0) {
            while (out.length() > start && Character.isWhitespace(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1); // as printStackTrace's last println, stripped
            }
            return;
        }
        out.append("\n\t\u2026[truncated ").append(complete ? "" : "more than ").append(text.dropped).append(" chars]");
    }

    /** The throwable's message, or a marker if {@code getMessage()} throws. May be null. */
    public static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable failure) {
            return "[FAILED getMessage()]";
        }
    }

    /** One throwable still to print: what printEnclosedStackTrace gets as arguments in the JDK. */
    private static final class Pending {
        final Throwable throwable;
        final StackTraceElement[] enclosingTrace;
        final String caption;
        final int indent;

        Pending(Throwable throwable, StackTraceElement[] enclosingTrace, String caption, int indent) {
            this.throwable = throwable;
            this.enclosingTrace = enclosingTrace;
            this.caption = caption;
            this.indent = indent;
        }
    }

    /** Renders in the JDK's order; false if it stopped measuring before the end. */
    private static boolean render(Throwable top, Lines text) {
        Set<Throwable> printed = Collections.newSetFromMap(new IdentityHashMap<>());
        printed.add(top);
        text.line(0).append(text.header(top));
        StackTraceElement[] trace = top.getStackTrace();
        for (StackTraceElement frame : trace) {
            text.line(0).append("\tat ").append(String.valueOf(frame));
        }
        ArrayDeque<Pending> work = new ArrayDeque<>();
        pushEnclosed(work, top, trace, 0);
        while (!work.isEmpty()) {
            if (text.gaveUp()) {
                return false;
            }
            Pending next = work.pop();
            Throwable t = next.throwable;
            if (!printed.add(t)) {
                text.line(next.indent).append(next.caption).append("[CIRCULAR REFERENCE: ")
                        .append(text.header(t)).append("]");
                continue;
            }
            trace = t.getStackTrace();
            StackTraceElement[] enclosing = next.enclosingTrace;
            int m = trace.length - 1;
            int n = enclosing.length - 1;
            while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
                m--;
                n--;
            }
            int framesInCommon = trace.length - 1 - m;
            text.line(next.indent).append(next.caption).append(text.header(t));
            for (int i = 0; i <= m; i++) {
                text.line(next.indent).append("\tat ").append(String.valueOf(trace[i]));
            }
            if (framesInCommon != 0) {
                text.line(next.indent).append("\t... ").append(framesInCommon).append(" more");
            }
            pushEnclosed(work, t, trace, next.indent);
        }
        return !text.gaveUp();
    }

    /** Queues suppressed (in order, one tab deeper) before the cause, as the JDK prints them. */
    private static void pushEnclosed(ArrayDeque<Pending> work, Throwable t, StackTraceElement[] trace, int indent) {
        Throwable cause = t.getCause();
        if (cause != null) {
            work.push(new Pending(cause, trace, CAUSE_CAPTION, indent));
        }
        Throwable[] suppressed = t.getSuppressed();
        for (int i = suppressed.length - 1; i >= 0; i--) {
            work.push(new Pending(suppressed[i], trace, SUPPRESSED_CAPTION, indent + 1));
        }
    }

    private static String className(Throwable t) {
        return t.getClass().getName();
    }

    /**
     * Lines into a StringBuilder, keeping at most {@code max} chars: once one piece does not fit,
     * nothing more is kept (the text stays a prefix of the full one, never split inside a
     * surrogate pair) and the rest is only counted.
     */
    private static final class Lines {
        private final StringBuilder out;
        private final int start;
        private final int limit;
        private final int maxHeaderChars;
        private boolean full;
        long dropped;

        Lines(StringBuilder out, int max, int maxHeaderChars) {
            this.out = out;
            this.start = out.length();
            this.limit = (int) Math.min(Integer.MAX_VALUE, (long) out.length() + max);
            this.maxHeaderChars = maxHeaderChars;
        }

        /** A throwable's own line, as printStackTrace prints it: its toString(), cut at the bound. */
        String header(Throwable t) {
            return Truncation.cut(String.valueOf(t), maxHeaderChars);
        }

        /** Starts a line (a line break unless it is the first) indented by {@code tabs}. */
        Lines line(int tabs) {
            if (out.length() > start || full) {
                append("\n");
            }
            for (int i = 0; i < tabs; i++) {
                append("\t");
            }
            return this;
        }

        Lines append(long number) {
            return append(Long.toString(number));
        }

        Lines append(String piece) {
            if (full) {
                dropped += piece.length();
                return this;
            }
            int room = limit - out.length();
            if (piece.length() <= room) {
                out.append(piece);
                return this;
            }
            int kept = Math.max(room, 0);
            if (kept > 0 && Character.isHighSurrogate(piece.charAt(kept - 1))) {
                kept--;
            }
            out.append(piece, 0, kept);
            dropped += piece.length() - kept;
            full = true;
            return this;
        }

        boolean gaveUp() {
            return dropped > MEASURED_PAST_LIMIT;
        }
    }
}
