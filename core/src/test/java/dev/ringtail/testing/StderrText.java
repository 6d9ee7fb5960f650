package dev.ringtail.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what ringtail printed on a stderr that was blocked for a while. */
public final class StderrText {
    /** The line ringtail prints once stderr takes lines again. */
    public static final Pattern NOT_PRINTED =
            Pattern.compile("ringtail: (\\d+) ringtail lines were not printed: stderr was blocked");

    private StderrText() {
    }

    /** How often {@code needle} occurs in {@code text}, without overlaps. */
    public static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** The sum of every "N ringtail lines were not printed" line in {@code text}. */
    public static long notPrinted(String text) {
        long sum = 0;
        Matcher m = NOT_PRINTED.matcher(text);
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }
}
