package dev.ringtail.internal.json;

/**
 * Whether a text may be written as a JSON number as it is: it must match the JSON grammar, and
 * its value must be finite in IEEE double, since most readers (JavaScript, BetterStack's
 * ingest) parse numbers as doubles and would see {@code 1E+400} as an infinity.
 */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /** The JSON number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    static boolean isJsonNumber(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        int i = 0;
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else {
            int start = i;
            i = digits(text, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            i = digits(text, i);
            if (i == start) {
                return false;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = digits(text, i);
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * For a text matching the JSON number grammar: false if it is beyond the double range
     * ({@code 1E+400}), true otherwise (an underflow to zero is still finite). Decided from the
     * decimal exponent, without parsing, except right at the edge of the range.
     */
    static boolean isFiniteDouble(String text) {
        int n = text.length();
        int i = text.charAt(0) == '-' ? 1 : 0;
        long integerDigits = 0;
        long firstNonZero = -1; // index among all significand digits
        long digitIndex = 0;
        boolean fraction = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = true;
            } else if (c >= '0' && c <= '9') {
                if (c != '0' && firstNonZero < 0) {
                    firstNonZero = digitIndex;
                }
                digitIndex++;
                if (!fraction) {
                    integerDigits++;
                }
            } else {
                break; // the exponent
            }
        }
        if (firstNonZero < 0) {
            return true; // zero
        }
        long exponent = 0;
        if (i < n) {
            i++; // e or E
            boolean negative = text.charAt(i) == '-';
            if (text.charAt(i) == '-' || text.charAt(i) == '+') {
                i++;
            }
            for (; i < n; i++) {
                exponent = Math.min(exponent * 10 + (text.charAt(i) - '0'), 1L << 40); // saturate, never overflow
            }
            exponent = negative ? -exponent : exponent;
        }
        // the value lies in [10^order, 10^(order+1)); doubles end just below 1.8e308
        long order = integerDigits - firstNonZero - 1 + exponent;
        if (order != 308) {
            return order < 308;
        }
        return Double.isFinite(Double.parseDouble(text)); // rare: the last decade of the range
    }

    private static int digits(String text, int i) {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
