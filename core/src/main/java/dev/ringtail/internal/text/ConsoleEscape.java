package dev.ringtail.internal.text;

/**
 * Escapes control characters for the console: a logger name or message holding a line break, a
 * carriage return or a terminal escape sequence ({@code ESC [ 2 J}) could otherwise forge log
 * lines or drive the terminal. C0 controls, DEL and C1 controls become {@code \n}, {@code \r},
 * {@code \t} or a backslash, {@code u00} and two hex digits (ESC prints as backslash-u001b);
 * everything else, backslashes included, is printed as it is:
 * this keeps text on its line and the terminal inert, it is not meant to be reversible.
 */
final class ConsoleEscape {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ConsoleEscape() {
    }

    /** Appends {@code text}, every control character escaped. */
    static void append(StringBuilder out, CharSequence text) {
        append(out, text, 0, text.length(), false);
    }

    /**
     * Appends {@code text[from, to)}; with {@code keepLines}, line feeds and tabs stay as they
     * are (the stack text's own line structure) and only the other controls are escaped.
     */
    static void append(StringBuilder out, CharSequence text, int from, int to, boolean keepLines) {
        int plain = from; // start of the run not yet copied: copied in runs, not char by char
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isControl(c) || keepLines && (c == '\n' || c == '\t')) {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append("\\u00").append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    break;
            }
        }
        out.append(text, plain, to);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }
}
