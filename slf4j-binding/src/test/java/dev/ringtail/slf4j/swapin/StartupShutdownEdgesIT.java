package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Start-up and shut-down edges, each in a fresh JVM running {@code swapin/EdgesApp.java} with the
 * all jar, shipping to a loopback receiver: logging from static initializers and from 100 threads
 * while SLF4J initializes, after an explicit {@code Ringtail.shutdown()}, and from an application
 * shutdown hook that runs after or alongside ringtail's. Every event is delivered, or printed on
 * stderr and counted; nothing hangs.
 */
class StartupShutdownEdgesIT {
    private static final String TOKEN = "it-edges-token-0123456789wxyz";
    private static final int BURST_THREADS = 100;
    private static final int BURST_EVENTS = 10;
    /** Exit well within the JVM bound: the drain has nothing slow to wait for. */
    private static final long EXIT_MILLIS = 20_000;
    /**
     * Events SLF4J itself may lose while it swaps substitute loggers for real ones (its own
     * MultithreadedInitializationTest allows as many): they never reach the provider, so no
     * provider can count them.
     */
    private static final int SLF4J_LENIENCY = 20;
    private static final Pattern STATS = Pattern.compile("APP (\\S+) attempted=(\\d+) accepted=(\\d+) dropped=(\\d+)"
            + " betterstack=(\\d+)/(\\d+) console=(\\d+)/(\\d+)");
    private static SwapInApp app;

    @BeforeAll
    static void compileApp() {
        app = new SwapInApp("EdgesApp");
    }

    @Test
    void staticInitializersAndAHundredThreadsLoggingDuringInitializationAreAllAccountedFor() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            SwapInApp.Result run = app.run(properties(receiver), List.of(), "init");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.millis).isLessThan(EXIT_MILLIS);
            assertThat(run.stdout).contains("APP flushed true");
            Stats before = stats(run, "before-shutdown");
            long logged = BURST_THREADS * BURST_EVENTS + 2;
            assertThat(before.attempted).as("reached ringtail, of %d logged", logged)
                    .isBetween(logged - SLF4J_LENIENCY, logged);
            before.assertAccountedFor();
            assertThat(before.dropped).as("the ring holds them all").isZero();
            assertThat(before.betterstackFailed).isZero();

            List<Map<String, Object>> events = receiver.events();
            assertThat((long) events.size()).as("everything accepted arrived").isEqualTo(before.accepted);
            assertThat(messages(events, "edge.static")).containsExactly("from the main class's static initializer");
            assertThat(messages(events, "edge.during")).containsExactly("from a static initializer on another thread");
            Set<String> burst = new HashSet<>();
            for (Map<String, Object> event : events) {
                if ("edge.burst".equals(event.get("logger_name"))) {
                    String message = (String) event.get("message");
                    assertThat(burst.add(message)).as("no duplicate of %s", event).isTrue();
                    assertThat(event.get("thread_name")).as("replayed events keep their thread")
                            .isEqualTo("burst-" + message.split(" ")[1]);
                }
            }
            assertThat((long) burst.size()).isEqualTo(before.accepted - 2);

            // after Ringtail.shutdown(): on stderr, counted dropped, not sent
            assertThat(run.stdout).contains("APP shutdown true");
            Stats after = stats(run, "after-shutdown");
            assertThat(after.attempted).isEqualTo(before.attempted + 1);
            assertThat(after.dropped).isEqualTo(1);
            after.assertAccountedFor();
            assertThat(run.stderr).contains("[WARN] edge.late: after the explicit shutdown");
            assertThat(messages(receiver.events(), "edge.late")).isEmpty();
            assertThat(run.stdout + run.stderr).doesNotContain(TOKEN.substring(0, 20));
        }
    }

    @Test
    void anApplicationHookThatLogsAfterRingtailsHookRanPrintsToStderrAndIsCounted() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            SwapInApp.Result run = app.run(properties(receiver), List.of(), "hook-after");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.millis).isLessThan(EXIT_MILLIS);
            assertThat(run.stdout).as(run.toString()).contains("APP ringtail's hook finished: true");
            assertThat(run.stderr).contains("[INFO] edge.hook: from the application's shutdown hook");
            Stats inHook = stats(run, "in-hook");
            assertThat(inHook.dropped).as("the hook's event").isEqualTo(1);
            inHook.assertAccountedFor();
            assertThat(messages(receiver.events(), "edge.static")).as("drained by ringtail's hook")
                    .containsExactlyInAnyOrder("from the main class's static initializer", "main is done");
            assertThat(messages(receiver.events(), "edge.hook")).isEmpty();
        }
    }

    /**
     * The application's hook logs while ringtail's drains: either it made it into the ring in time
     * and was delivered, or it came too late and went to stderr. Exactly one of the two.
     */
    @Test
    void anApplicationHookRacingRingtailsIsDeliveredOrPrintedAndNothingHangs() throws Exception {
        try (IngestServer receiver = IngestServer.start(TOKEN)) {
            SwapInApp.Result run = app.run(properties(receiver), List.of(), "hook-race");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.millis).isLessThan(EXIT_MILLIS);
            boolean delivered = !messages(receiver.events(), "edge.hook").isEmpty();
            boolean printed = run.stderr.contains("[INFO] edge.hook: from the application's shutdown hook");
            boolean countedLost = run.stderr.contains("were not delivered (counted failed)");
            assertThat(delivered ^ (printed || countedLost)).as(run.toString()).isTrue();
            stats(run, "in-hook"); // the hook ran to its end
            assertThat(messages(receiver.events(), "edge.static"))
                    .containsExactlyInAnyOrder("from the main class's static initializer", "main is done");
        }
    }

    private static List<String> properties(IngestServer receiver) {
        return List.of("-Dringtail.betterstack.token=" + TOKEN,
                "-Dringtail.betterstack.endpoint=" + receiver.uri(),
                "-Dringtail.batch.flushMillis=100");
    }

    private static List<Object> messages(List<Map<String, Object>> events, String logger) {
        return events.stream().filter(e -> logger.equals(e.get("logger_name"))).map(e -> e.get("message")).toList();
    }

    private static Stats stats(SwapInApp.Result run, String label) {
        Matcher m = STATS.matcher(run.stdout);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                return new Stats(m);
            }
        }
        throw new AssertionError("no '" + label + "' counters in\n" + run);
    }

    /** One line of counters the app printed from {@code Ringtail.stats()}. */
    private static final class Stats {
        final long attempted;
        final long accepted;
        final long dropped;
        final long betterstackDelivered;
        final long betterstackFailed;
        final long consoleDelivered;
        final long consoleFailed;

        Stats(Matcher m) {
            attempted = Long.parseLong(m.group(2));
            accepted = Long.parseLong(m.group(3));
            dropped = Long.parseLong(m.group(4));
            betterstackDelivered = Long.parseLong(m.group(5));
            betterstackFailed = Long.parseLong(m.group(6));
            consoleDelivered = Long.parseLong(m.group(7));
            consoleFailed = Long.parseLong(m.group(8));
        }

        void assertAccountedFor() {
            assertThat(accepted + dropped).isEqualTo(attempted);
            assertThat(betterstackDelivered + betterstackFailed).isEqualTo(accepted);
            assertThat(consoleDelivered + consoleFailed).isEqualTo(accepted);
        }
    }
}
