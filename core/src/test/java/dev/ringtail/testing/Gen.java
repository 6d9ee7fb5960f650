package dev.ringtail.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded generators of hostile input for property tests, and the seeds themselves.
 *
 * <p>Each property runs {@link #tries(String, int)} cases, one seed each, named by its seed in
 * the test report. The base seed is fixed, so CI runs the same cases every time and a failure
 * reproduces; {@code -Dringtail.test.seed=N} explores other cases, and
 * {@code -Dringtail.test.replay=S} runs only the case with seed {@code S} (as the report names
 * it). jqwik was the first choice but is not used: from 1.10 its engine prints that AI agents
 * must not use it, and this suite was written by one.
 */
public final class Gen {
    /** The fixed base seed CI runs with. */
    public static final long DEFAULT_BASE_SEED = 0x5EED_2026L;

    private static final String[] HOSTILE_SNIPPETS = {
        "\"", "\\", "/", "{}", "\\{}", "\\\\{}", "{", "}", "[", "]", ",", ":",
        "</script>", "<!--", "\"},{\"dt\":\"2026-01-01T00:00:00.000000Z\",\"level\":\"error\",\"message\":\"forged\"}",
        "\",\"level\":\"error\"", "\"}]", "\\u0000", "\\\"", "null", "true", "1e309", "NaN",
    };

    private final SplittableRandom random;

    public Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seeds for one property: {@code tries} of them, or only the replayed one. */
    public static Stream<Long> tries(String property, int tries) {
        String replay = System.getProperty("ringtail.test.replay");
        if (replay != null && !replay.isBlank()) {
            return Stream.of(Long.decode(replay.trim()));
        }
        long base = Long.getLong("ringtail.test.seed", DEFAULT_BASE_SEED) ^ property.hashCode() * 0x9E3779B97F4A7C15L;
        return LongStream.range(0, tries).mapToObj(i -> new SplittableRandom(base + i).nextLong());
    }

    public int between(int min, int maxInclusive) {
        return random.nextInt(min, maxInclusive + 1);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public long nextLong() {
        return random.nextLong();
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /**
     * Text of the given length class: mostly short, sometimes a few thousand chars, rarely
     * huge (up to about 1 MB). Any UTF-16 content: see {@link #text(int)}.
     */
    public String anyText() {
        int pick = random.nextInt(100);
        if (pick < 70) {
            return text(between(0, 40));
        }
        if (pick < 90) {
            return text(between(40, 3000));
        }
        if (pick < 97) {
            return text(between(3000, 40_000));
        }
        return huge(between(100_000, 1 << 20));
    }

    /** About {@code chars} chars: a generated chunk repeated (cheap), with generated ends. */
    public String huge(int chars) {
        String chunk = text(between(1, 2000));
        StringBuilder s = new StringBuilder(chars + 64).append(text(between(0, 20)));
        while (s.length() < chars) {
            s.append(chunk);
        }
        s.setLength(chars);
        return s.append(text(between(0, 20))).toString();
    }

    /**
     * {@code atoms} pieces of hostile UTF-16: ASCII, JSON syntax and forged fields, control
     * characters and U+0000, U+2028/2029/0085, any BMP char, astral code points, lone high and
     * low surrogates (a lone high one followed by a lone low one makes a valid pair, as in real
     * data), noncharacters and BOM.
     */
    public String text(int atoms) {
        StringBuilder s = new StringBuilder(atoms * 2);
        for (int i = 0; i < atoms; i++) {
            int pick = random.nextInt(100);
            if (pick < 30) {
                s.append((char) between(0x20, 0x7E));
            } else if (pick < 40) {
                s.append(oneOf(HOSTILE_SNIPPETS));
            } else if (pick < 48) {
                s.append((char) (int) oneOf(between(0x00, 0x1F), 0x7F, between(0x80, 0x9F)));
            } else if (pick < 51) {
                s.append('\u0000');
            } else if (pick < 55) {
                s.append(oneOf('\u2028', '\u2029', '\u0085', '\n', '\r', '\t'));
            } else if (pick < 67) {
                s.append(bmpNonSurrogate());
            } else if (pick < 79) {
                s.appendCodePoint(between(0x10000, 0x10FFFF));
            } else if (pick < 85) {
                s.append((char) between(0xD800, 0xDBFF)); // high surrogate, maybe lone
            } else if (pick < 91) {
                s.append((char) between(0xDC00, 0xDFFF)); // low surrogate, maybe lone
            } else if (pick < 95) {
                s.append(oneOf('\uFFFE', '\uFFFF', '\uFEFF', '\uFFFD'));
            } else {
                s.append(oneOf("\uD83D\uDE00", "\u00e9", "\u4e2d\u6587", "e\u0301", "\uD83C\uDDE9\uD83C\uDDEA"));
            }
        }
        return s.toString();
    }

    private char bmpNonSurrogate() {
        char c;
        do {
            c = (char) between(0x80, 0xFFFF);
        } while (Character.isSurrogate(c));
        return c;
    }

    /**
     * What any text must read as after the trip through JSON: each lone surrogate replaced by
     * U+FFFD, everything else unchanged. Written on code points, independently of the code
     * under test.
     */
    public static String expectedText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                s.append('\uFFFD'); // codePoints() yields a lone surrogate as itself
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }

    /** A short, readable rendering of possibly huge, unprintable text for failure messages. */
    public static String describe(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        int n = Math.min(text.length(), 120);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                s.append(c);
            } else {
                s.append(String.format("\\u%04X", (int) c));
            }
        }
        s.append('"');
        if (text.length() > n) {
            s.append("...(").append(text.length()).append(" chars)");
        }
        return s.toString();
    }

    /** Null if equal, else where and how the texts first differ. */
    public static String difference(String actual, String expected) {
        if (java.util.Objects.equals(actual, expected)) {
            return null;
        }
        if (actual == null || expected == null) {
            return "expected " + describe(expected) + " but was " + describe(actual);
        }
        int i = 0;
        int n = Math.min(actual.length(), expected.length());
        while (i < n && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 20);
        return "first difference at char " + i + " (lengths " + actual.length() + " vs expected " + expected.length()
                + "): expected " + describe(expected.substring(from, Math.min(expected.length(), i + 40)))
                + " but was " + describe(actual.substring(from, Math.min(actual.length(), i + 40)));
    }
}
