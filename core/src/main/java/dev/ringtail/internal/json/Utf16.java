package dev.ringtail.internal.json;

/**
 * Lone surrogates are not Unicode: jackson would write them as {@code \uD800} escapes, which
 * many JSON readers reject. They are replaced by U+FFFD before anything reaches the generator.
 */
public final class Utf16 {
    static final char REPLACEMENT = '\uFFFD';

    private Utf16() {
    }

    /** True if {@code text} holds a surrogate that is not part of a well-formed pair. */
    static boolean hasLoneSurrogate(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** Replaces lone surrogates in {@code chars[0, length)} in place. */
    static void replaceLoneSurrogates(char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                    i++;
                } else {
                    chars[i] = REPLACEMENT;
                }
            }
        }
    }

    /** {@code text} with lone surrogates replaced; the same instance if there are none. */
    public static String clean(String text) {
        if (!hasLoneSurrogate(text)) {
            return text;
        }
        char[] chars = text.toCharArray();
        replaceLoneSurrogates(chars, chars.length);
        return new String(chars);
    }
}
