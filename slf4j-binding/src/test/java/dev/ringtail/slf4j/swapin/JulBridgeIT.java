package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ringtail.jul} in a fresh JVM running {@code swapin/JulApp.java} with the all jar, as an
 * application with a JUL-logging legacy part runs it: JUL's records reach ringtail's console
 * sink with their logger names and levels, JUL's levels follow ringtail's at start-up and at run
 * time (a record below them never passes JUL's own check), and {@code ringtail.jul=false}, or
 * the plain artifact without jul-to-slf4j, leaves JUL as it was.
 */
class JulBridgeIT {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";
    private static final String BRIDGE = "dev.ringtail.shaded.org.slf4j.bridge.SLF4JBridgeHandler";
    private static SwapInApp app;
    /** One run of the "bridge" mode, which the first three tests read. */
    private static SwapInApp.Result bridged;

    @BeforeAll
    static void compileAndRunTheApp() throws Exception {
        app = new SwapInApp("JulApp");
        bridged = app.run(List.of("-Dringtail.level.shop.configured=debug"), List.of(), "bridge");
    }

    @Test
    void julRecordsReachTheSinkWithTheirLoggerNamesAndLevels() throws Exception {
        SwapInApp.Result run = bridged;

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).as(run.toString()).contains("APP root handlers [" + BRIDGE + "]", "APP flushed true");
        List<String> lines = run.stdoutLines();
        assertThat(lines).as(run.toString())
                .anyMatch(l -> l.matches(TIME + " \\[ERROR\\] shop\\.jul\\.Legacy: severe from jul"))
                .anyMatch(l -> l.matches(TIME + " \\[WARN\\] shop\\.jul\\.Legacy: warning from jul"))
                .anyMatch(l -> l.matches(TIME + " \\[INFO\\] shop\\.jul\\.Legacy: info from jul"))
                .anyMatch(l -> l.matches(TIME + " \\[INFO\\] shop\\.jul\\.Legacy: config from jul"))
                .anyMatch(l -> l.matches(TIME + " \\[WARN\\] shop\\.jul\\.Legacy: with a parameter and 42"))
                .anyMatch(l -> l.matches(TIME + " \\[ERROR\\] shop\\.jul\\.Legacy: with an exception"))
                .contains("java.lang.IllegalStateException: legacy failure")
                .anyMatch(l -> l.matches(TIME + " \\[DEBUG\\] shop\\.jul\\.Legacy: fine after setLevel"))
                .anyMatch(l -> l.matches(TIME + " \\[DEBUG\\] shop\\.jul\\.Legacy: finer after setLevel"))
                .noneMatch(l -> l.contains("below"));
    }

    @Test
    void julLevelsFollowRingtailsSoARecordBelowThemNeverPassesJulsOwnCheck() throws Exception {
        SwapInApp.Result run = bridged;

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).as(run.toString()).contains(
                "APP root level CONFIG",
                // what JUL let through to its handlers: nothing below ringtail's info
                "APP passed JUL's level check [severe from jul, warning from jul, info from jul, config from jul,"
                        + " with a {0} and {1}, with an exception]",
                // Ringtail.setLevel at run time
                "APP after setLevel fine=true finer=true finest=false",
                "APP a JUL logger created later, fine=true",
                "APP inheriting again fine=false info=true",
                "APP root at warn, root level WARNING info=false",
                "APP configured prefix after GC, fine=true");
    }

    @Test
    void aJulRecordLoggedFromInsideRingtailIsCountedReentrantAndNeverLoops() throws Exception {
        SwapInApp.Result run = bridged;

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).as(run.toString())
                .anyMatch(l -> l.matches(TIME + " \\[INFO\\] app: formatted an argument"))
                .noneMatch(l -> l.contains("logged through JUL from a toString()"));
        assertThat(run.ringtailStderrLines()).as(run.toString()).anyMatch(l -> l.contains("logged from inside the pipeline")
                && l.contains("[WARN] shop.jul.Legacy: logged through JUL from a toString()"));
    }

    @Test
    void julFalseLeavesJulsConsoleHandlerInPlace() throws Exception {
        SwapInApp.Result run = app.run(List.of("-Dringtail.jul=false"), List.of(), "plain");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).as(run.toString()).contains("APP root handlers [java.util.logging.ConsoleHandler]")
                .doesNotContain("plain jul record");
        assertThat(run.stderr).as("JUL's own format, on stderr").contains("INFO: plain jul record");
    }

    @Test
    void withoutJulToSlf4jOnThePlainClassPathJulIsLeftAloneWithOneLine() throws Exception {
        SwapInApp.Result run = app.runPlainWithout("jul-to-slf4j", List.of(), "plain");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).as(run.toString()).contains("APP root handlers [java.util.logging.ConsoleHandler]",
                "[INFO] app: started");
        assertThat(run.ringtailStderrLines()).as(run.toString()).anyMatch(l -> l.startsWith(
                "ringtail: java.util.logging is not routed into ringtail (ringtail.jul): jul-to-slf4j is not on the class path"));
        assertThat(run.stderr).contains("INFO: plain jul record");
    }
}
