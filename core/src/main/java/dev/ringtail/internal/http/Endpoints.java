package dev.ringtail.internal.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where credentials may go: https anywhere, plain http only to this machine, and only to an
 * endpoint written exactly: a mistyped one refuses the sink rather than falling back to the
 * default host, which would send the token somewhere nobody asked for. A request that carries no
 * credential (an OTLP collector without a token or headers) may use plain http anywhere.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /** The endpoint, or null if it is not a URL at all. */
    public static URI parse(String text) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Null if the token may be sent to {@code endpoint}, else why not, for the stderr line: the
     * text never repeats user info, which may hold a password.
     */
    static String refusal(URI endpoint) {
        return refusal(endpoint, "ringtail.betterstack.endpoint", "the BetterStack token", "the source token is the only credential");
    }

    /**
     * As {@link #refusal(URI)} for any sink.
     *
     * @param key        the setting the endpoint came from, for the line
     * @param credential what a request would carry ("the BetterStack token"), or null if it carries none
     * @param whereCredentialsGo the line's hint when the endpoint holds user info
     */
    public static String refusal(URI endpoint, String key, String credential, String whereCredentialsGo) {
        if (endpoint == null) {
            return key + " is not a URL";
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return key + " must be an http(s) URL, not "
                    + (scheme.isEmpty() ? "a URL without a scheme" : scheme + ":");
        }
        if (endpoint.getHost() == null) {
            // A malformed authority (a space, a bad port) parses as one without a host.
            return key + " has no valid host";
        }
        if (credential != null && scheme.equals("http") && !isLoopback(endpoint.getHost())) {
            return "refusing to send " + credential + " over plain http to " + endpoint.getHost()
                    + " (plain http is allowed only to loopback addresses; use https)";
        }
        if (endpoint.getRawUserInfo() != null) {
            // HttpClient refuses such a request on every attempt; and credentials have a place of their own.
            return key + " must not contain user info (user:password@); " + whereCredentialsGo;
        }
        return null;
    }

    /** {@code text} for printing: anything between {@code //} and an {@code @} of the authority is hidden. */
    public static String withoutUserInfo(String text) {
        int start = text.indexOf("//");
        if (start < 0) {
            return text;
        }
        start += 2;
        int end = start;
        while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        int at = text.lastIndexOf('@', end - 1);
        return at < start ? text : text.substring(0, start) + "***@" + text.substring(at + 1);
    }

    /**
     * {@code localhost} or a loopback IP literal. Other names are not resolved: a name that
     * resolves to 127.0.0.1 today may not tomorrow, and DNS is not ours to trust with a token.
     */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!isIpLiteral(h)) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String h) {
        if (h.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
