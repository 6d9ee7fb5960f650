package dev.ringtail.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ringtail.Level;
import dev.ringtail.internal.config.Components;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.Events;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.IngestServer.Behaviour;
import dev.ringtail.testing.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guarantee 7 (docs/contract.md): the token never appears in any output, exception message or
 * {@code toString()}. A full pipeline (console to a captured stream, BetterStack to the loopback
 * receiver) runs with a recognisable token through normal logging, every fault the sink reacts
 * to, and shutdown; then everything observable is scanned for the token in any of its forms
 * ({@link Secrets}). The receiver seeing the header is the positive control.
 */
class TokenSecrecyTest {
    static final String TOKEN = "rtTOKENzq8xV3kP9mW2sEcReT";

    private final Secrets secrets = new Secrets(TOKEN);
    private final List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
    private final List<String> observed = new ArrayList<>();
    private CapturedOutput stdout;
    private CapturedOutput stderr;
    private Thread.UncaughtExceptionHandler realHandler;

    @BeforeEach
    void captureProcessOutput() {
        realHandler = Thread.getDefaultUncaughtExceptionHandler();
        stdout = CapturedOutput.systemOut();
        stderr = CapturedOutput.systemErr();
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> thrown.add(t));
    }

    @AfterEach
    void restoreProcessOutput() {
        stderr.close();
        stdout.close();
        Thread.setDefaultUncaughtExceptionHandler(realHandler);
    }

    @Test
    void tokenNeverAppearsInOutputThroughLoggingEveryFaultAndShutdown() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Diagnostics diagnostics = stderr.diagnostics(); // every line printed, none held back
        try (IngestServer server = IngestServer.start()) {
            RingtailConfig config = RingtailConfig.of(Map.of(
                    RingtailConfig.TOKEN, TOKEN,
                    RingtailConfig.ENDPOINT, server.uri().toString(),
                    RingtailConfig.BATCH_FLUSH_MILLIS, "20",
                    RingtailConfig.HTTP_TIMEOUT_MILLIS, "300",
                    RingtailConfig.RETRY_MAX_ATTEMPTS, "3",
                    RingtailConfig.RETRY_MAX_BACKOFF_MILLIS, "20",
                    RingtailConfig.RING_SIZE, "not-a-number"), // a bad value: its stderr line is scanned too
                    Map.of("BETTERSTACK_SOURCE_TOKEN", TOKEN, "LOGTAIL_SOURCE_TOKEN", TOKEN),
                    new Properties(), diagnostics);
            BetterStackSink betterstack = Components.betterStack(config, diagnostics);
            ConsoleSink consoleSink = new ConsoleSink(console, ZoneOffset.UTC, 32_768);
            Pipeline pipeline = Pipeline.builder().jmx(true).diagnostics(diagnostics).idleTimeout(Duration.ofMillis(20))
                    .sink(consoleSink).sink(betterstack).build().start();
            try {
                logAndFlush(pipeline, "normal logging works");
                Behaviour[] faults = {
                    Behaviour.status(401), Behaviour.status(402), Behaviour.status(403),
                    Behaviour.echoingAuthorization(406, "could not parse your JSON; you sent "),
                    Behaviour.echoingAuthorization(400, "bad request from "),
                    Behaviour.status(413), Behaviour.status(500), Behaviour.status(503, "down for maintenance"),
                    Behaviour.reset(), Behaviour.noAnswer(), Behaviour.retryAfter(429, "0"),
                };
                for (Behaviour fault : faults) {
                    server.then(fault);
                    logAndFlush(pipeline, "under a fault");
                }
                pipeline.publish(Level.ERROR, "shop.checkout", WITH_EXCEPTION, "failure with a stack", null, null, null);
                assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
                observed.add(String.valueOf(pipeline.stats()));
                observed.addAll(jmxText());
            } finally {
                assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
            }
            Events.log(pipeline, Level.ERROR, "after shutdown"); // goes to stderr, counted

            observed.add(String.valueOf(pipeline.stats()));
            for (Object o : List.of(config, betterstack, consoleSink, pipeline, betterstack.counters(), diagnostics)) {
                observed.add(o.toString());
            }

            // Positive control: the token did reach the receiver, on every request.
            List<IngestServer.Request> requests = server.requests();
            assertThat(requests).hasSizeGreaterThanOrEqualTo(faults() + 2);
            assertThat(requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
            assertThat(secrets.findIn(requests.get(0).header("Authorization"))).isNotNull(); // the scanner sees it
        }
        String err = stderr.text();
        assertThat(err).as("the faults were reported").contains("HTTP 401").contains("HTTP 402").contains("HTTP 406")
                .contains("HTTP 400").contains("could not parse your JSON").contains("ringtail.ringSize");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("normal logging works");

        assertNoToken("stdout", stdout.text());
        assertNoToken("stderr", err);
        assertNoToken("console sink", console.toString(StandardCharsets.UTF_8));
        for (String text : observed) {
            assertNoToken("toString/JMX", text);
        }
        synchronized (thrown) {
            for (Throwable t : thrown) {
                assertNoToken("uncaught exception", stackText(t));
            }
        }
    }

    @Test
    void misuseExceptionsDoNotCarryTheToken() {
        List<Runnable> misuses = List.of(
            () -> BetterStackSink.builder().token(TOKEN).maxEvents(0),
            () -> BetterStackSink.builder().token(TOKEN).timeout(Duration.ZERO),
            () -> BetterStackSink.builder().token(TOKEN).endpoint((java.net.URI) null),
            () -> Pipeline.builder().ringSize(-1),
            () -> Pipeline.builder().build().publish(Level.INFO, "x", null, null, null, null, null));
        for (Runnable misuse : misuses) {
            try {
                misuse.run();
            } catch (Throwable t) {
                assertNoToken("exception", stackText(t));
            }
        }
    }

    private static int faults() {
        return 11;
    }

    /** A message with an exception, so the stack text goes through both sinks. */
    private static final EventTranslator<String, Void, Void, Void> WITH_EXCEPTION =
            (event, message, b, c, d) -> event.message(message).throwable(new IllegalStateException("card declined"));

    private static void logAndFlush(Pipeline pipeline, String message) {
        assertThat(Events.log(pipeline, Level.WARN, "shop.checkout", message)).isTrue();
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
    }

    /** Every attribute of every MBean under {@code dev.ringtail:*}, and the names themselves. */
    private static List<String> jmxText() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> text = new ArrayList<>();
        var names = server.queryNames(new ObjectName("dev.ringtail:*"), null);
        assertThat(names).as("the pipeline and both sinks are registered")
                .contains(new ObjectName("dev.ringtail:type=Pipeline"),
                        new ObjectName("dev.ringtail:type=Sink,name=betterstack"),
                        new ObjectName("dev.ringtail:type=Sink,name=console"));
        for (ObjectName name : names) {
            text.add(name.toString());
            var info = server.getMBeanInfo(name);
            text.add(info.getDescription());
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                text.add(attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
            }
        }
        return text;
    }

    private void assertNoToken(String where, String text) {
        String found = secrets.findIn(text);
        if (found != null) {
            fail("the token leaked into " + where + ": " + found);
        }
    }

    static String stackText(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
