package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.OtlpFormat;
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
 * The same for the OTLP sink's token and header values, through the {@code all} jar.
 */
class HttpClientLoggersSecrecyIT {
    private static final String TOKEN = "itSecrecyTok3n-Q7wZx5Lp2Vn9Kd3Hs8Tf";
    private static final String HEADER_VALUE = "itHeaderKey-9Jm4Rt6Wq2Yx8Bn3";

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

    @Test
    void theOtlpTokenAndHeaderValuesAreNeverPrintedEitherThroughTheAllJar() throws Exception {
        SwapInApp app = new SwapInApp();
        try (IngestServer receiver = IngestServer.start(OtlpFormat.INSTANCE, TOKEN)) {
            SwapInApp.Result run = app.run(List.of(
                    "-Dringtail.otlp.endpoint=" + receiver.uri(),
                    "-Dringtail.otlp.token=" + TOKEN,
                    "-Dringtail.otlp.headers=x-api-key=" + HEADER_VALUE,
                    "-Dringtail.batch.maxEvents=10",
                    "-Dringtail.level.org.apache.hc=trace",
                    "-Dringtail.level.org.apache.hc.client5.http.headers=trace"), List.of(), "flood", "200");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(receiver.problems()).as("positive control: every request carried the token").isEmpty();
            assertThat(receiver.requests()).allSatisfy(r -> assertThat(r.header("x-api-key")).isEqualTo(HEADER_VALUE));
            assertThat(receiver.events()).as("positive control: delivered")
                    .filteredOn(e -> String.valueOf(e.get("body")).startsWith("flood ")).hasSize(200);
            String output = run.stdout + run.stderr;
            for (String form : forms(TOKEN, "Bearer " + TOKEN, HEADER_VALUE)) {
                if (output.contains(form)) {
                    fail("a credential (as '" + form + "') was printed:\n" + output);
                }
            }
        }
    }

    private static List<String> forms() {
        return forms(TOKEN, "Bearer " + TOKEN);
    }

    private static List<String> forms(String... secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            for (int i = 0; i + 8 <= secret.length(); i++) {
                forms.add(secret.substring(i, i + 8));
            }
        }
        for (String plain : secrets) {
            byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return forms;
    }
}
