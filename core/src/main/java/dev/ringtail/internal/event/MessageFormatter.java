package dev.ringtail.internal.event;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * SLF4J's message formatting, written into a {@link BoundedText}: {@code {}} placeholders,
 * {@code \{}} escape, {@code \\{}} an escaped backslash before a placeholder, arrays rendered like
 * {@code Arrays.toString} (object arrays deeply, a cycle as {@code [...]}), and a {@code toString()}
 * that throws rendered as {@code [FAILED toString()]}. Which argument is the exception is the
 * caller's decision; every argument given here is formatted.
 *
 * <p>Arguments come either as {@code (a1, a2)} or as an array, so fixed-arity calls allocate no array.
 */
public final class MessageFormatter {
    /** SLF4J's own wording for a {@code toString()} that threw. */
    public static final String FAILED_TO_STRING = "[FAILED toString()]";

    private MessageFormatter() {
    }

    /** Formats {@code count} arguments, taken from {@code args} if it is not null, else from {@code a1, a2}. */
    public static void format(BoundedText out, String pattern, Object a1, Object a2, Object[] args, int count) {
        out.start();
        if (pattern == null) {
            out.append("null");
            out.end();
            return;
        }
        int from = 0;
        for (int arg = 0; arg < count; arg++) {
            int at = pattern.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            if (at > 0 && pattern.charAt(at - 1) == '\\') {
                if (at > 1 && pattern.charAt(at - 2) == '\\') {
                    // "\\{}": a literal backslash, then a real placeholder
                    out.append(pattern, from, at - 1);
                    appendArgument(out, args == null ? (arg == 0 ? a1 : a2) : args[arg]);
                    from = at + 2;
                } else {
                    // "\{}": a literal "{}", and this argument waits for the next placeholder
                    out.append(pattern, from, at - 1);
                    out.append("{");
                    from = at + 1;
                    arg--;
                }
            } else {
                out.append(pattern, from, at);
                appendArgument(out, args == null ? (arg == 0 ? a1 : a2) : args[arg]);
                from = at + 2;
            }
        }
        out.append(pattern, from, pattern.length());
        out.end();
    }

    /** Sets the text to a plain message (no placeholders), bounded. */
    public static void plain(BoundedText out, CharSequence text) {
        out.start();
        out.append(text == null ? "null" : text);
        out.end();
    }

    /** {@code String.valueOf(value.toString())}, or {@link #FAILED_TO_STRING} if that throws. */
    public static String safeToString(Object value) {
        try {
            return String.valueOf(value.toString());
        } catch (Throwable t) {
            return FAILED_TO_STRING;
        }
    }

    private static void appendArgument(BoundedText out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            out.append((String) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue()); // the most common arguments, without a String
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "true" : "false");
        } else if (value.getClass().isArray()) {
            appendArray(out, value, null);
        } else {
            out.append(safeToString(value));
        }
    }

    // Like SLF4J's deeplyAppendParameter. The seen-set is only allocated for object arrays.
    private static void appendArray(BoundedText out, Object array, Set<Object> seen) {
        if (array instanceof Object[]) {
            Object[] values = (Object[]) array;
            if (seen == null) {
                seen = Collections.newSetFromMap(new IdentityHashMap<>());
            }
            if (!seen.add(array)) {
                out.append("[...]");
                return;
            }
            out.append("[");
            for (int i = 0; i < values.length && !out.isTruncated(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                Object v = values[i];
                if (v != null && v.getClass().isArray()) {
                    appendArray(out, v, seen);
                } else {
                    out.append(v == null ? "null" : v instanceof String ? (String) v : safeToString(v));
                }
            }
            out.append("]");
            seen.remove(array);
        } else {
            out.append(primitiveArray(array));
        }
    }

    private static String primitiveArray(Object array) {
        if (array instanceof int[]) {
            return Arrays.toString((int[]) array);
        } else if (array instanceof long[]) {
            return Arrays.toString((long[]) array);
        } else if (array instanceof byte[]) {
            return Arrays.toString((byte[]) array);
        } else if (array instanceof short[]) {
            return Arrays.toString((short[]) array);
        } else if (array instanceof char[]) {
            return Arrays.toString((char[]) array);
        } else if (array instanceof boolean[]) {
            return Arrays.toString((boolean[]) array);
        } else if (array instanceof float[]) {
            return Arrays.toString((float[]) array);
        }
        return Arrays.toString((double[]) array);
    }
}
