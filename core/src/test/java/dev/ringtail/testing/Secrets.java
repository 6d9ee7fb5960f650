package dev.ringtail.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The forms in which a token could leak: raw, as the header value, after or before a colon (basic
 * credentials), and base64 of each (either alphabet, padded or not). The secrecy tests of the core
 * and of the binding scan everything observable with it.
 */
public final class Secrets {
    private final List<String> forms = new ArrayList<>();

    public Secrets(String token) {
        for (String plain : List.of(token, "Bearer " + token, ":" + token, token + ":")) {
            forms.add(plain);
            byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(bytes);
                forms.add(encoded);
                forms.add(encoded.replace("=", ""));
            }
        }
    }

    /** Null if {@code text} holds no form of the token, else which form and where. */
    public String findIn(String text) {
        if (text == null) {
            return null;
        }
        for (String form : forms) {
            int at = text.indexOf(form);
            if (at >= 0) {
                int from = Math.max(0, at - 60);
                return "token form '" + form + "' at " + at + ": ..." + text.substring(from, Math.min(text.length(), at + form.length() + 20))
                        .replace("\n", "\\n") + "...";
            }
        }
        return null;
    }
}
