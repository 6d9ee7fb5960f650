package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.testing.IngestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The all jar swapped into an application that knows only slf4j-api, without a token: console
 * lines in the seed's format, nothing sent, no error, and a normal exit.
 */
class ConsoleOnlySwapInIT {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";
    private static SwapInApp app;

    @BeforeAll
    static void compileApp() {
        app = new SwapInApp();
    }

    @Test
    void withoutTokenLogsGoToTheConsoleInTheSeedFormatAndNothingIsSent() throws Exception {
        try (IngestServer receiver = IngestServer.start("unused")) {
            SwapInApp.Result run = app.run(List.of("-Dringtail.betterstack.endpoint=" + receiver.uri()), List.of());

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertConsoleEvents(run);
            assertThat(run.ringtailStderrLines()).as(run.toString())
                    .containsExactly("ringtail: logs go to console (stdout) only (no token)");
            assertThat(run.stderr).as("no error of any kind").doesNotContain("Exception", "ERROR", "SLF4J(W)", "SLF4J(E)");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void worksBesideTheApplicationsOwnOlderJacksonAndHttpClient() throws Exception {
        List<Path> foreign = SwapInApp.foreignLibraries();
        assertThat(foreign).extracting(p -> p.getFileName().toString())
                .contains("jackson-core-2.12.7.jar", "httpclient5-5.1.3.jar", "httpcore5-5.1.3.jar");

        SwapInApp.Result run = app.run(List.of(), foreign, "versions");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertConsoleEvents(run);
        assertThat(run.stdout).contains("APP jackson-core 2.12.7\n", "from httpclient5-5.1.3.jar\n");
        assertThat(run.ringtailStderrLines()).containsExactly("ringtail: logs go to console (stdout) only (no token)");
    }

    private static void assertConsoleEvents(SwapInApp.Result run) {
        List<String> lines = run.stdoutLines();
        assertThat(lines).as(run.toString())
                .anyMatch(l -> l.matches(TIME + " \\[INFO\\] shop\\.checkout: Order 42 placed"))
                .anyMatch(l -> l.matches(TIME + " \\[WARN\\] shop\\.checkout: Payment failed for order 42"))
                .anyMatch(l -> l.matches(TIME + " \\[ERROR\\] shop\\.checkout: Checkout crashed for ann"))
                .anyMatch(l -> l.matches(TIME + " \\[INFO\\] shop\\.worker: from worker"))
                .contains("java.lang.IllegalStateException: card declined",
                        "Caused by: java.lang.RuntimeException: root cause",
                        "APP shaded httpclient logger info enabled: false", "APP JMX attempted=4 accepted=4 dropped=0 droppedInfo=0")
                .noneMatch(l -> l.contains("not logged"));
        int crash = lines.indexOf("java.lang.IllegalStateException: card declined");
        assertThat(lines.get(crash - 1)).endsWith("[ERROR] shop.checkout: Checkout crashed for ann");
        assertThat(lines.get(crash + 1)).startsWith("\tat SwapInApp.events(SwapInApp.java:");
    }
}
