package dev.ringtail.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ringtail.internal.event.BoundedText;
import dev.ringtail.internal.event.Truncation;
import java.io.IOException;

/**
 * Writes text as JSON strings through one reused char array: no String per value, lone
 * surrogates replaced by U+FFFD, and the text cut at a bound with the truncation marker. Only
 * the kept part is copied, so a 3 MB exception message costs the bound, not 3 MB. Not
 * thread-safe: one per serializer.
 */
public final class JsonText {
    /** Scratch arrays bigger than this are released after the event that needed them. */
    public static final int MAX_RETAINED_CHARS = 1 << 16;
    private static final int INITIAL_CHARS = 512;

    private char[] chars = new char[INITIAL_CHARS];

    /** Writes {@code text} (null as JSON null), at most {@code maxChars} of it, then the marker if cut. */
    public void write(JsonGenerator generator, CharSequence text, int maxChars) throws IOException {
        if (text == null) {
            generator.writeNull();
            return;
        }
        int n = text.length();
        int kept = Truncation.kept(text, maxChars);
        int total = kept == n ? n : kept + Truncation.markerLength(n - kept);
        if (chars.length < total) {
            chars = new char[Math.max(total, chars.length * 2)];
        }
        if (text instanceof String) {
            ((String) text).getChars(0, kept, chars, 0);
        } else if (text instanceof BoundedText) {
            ((BoundedText) text).getChars(0, kept, chars, 0);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(0, kept, chars, 0);
        } else {
            for (int i = 0; i < kept; i++) {
                chars[i] = text.charAt(i);
            }
        }
        Utf16.replaceLoneSurrogates(chars, kept);
        if (kept < n) {
            Truncation.writeMarker(chars, kept, n - kept);
        }
        generator.writeString(chars, 0, total);
    }

    /** Lets go of a scratch array an oversized text had grown. */
    public void release() {
        if (chars.length > MAX_RETAINED_CHARS) {
            chars = new char[INITIAL_CHARS];
        }
    }
}
