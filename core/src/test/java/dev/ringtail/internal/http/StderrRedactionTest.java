package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringtail.Level;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.diag.Secrets;
import dev.ringtail.testing.Events;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What a library logs from inside the pipeline reaches stderr, and so can the token: HttpClient's
 * header logger printed {@code >> Authorization: Bearer <token>} that way. Every such line, and
 * every line printed after shutdown, has the sink's token hidden.
 */
class StderrRedactionTest {
    private static final String TOKEN = SinkFixture.TOKEN;

    @Test
    void aLineLoggedFromInsideThePipelineNeverShowsTheToken() throws Exception {
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            AtomicBoolean logged = new AtomicBoolean();
            // as HttpClient does on a sender thread
            Thread sender = RecursionGuard.pipelineThreads("test-sender").newThread(() -> logged.set(!Events.log(
                    f.pipeline, Level.DEBUG, "org.apache.hc.client5.http.headers",
                    "http-outgoing-0 >> Authorization: Bearer " + TOKEN)));
            sender.start();
            await().atMost(Duration.ofSeconds(10)).untilTrue(logged);

            assertThat(f.stderr.text()).contains("not sent, logged from inside the pipeline")
                    .contains(">> Authorization: Bearer " + Secrets.HIDDEN)
                    .doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4, 12));
        }
    }

    @Test
    void aLinePrintedAfterShutdownNeverShowsTheToken() throws Exception {
        String printed;
        try (SinkFixture f = SinkFixture.start(b -> b)) {
            f.pipeline.shutdown(Duration.ofSeconds(5));
            // an event logged after shutdown is printed whole, through the pipeline's diagnostics
            Events.log(f.pipeline, Level.WARN, "org.apache.hc.client5.http.wire",
                    "http-outgoing-0 >> \"Authorization: Bearer " + TOKEN + "[\\r][\\n]\"");
            printed = f.stderr.text();
        }
        assertThat(printed).contains("Authorization: Bearer " + Secrets.HIDDEN).doesNotContain(TOKEN);
    }
}
