package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.testing.IngestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HttpClient's header and wire loggers print the {@code Authorization} header. Asked for at
 * trace, with everything else of HttpClient at trace too, they stay off, and whatever HttpClient
 * does print from inside the pipeline has the token hidden: no form of it (whole, Base64, any
 * run of 8 of its characters) reaches stdout or stderr, while the receiver still gets the header.
 */
class HttpClientLoggersSecrecyIT {
    private static final String TOKEN = "itSecrecyTok3n-Q7wZx5Lp2Vn9Kd3Hs8Tf";

    @Test
    void headerAndWireLoggersAtTraceNeverPrintTheToken() throws Exception {
        SwapInApp app = new SwapInApp();
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.betterstack.token=" + TOKEN,
                    "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                    "-Dringtail.batch.maxEvents=10",
                    "-Dringtail.level.org.apache.hc=trace",
                    "-Dringtail.level.org.apache.hc.client5.http.headers=trace",
                    "-Dringtail.level.org.apache.hc.client5.http.wire=trace"), List.of(), "flood", "200");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(receiver.problems()).as("positive control: every request carried the token").isEmpty();
            // HttpClient's own lines from inside the pipeline are dropped, so a drop summary comes too
            assertThat(receiver.events()).as("positive control: delivered")
                    .filteredOn(e -> String.valueOf(e.get("message")).startsWith("flood ")).hasSize(200);
            assertThat(run.ringtailStderrLines()).as(run.toString())
                    .anyMatch(l -> l.startsWith("ringtail: ignoring ringtail.level.org.apache.hc.client5.http.headers=trace"))
                    .anyMatch(l -> l.startsWith("ringtail: ignoring ringtail.level.org.apache.hc.client5.http.wire=trace"));
            String output = run.stdout + run.stderr;
            for (String form : forms()) {
                if (output.contains(form)) {
                    fail("the token (as '" + form + "') was printed:\n" + output);
                }
            }
        }
    }

    private static List<String> forms() {
        List<String> forms = new ArrayList<>();
        for (int i = 0; i + 8 <= TOKEN.length(); i++) {
            forms.add(TOKEN.substring(i, i + 8));
        }
        for (String plain : List.of(TOKEN, "Bearer " + TOKEN)) {
            byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return forms;
    }
}
