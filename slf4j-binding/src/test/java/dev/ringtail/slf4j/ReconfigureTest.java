package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.sink.ConsoleSink;
import dev.ringtail.slf4j.internal.ProviderControl;
import dev.ringtail.testing.IngestServer;
import dev.ringtail.testing.MapOverlay;
import dev.ringtail.testing.Waiting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider reconfigured while it runs, as Spring Boot does once its Environment is ready:
 * the sinks are rebuilt under logging threads and nothing accepted is lost; a change of levels
 * alone keeps the pipeline.
 */
@Timeout(60)
class ReconfigureTest {
    private static final int THREADS = 2;
    private static final int EVENTS_PER_THREAD = 3_000;
    private static final Pattern UNTIL_THEN = Pattern.compile(
            "\\(reconfigured\\); until then accepted (\\d+), dropped (\\d+) \\(console delivered (\\d+), failed (\\d+)\\)");

    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @Test
    void eventsLoggedWhileTheSinksAreRebuiltReachTheSinksOfTheirMomentAndNoneIsLost() throws Exception {
        try (IngestServer server = IngestServer.start(LiveSlf4j.TOKEN)) {
            slf4j.systemProperty(RingtailConfig.RING_SIZE, "100000"); // room for all: any shortfall is a loss
            Logger log = LoggerFactory.getLogger("shop.rebuild");
            log.info("before the rebuild"); // console only: no token yet
            AtomicInteger logged = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        log.warn("t{} e{}", thread, i);
                        logged.incrementAndGet();
                    }
                }));
            }
            threads.forEach(Thread::start);
            Waiting.atMost(Duration.ofSeconds(20)).until(() -> logged.get() >= EVENTS_PER_THREAD / 3);

            control().reconfigure(MapOverlay.of(Map.of(RingtailConfig.TOKEN, LiveSlf4j.TOKEN,
                    RingtailConfig.ENDPOINT, server.uri().toString(), RingtailConfig.BATCH_FLUSH_MILLIS, "50")));
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(Ringtail.flush(Duration.ofSeconds(20))).isTrue();

            Matcher before = UNTIL_THEN.matcher(slf4j.stderr().text());
            assertThat(before.find()).as(slf4j.stderr().text()).isTrue();
            long acceptedBefore = Long.parseLong(before.group(1));
            assertThat(before.group(2)).as("dropped before").isEqualTo("0");
            assertThat(Long.parseLong(before.group(3))).as("console delivered before").isEqualTo(acceptedBefore);
            assertThat(before.group(4)).as("failed before").isEqualTo("0");

            PipelineStats now = Ringtail.stats();
            SinkStats shipped = now.sink(BetterStackSink.NAME).orElseThrow();
            assertThat(now.dropped()).isZero();
            assertThat(shipped.delivered()).isEqualTo(now.accepted());
            assertThat(shipped.failed()).isZero();
            assertThat(now.sink(ConsoleSink.NAME).orElseThrow().delivered()).isEqualTo(now.accepted());
            assertThat(acceptedBefore + now.accepted()).isEqualTo(1 + THREADS * EVENTS_PER_THREAD);
            assertThat((long) server.events().size()).isEqualTo(now.accepted());
            assertThat(server.problems()).isEmpty();

            Set<String> printed = new HashSet<>();
            for (String line : slf4j.stdout().lines()) {
                if (line.contains("shop.rebuild: ")) {
                    assertThat(printed.add(line.substring(line.indexOf("shop.rebuild: ")))).as("once: %s", line).isTrue();
                }
            }
            assertThat(printed).as("the console is in both pipelines").hasSize(1 + THREADS * EVENTS_PER_THREAD);
        }
    }

    @Test
    void aReconfigurationThatChangesOnlyLevelsKeepsThePipelineAndItsCounters() {
        Logger log = LoggerFactory.getLogger("shop.levels.Cart");
        log.info("counted before");
        assertThat(log.isDebugEnabled()).isFalse();

        control().reconfigure(MapOverlay.of(Map.of("ringtail.level.shop.levels", "debug")));

        assertThat(log.isDebugEnabled()).as("the existing logger obeys").isTrue();
        assertThat(LoggerFactory.getLogger("shop.Other").isDebugEnabled()).isFalse();
        assertThat(Ringtail.stats().accepted()).as("the same pipeline, still counting").isEqualTo(1);
        assertThat(slf4j.stderr().text()).doesNotContain("reconfigured");
    }

    @Test
    void loggersThatWereOffForWantOfASinkComeOnWhenTheReconfigurationBringsOne() throws Exception {
        try (IngestServer server = IngestServer.start(LiveSlf4j.TOKEN)) {
            slf4j.systemProperty(RingtailConfig.CONSOLE, "false"); // and no token: nowhere to go
            Logger log = LoggerFactory.getLogger("shop.nowhere");
            assertThat(log.isErrorEnabled()).isFalse();

            control().reconfigure(MapOverlay.of(Map.of(RingtailConfig.TOKEN, LiveSlf4j.TOKEN,
                    RingtailConfig.ENDPOINT, server.uri().toString())));
            log.info("somewhere now");
            assertThat(Ringtail.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(log.isInfoEnabled()).isTrue();
            assertThat(server.events()).extracting(e -> e.get("message")).containsExactly("somewhere now");
            assertThat(slf4j.stderr().text()).contains("(reconfigured)").doesNotContain("until then");
        }
    }

    private static ProviderControl control() {
        return (ProviderControl) LoggerFactory.getILoggerFactory();
    }
}
