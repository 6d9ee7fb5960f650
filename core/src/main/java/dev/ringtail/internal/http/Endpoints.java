package dev.ringtail.internal.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Where the token may go: https anywhere, plain http only to this machine. */
final class Endpoints {
    private Endpoints() {
    }

    /** Null if the token may be sent to {@code endpoint}, else why not (for the stderr line; no secrets). */
    static String refusal(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http")) {
            return isLoopback(endpoint.getHost()) ? null
                    : "refusing to send the BetterStack token over plain http to " + endpoint.getHost()
                    + " (plain http is allowed only to loopback addresses; use https)";
        }
        return "the BetterStack endpoint must be an http(s) URL, not " + scheme + ":";
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
