package dev.ringtail.slf4j.swapin;

import java.nio.file.Path;
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
}
