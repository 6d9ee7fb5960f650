package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract: plain {@code http://} is allowed only to loopback addresses; otherwise the token is
 * not sent and stderr says so once. Built the way the binding builds it (config, then
 * {@link BetterStackSink#fromConfig}), in a pipeline with a console sink beside it.
 *
 * <p>Nothing here may ever connect off this machine: every refused endpoint is first checked to
 * be refused by {@link Endpoints} (so a regression fails before any event is logged), the hosts
 * are unroutable or unresolvable ({@code .invalid}, 10.255.255.1), and the test proves no
 * request body was built and no sender thread started.
 */
class PlainHttpRefusalTest {
    private static final String TOKEN = SinkFixture.TOKEN;
    private static final int EVENTS = 50;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "http://logs.example.invalid/ingest",
        "http://10.255.255.1/",
        "HTTP://10.255.255.1:8080/",
        "http://[::ffff:10.255.255.1]/",
        "http://0.0.0.0:9/",
        "http://127.0.0.1.example.invalid/",
        "http://localhost.example.invalid/",
        "http://127.0.0.1@10.255.255.1/",
    })
    void plainHttpOffLoopbackIsRefusedOnceSendsNothingAndCountsEveryEventFailed(String endpoint) throws Exception {
        URI uri = URI.create(endpoint);
        assertThat(Endpoints.refusal(uri)).as("refused before anything is built").isNotNull();
        CapturedOutput stderr = new CapturedOutput();
        RingtailConfig config = RingtailConfig.of(Map.of(RingtailConfig.TOKEN, TOKEN, RingtailConfig.ENDPOINT, endpoint,
                RingtailConfig.BATCH_FLUSH_MILLIS, "10"), Map.of(), new Properties(), stderr.diagnostics());
        assertThat(config.endpoint()).isEqualTo(endpoint);
        Set<Thread> sendersBefore = senderThreads();

        BetterStackSink sink = Components.betterStack(config, stderr.diagnostics());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics())
                .idleTimeout(Duration.ofMillis(10)).sink(new ConsoleSink(console, ZoneOffset.UTC, 1000)).sink(sink)
                .build().start();
        for (int i = 0; i < EVENTS; i++) {
            assertThat(Events.log(pipeline, i % 2 == 0 ? Level.INFO : Level.ERROR, "event " + i)).isTrue();
        }
        assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();

        assertThat(stderr.lines()).as("one line, however many events").hasSize(1);
        assertThat(stderr.text()).contains("refusing to send the BetterStack token over plain http")
                .contains(uri.getHost()).doesNotContain(TOKEN);
        SinkStats stats = sink.counters().snapshot();
        assertThat(stats.failed()).isEqualTo(EVENTS);
        assertThat(stats.failed(Level.INFO)).isEqualTo(EVENTS / 2);
        assertThat(stats.failed(Level.ERROR)).isEqualTo(EVENTS / 2);
        assertThat(stats.delivered()).isZero();
        assertThat(stats.batches()).as("no request body was ever built").isZero();
        assertThat(stats.bytes()).isZero();
        // a subset: an earlier test's sender may still be ending, and end during this one
        assertThat(senderThreads()).as("no HTTP sender thread was started").isSubsetOf(sendersBefore);
        assertThat(sink.toString()).contains("refused");
        PipelineStats pipelineStats = pipeline.stats();
        assertThat(pipelineStats.accepted()).isEqualTo(EVENTS);
        assertThat(pipelineStats.sink(ConsoleSink.NAME).orElseThrow().delivered()).as("console unaffected")
                .isEqualTo(EVENTS);
    }

    /**
     * A mistyped endpoint used to fall back to the default BetterStack host, token and all; user
     * info used to be retried as if transient. Both now refuse the sink at start, like plain http.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ftp://x", "ftp://127.0.0.1/", "not a url", "in.logs.betterstack.com", "https:///ingest", "https://host:port/",
        "https://user:pw@127.0.0.1:9/", "http://user:pw@localhost:9/", "https://pw@s1.betterstackdata.com/",
    })
    void anEndpointThatIsNotAValidUrlRefusesTheSinkInsteadOfSendingTheTokenElsewhere(String endpoint) throws Exception {
        CapturedOutput stderr = new CapturedOutput();
        RingtailConfig config = RingtailConfig.of(Map.of(RingtailConfig.TOKEN, TOKEN, RingtailConfig.ENDPOINT, endpoint,
                RingtailConfig.BATCH_FLUSH_MILLIS, "10"), Map.of(), new Properties(), stderr.diagnostics());
        Set<Thread> sendersBefore = senderThreads();

        BetterStackSink sink = Components.betterStack(config, stderr.diagnostics());
        assertThat(sink.refusal()).as("refused before anything is built").isNotNull();
        assertThat(sink.host()).as("never the default host").isNotEqualTo("in.logs.betterstack.com");
        Pipeline pipeline = Pipeline.builder().jmx(false).diagnostics(stderr.diagnostics())
                .idleTimeout(Duration.ofMillis(10)).sink(sink).build().start();
        for (int i = 0; i < EVENTS; i++) {
            assertThat(Events.log(pipeline, Level.INFO, "event " + i)).isTrue();
        }
        assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();

        assertThat(stderr.lines()).as("one line, however many events").hasSize(1);
        assertThat(stderr.text()).startsWith("ringtail: betterstack: ").contains("ringtail.betterstack.endpoint")
                .doesNotContain(TOKEN).doesNotContain("pw");
        SinkStats stats = sink.counters().snapshot();
        assertThat(stats.failed()).isEqualTo(EVENTS);
        assertThat(stats.batches()).as("no request body was ever built").isZero();
        // a subset: an earlier test's sender may still be ending, and end during this one
        assertThat(senderThreads()).as("no HTTP sender thread was started").isSubsetOf(sendersBefore);
        assertThat(sink.toString()).contains("refused").doesNotContain("pw");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://in.logs.betterstack.com", "https://s1234.eu-nbg-2.betterstackdata.com/", "https://10.255.255.1/",
        "https://logs.example.invalid:8443/x", "http://127.0.0.1:9/", "http://127.8.9.10/", "http://localhost:9/",
        "http://LOCALHOST/", "http://[::1]:9/", "http://[0:0:0:0:0:0:0:1]/",
    })
    void httpsToAnyHostAndPlainHttpToLoopbackAreAllowed(String endpoint) {
        CapturedOutput stderr = new CapturedOutput();
        // Built, never fed an event: nothing connects anywhere.
        BetterStackSink sink = BetterStackSink.builder().endpoint(URI.create(endpoint)).token(TOKEN)
                .diagnostics(stderr.diagnostics()).build();

        assertThat(Endpoints.refusal(URI.create(endpoint))).isNull();
        assertThat(sink.toString()).doesNotContain("refused");
        assertThat(stderr.lines()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void plainHttpToLoopbackDeliversWithTheToken(String host) throws Exception {
        try (IngestServer server = IngestServer.start()) {
            URI uri = URI.create("http://" + host + ":" + server.uri().getPort() + "/ingest");
            try (SinkFixture f = SinkFixture.on(server, b -> b.endpoint(uri))) {
                f.log(Level.INFO, "over loopback");
                assertThat(f.flush()).isTrue();

                assertThat(server.events()).hasSize(1);
                assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
                assertThat(f.stderr.lines()).isEmpty();
            }
        }
    }

    private static Set<Thread> senderThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ringtail-http"))
                .collect(Collectors.toSet());
    }
}
