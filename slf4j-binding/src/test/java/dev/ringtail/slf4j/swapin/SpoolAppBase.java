package dev.ringtail.slf4j.swapin;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every spool IT starts from: the spool test app, compiled once per test class, and a spool
 * directory of its own for each test.
 */
abstract class SpoolAppBase {
    static SwapInApp app;

    @TempDir
    Path spool;

    @BeforeAll
    static void compileApp() {
        app = new SwapInApp("SpoolApp");
    }

    /**
     * Runs a process that logs nothing and only replays what the spool holds: it exits once the
     * spool is empty, or after {@code drainSeconds}; the test gives up on it after {@code exitSeconds}.
     */
    static SwapInApp.Result replayOnly(List<String> properties, int drainSeconds, int exitSeconds) throws Exception {
        try (SwapInApp.Running replaying = app.start("-Xmx128m", properties, List.of(), "drain", "1", "0", "0",
                Integer.toString(drainSeconds))) {
            return SpoolChild.awaitExit(replaying, exitSeconds);
        }
    }
}
