package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ringtail.testing.StderrText;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A real pipe nobody reads as the application's stderr ({@code swapin/BlockedStderrApp.java}, in
 * a fresh JVM with the all jar, console only): its log calls must all return while stderr is
 * full, and once the pipe is read ringtail says how many of its lines it could not print.
 */
class BlockedStderrIT {
    private static final int CALLS = 8 * 1000;
    private static final Pattern SLOWEST = Pattern.compile("APP calls returned, slowest (\\d+) ms");
    private static final String LATE = "[WARN] late: after shutdown";

    @Test
    void logCallsReturnWhileStderrIsAFullPipeAndTheLostLinesAreReportedOnceItIsRead() throws Exception {
        new SwapInApp("BlockedStderrApp"); // compiles it against slf4j-api alone
        Path work = Paths.get(System.getProperty("ringtail.it.work"));
        Path out = Files.createTempFile(work, "blocked-stdout", ".txt");
        String classpath = String.join(File.pathSeparator, jarOf(LoggerFactory.class),
                System.getProperty("ringtail.it.allJar"), work.resolve("BlockedStderrApp-classes").toString());
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dringtail.console=true", "-cp", classpath, "BlockedStderrApp")
                .redirectOutput(out.toFile()); // stderr stays a pipe, and nobody reads it yet
        builder.environment().keySet().removeIf(k -> k.startsWith("RINGTAIL_") || k.contains("SOURCE_TOKEN"));
        Process process = builder.start();
        try {
            // before the fix the first after-shutdown call blocked in println and this never came
            await().atMost(Duration.ofSeconds(60)).until(() -> SLOWEST.matcher(Files.readString(out)).find());
            Matcher slowest = SLOWEST.matcher(Files.readString(out));
            assertThat(slowest.find()).isTrue();
            assertThat(Long.parseLong(slowest.group(1))).as("slowest log call, ms").isLessThan(2_000);

            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(process.getErrorStream(), stderr), "stderr-reader");
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String text = text(stderr);
                return StderrText.NOT_PRINTED.matcher(text).find() && StderrText.count(text, LATE) + StderrText.notPrinted(text) == CALLS;
            });
            assertThat(text(stderr)).contains("not sent, logged from inside the pipeline");
            assertThat(StderrText.count(text(stderr), LATE)).as("the pipe and the queue are bounded").isLessThan(CALLS);

            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write("exit\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits").isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(Files.readString(out)).contains("APP shutdown true").contains("APP exiting");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream into) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (into) {
                    into.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
