package dev.ringtail.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM running a main class of the tests, on this JVM's java and class path, for what one
 * process cannot show about itself (file locks are per process; a file-size limit kills or fails
 * the whole process). Its stdout is read line by line, every wait bounded.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader stdout;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code main} with {@code args}; stderr is inherited (it shows in the test's output). */
    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        return new ChildJvm(builder(List.of(), main, args).start());
    }

    /**
     * Starts {@code main} under {@code bash -c}, {@code shell} run first (for example
     * {@code ulimit -f 100}); the java command is passed as arguments, so nothing in it is quoted.
     */
    public static ChildJvm startUnderShell(String shell, Class<?> main, String... args) throws IOException {
        return new ChildJvm(builder(List.of("bash", "-c", shell + " && exec \"$0\" \"$@\""), main, args).start());
    }

    private static ProcessBuilder builder(List<String> prefix, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx64m", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(k -> k.startsWith("RINGTAIL_") || k.startsWith("JAVA_TOOL_OPTIONS"));
        return builder;
    }

    /** The next line the child prints; null at its end. Fails after {@code timeout}. */
    public String readLine(Duration timeout) throws IOException, InterruptedException {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the child printed nothing for " + timeout, e);
        }
    }

    /** Every line the child prints until it exits. */
    public List<String> readAll(Duration timeout) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String line = readLine(timeout); line != null; line = readLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            lines.add(line);
        }
        return lines;
    }

    /** Closes the child's stdin: the signal to stop for a child that waits for it. */
    public void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** Waits for the child to exit and returns its status; fails after {@code timeout}. */
    public int exitValue(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not exit within " + timeout);
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the child at once (SIGKILL on Linux: no shutdown hook runs). */
    public void kill() {
        process.destroyForcibly();
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        kill();
    }
}
