package dev.ringtail.internal.diag;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets that no line ringtail prints may contain, and the redaction every such line passes
 * through ({@link Diagnostics}, the stderr fallback). It is the last line of defence: whatever a
 * library logs from inside the pipeline (HttpClient's header logger, an exception that quotes a
 * request) is printed with the token hidden, wherever it came from.
 *
 * <p>One per {@link Diagnostics}: the provider builds the pipeline and every sink with the same one,
 * so each sink's token is hidden in every line any of them prints. A secret is never removed: a
 * closed sink's token is still one.
 *
 * <p>Hidden are the secret and its Base64 forms (standard and URL alphabet, at any byte offset),
 * and any run of {@value #MIN_RUN} or more characters of them, so a secret split across two lines
 * (HttpClient's wire logger cuts where it likes) is hidden in both halves. Not on the hot path:
 * only ringtail's own stderr lines are redacted.
 */
public final class Secrets {
    /** Runs this long of a secret are hidden; shorter secrets are hidden only whole. */
    public static final int MIN_RUN = 8;
    /** What a hidden run becomes. */
    public static final String HIDDEN = "[secret hidden]";
    private static final long BASE = 1_000_003L;
    private static final long BASE_POW = pow(BASE, MIN_RUN - 1);

    private final Set<String> windows = ConcurrentHashMap.newKeySet();
    private final Set<String> shortOnes = ConcurrentHashMap.newKeySet();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    /** Sorted rolling hashes of {@code windows}: a line is scanned without allocating per position. */
    private volatile long[] hashes = new long[0];

    /** Registers a secret (null or blank: nothing). */
    public void add(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        if (!registered.add(secret)) {
            return; // registered before (tests build many sinks with one token)
        }
        if (secret.length() < MIN_RUN) {
            shortOnes.add(secret);
            return;
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        addWindows(secret);
        for (int offset = 0; offset < 3; offset++) {
            addWindows(base64(Base64.getEncoder(), bytes, offset));
            addWindows(base64(Base64.getUrlEncoder(), bytes, offset));
        }
        synchronized (this) {
            long[] all = windows.stream().mapToLong(Secrets::hash).distinct().sorted().toArray();
            hashes = all;
        }
    }

    /** {@code text} with every registered secret (see above) replaced by {@link #HIDDEN}. */
    public String redact(String text) {
        long[] known = hashes;
        if (text == null || (known.length == 0 && shortOnes.isEmpty())) {
            return text;
        }
        boolean[] hide = null;
        long h = 0;
        for (int i = 0; i < text.length(); i++) {
            h = i < MIN_RUN ? h * BASE + text.charAt(i)
                    : (h - text.charAt(i - MIN_RUN) * BASE_POW) * BASE + text.charAt(i);
            int start = i - MIN_RUN + 1;
            if (start >= 0 && Arrays.binarySearch(known, h) >= 0
                    && windows.contains(text.substring(start, i + 1))) {
                hide = mark(hide, text.length(), start, i + 1);
            }
        }
        for (String secret : shortOnes) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                hide = mark(hide, text.length(), at, at + secret.length());
            }
        }
        return hide == null ? text : hidden(text, hide);
    }

    private static boolean[] mark(boolean[] hide, int length, int from, int to) {
        boolean[] h = hide != null ? hide : new boolean[length];
        Arrays.fill(h, from, to, true);
        return h;
    }

    private static String hidden(String text, boolean[] hide) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hide[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hide[i - 1]) {
                out.append(HIDDEN);
            }
        }
        return out.toString();
    }

    /**
     * The characters of the Base64 form of {@code bytes} that depend on them alone when they
     * start {@code offset} bytes into a 3-byte group: the first characters mix in the bytes
     * before, the last the bytes after (or padding).
     */
    private static String base64(Base64.Encoder encoder, byte[] bytes, int offset) {
        byte[] shifted = new byte[offset + bytes.length];
        System.arraycopy(bytes, 0, shifted, offset, bytes.length);
        String all = encoder.withoutPadding().encodeToString(shifted);
        int from = offset == 0 ? 0 : offset + 1;
        int to = (offset + bytes.length) % 3 == 0 ? all.length() : all.length() - 1;
        return from < to ? all.substring(from, to) : "";
    }

    private void addWindows(String form) {
        for (int i = 0; i + MIN_RUN <= form.length(); i++) {
            windows.add(form.substring(i, i + MIN_RUN));
        }
    }

    private static long hash(String window) {
        long h = 0;
        for (int i = 0; i < window.length(); i++) {
            h = h * BASE + window.charAt(i);
        }
        return h;
    }

    private static long pow(long base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }

    /** {@code ****abcd}: the last four characters of a secret, or {@code ****} if it is short or absent. */
    public static String mask(String secret) {
        if (secret == null || secret.length() <= 8) {
            return "****";
        }
        return "****" + secret.substring(secret.length() - 4);
    }
}
