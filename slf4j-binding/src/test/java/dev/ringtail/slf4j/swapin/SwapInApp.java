package dev.ringtail.slf4j.swapin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.slf4j.LoggerFactory;

/**
 * Compiles {@code swapin/SwapInApp.java} (a test resource; or another application there, such as
 * {@code swapin/EdgesApp.java}) against slf4j-api alone and runs it in a separate JVM whose
 * classpath is slf4j-api, ringtail's all jar and whatever else a test adds. The jar paths come
 * from failsafe ({@code ringtail.it.*} system properties).
 */
final class SwapInApp {
    static final String MAIN = "SwapInApp";

    private final Path allJar = Paths.get(required("ringtail.it.allJar"));
    private final Path work = Paths.get(required("ringtail.it.work"));
    private final Path slf4jApi = jarOf(LoggerFactory.class);
    private final String main;
    private final Path classes;

    SwapInApp() {
        this(MAIN);
    }

    /** @param main the application's class, compiled from {@code swapin/<main>.java} */
    SwapInApp(String main) {
        this.main = main;
        if (!Files.isRegularFile(allJar)) {
            throw new IllegalStateException("no all jar at " + allJar + ": run through `mvnw verify`");
        }
        classes = work.resolve(main.equals(MAIN) ? "app-classes" : main + "-classes");
        compile();
    }

    /** Jars of the older jackson-core and httpclient5 the pom copied for the tests. */
    static List<Path> foreignLibraries() {
        try (Stream<Path> files = Files.list(Paths.get(required("ringtail.it.libs")))) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile() {
        try {
            Path source = work.resolve("src").resolve(main + ".java");
            Files.createDirectories(source.getParent());
            Files.createDirectories(classes);
            try (InputStream in = SwapInApp.class.getResourceAsStream("/swapin/" + main + ".java")) {
                Files.write(source, in.readAllBytes());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int status = javac.run(null, null, null, "--release", "17", "-classpath", slf4jApi.toString(),
                    "-d", classes.toString(), source.toString());
            if (status != 0) {
                throw new IllegalStateException(main + " did not compile against slf4j-api alone");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the app; {@code extraJars} go after the all jar, as an application's own libraries would. */
    Result run(List<String> systemProperties, List<Path> extraJars, String... args) throws Exception {
        return finish(start("-Xmx128m", systemProperties, extraJars, args));
    }

    private static Result finish(Running running) throws Exception {
        if (!running.process.waitFor(60, TimeUnit.SECONDS)) {
            running.process.destroyForcibly();
            throw new AssertionError("the app did not exit within 60 s; stdout:\n" + Files.readString(running.out));
        }
        return running.result();
    }

    /**
     * Runs the app on the plain artifact's jars instead of the all jar: this JVM's own class path
     * (ringtail's classes, their dependencies, the test libraries), less the entries whose file
     * name contains {@code leftOut}.
     */
    Result runPlainWithout(String leftOut, List<String> systemProperties, String... args) throws Exception {
        List<Path> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry);
            if (!path.getFileName().toString().contains(leftOut) && !path.equals(allJar)) {
                classpath.add(path);
            }
        }
        return finish(launch("-Xmx128m", systemProperties, classpath, args));
    }

    /** Starts the app with the given heap limit and returns while it runs. */
    Running start(String maxHeap, List<String> systemProperties, List<Path> extraJars, String... args)
            throws IOException {
        List<Path> classpath = new ArrayList<>(List.of(slf4jApi, allJar));
        classpath.addAll(extraJars);
        return launch(List.of(), maxHeap, systemProperties, classpath, args);
    }

    /**
     * Starts the app on the all jar with no file it writes allowed past {@code kibibytes}
     * ({@code ulimit -f} in a bash that then becomes the JVM): a disk that fills, without filling one.
     */
    Running startWithFileSizeLimit(long kibibytes, String maxHeap, List<String> systemProperties, String... args)
            throws IOException {
        List<String> bash = List.of("bash", "-c", "ulimit -f " + kibibytes + " && exec \"$@\"", "file-size-limited");
        return launch(bash, maxHeap, systemProperties, List.of(slf4jApi, allJar), args);
    }

    private Running launch(String maxHeap, List<String> systemProperties, List<Path> libraries, String... args)
            throws IOException {
        return launch(List.of(), maxHeap, systemProperties, libraries, args);
    }

    private Running launch(List<String> wrapper, String maxHeap, List<String> systemProperties, List<Path> libraries,
                           String... args) throws IOException {
        List<Path> classpath = new ArrayList<>(libraries);
        classpath.add(classes);
        List<String> command = new ArrayList<>(wrapper);
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add(maxHeap);
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(main);
        command.addAll(List.of(args));

        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // the token must come only from what a test passes, never from the build's environment
        builder.environment().keySet().removeIf(k -> k.startsWith("RINGTAIL_") || k.contains("SOURCE_TOKEN"));
        return new Running(builder.start(), out, err, System.nanoTime());
    }

    /** A started app: its process and what it printed so far; closing it kills it if it still runs. */
    static final class Running implements AutoCloseable {
        final Process process;
        final Path out;
        final Path err;
        private final long startNanos;

        Running(Process process, Path out, Path err, long startNanos) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.startNanos = startNanos;
        }

        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        /** Kills the app if it is still running, so that a failed test leaves no JVM behind. */
        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Once the process has exited. */
        Result result() throws IOException {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        }
    }

    static final class Result {
        final int exitCode;
        final String stdout;
        final String stderr;
        final long millis;

        Result(int exitCode, String stdout, String stderr, long millis) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.millis = millis;
        }

        List<String> stdoutLines() {
            return List.of(stdout.split("\n"));
        }

        List<String> ringtailStderrLines() {
            return Stream.of(stderr.split("\n")).filter(l -> l.startsWith("ringtail:")).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + millis + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Path jarOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the jar of " + type, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run the *IT tests through failsafe (`mvnw verify`)");
        }
        return value;
    }
}
