package dev.ringtail.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The headers a protocol adds to every request, in order. Every value holds a credential (a
 * bearer token, an API key in {@code ringtail.otlp.headers}): the credential is registered as a
 * secret and never part of any text this class or its users print.
 */
public final class RequestHeaders {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    /** {@code Authorization: Bearer <token>}; the token is the secret. */
    public RequestHeaders bearer(String token) {
        put("Authorization", "Bearer " + token);
        secrets.add(token);
        return this;
    }

    /** Adds a header whose whole value is the secret; a later one of the same name (case-insensitive) replaces it. */
    public RequestHeaders add(String name, String value) {
        put(name, value);
        secrets.add(value);
        return this;
    }

    private void put(String name, String value) {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                names.remove(i);
                values.remove(i);
                break;
            }
        }
        names.add(name);
        values.add(value);
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** The value: a credential, never to be printed. */
    public String value(int index) {
        return values.get(index);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** The credentials, to be registered as secrets and hidden in echoed bodies. */
    public List<String> secrets() {
        return List.copyOf(secrets);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("RequestHeaders{");
        for (int i = 0; i < names.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(names.get(i)).append("=***");
        }
        return out.append('}').toString();
    }
}
