package dev.ringtail.internal.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String TOKEN = "sEcReTtOkEn-SecretsTest-4f9a2c7d";

    private final Secrets secrets = new Secrets();

    SecretsTest() {
        secrets.add(TOKEN);
    }

    @Test
    void theSecretAndEveryRunOfEightOfItAreHidden() {
        assertThat(secrets.redact(">> Authorization: Bearer " + TOKEN + "[\\r][\\n]"))
                .isEqualTo(">> Authorization: Bearer " + Secrets.HIDDEN + "[\\r][\\n]");
        // HttpClient's wire logger cuts a header where its buffer ends
        String head = TOKEN.substring(0, 12);
        String tail = TOKEN.substring(12);
        assertThat(secrets.redact("wire >> \"Bearer " + head + "\"")).doesNotContain(head).contains(Secrets.HIDDEN);
        assertThat(secrets.redact("wire >> \"" + tail + "\"")).doesNotContain(tail).contains(Secrets.HIDDEN);
        assertThat(secrets.redact("x" + TOKEN.substring(5, 13) + "y")).isEqualTo("x" + Secrets.HIDDEN + "y");
    }

    @Test
    void itsBase64FormsAreHiddenAtAnyOffset() {
        for (String around : new String[] {"", ":", "Bearer ", "user:", "ab"}) {
            byte[] bytes = (around + TOKEN).getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
                String encoded = encoder.encodeToString(bytes);
                String redacted = secrets.redact("Authorization: Basic " + encoded);
                // what is left of the encoding is only the few characters that mix in what surrounds it
                assertThat(redacted).as(around).contains(Secrets.HIDDEN);
                assertThat(redacted.replace(Secrets.HIDDEN, "").length())
                        .as(around).isLessThan("Authorization: Basic ".length() + around.length() * 2 + 8);
            }
        }
    }

    @Test
    void otherTextIsLeftAlone() {
        String line = "ringtail: betterstack: HTTP 400, 3 events not sent (not retried): bad request sEcReTt";
        assertThat(secrets.redact(line)).as("7 characters of it are not a secret").isEqualTo(line);
        assertThat(secrets.redact("")).isEmpty();
    }

    @Test
    void aSecretIsHiddenOnlyByTheDiagnosticsItWasRegisteredWith() {
        assertThat(new Secrets().redact("Bearer " + TOKEN)).isEqualTo("Bearer " + TOKEN);
    }
}
