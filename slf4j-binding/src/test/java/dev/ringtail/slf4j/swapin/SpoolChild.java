package dev.ringtail.slf4j.swapin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The disk spool's integration tests' side of {@code swapin/SpoolApp.java}: the settings its JVM
 * runs with, the counters it prints ({@code APP stats <label> accepted=.. spooled=..}), the bytes
 * of a spool directory's segment files, and bounded waits for its lines and its exit.
 */
final class SpoolChild {
    static final String TOKEN = "it-spool-token-0123456789wxyz";
    private static final Pattern STATS = Pattern.compile("APP stats (\\S+) (.*)");

    private SpoolChild() {
    }

    /**
     * The BetterStack sink at {@code endpoint}, console off, spooling under {@code spoolDir};
     * short batches and backoff so a test sees the spool at work within seconds. Later entries
     * win: {@code extra} overrides these.
     */
    static List<String> properties(URI endpoint, Path spoolDir, long maxBytes, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "-Dringtail.betterstack.token=" + TOKEN,
                "-Dringtail.betterstack.endpoint=" + endpoint,
                "-Dringtail.console=false",
                "-Dringtail.spool.dir=" + spoolDir,
                "-Dringtail.spool.maxBytes=" + maxBytes,
                "-Dringtail.batch.flushMillis=200",
                "-Dringtail.retry.maxBackoffMillis=500",
                "-Dringtail.http.timeoutMillis=5000"));
        properties.addAll(List.of(extra));
        return properties;
    }

    /** Where the BetterStack sink spools under {@code spoolDir}. */
    static Path sinkDir(Path spoolDir) {
        return spoolDir.resolve("betterstack");
    }

    /** The counters the app printed under {@code label}. */
    static Counters counters(String stdout, String label) {
        Matcher m = STATS.matcher(stdout);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                Map<String, Long> values = new HashMap<>();
                for (String pair : m.group(2).trim().split(" ")) {
                    String[] kv = pair.split("=");
                    values.put(kv[0], Long.parseLong(kv[1]));
                }
                return new Counters(label, values);
            }
        }
        throw new AssertionError("no 'APP stats " + label + "' line in\n" + stdout);
    }

    /** Waits (bounded) until the app printed {@code text}, or exited without. */
    static void awaitLine(SwapInApp.Running running, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!running.stdout().contains(text) && running.process.isAlive() && System.nanoTime() < deadline) {
            running.process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        assertThat(running.stdout()).as("waiting for '%s'; stderr:\n%s", text, Files.readString(running.err))
                .contains(text);
    }

    /** Waits (bounded) for the app to exit, and returns what it printed. */
    static SwapInApp.Result awaitExit(SwapInApp.Running running, long seconds) throws Exception {
        if (!running.process.waitFor(seconds, TimeUnit.SECONDS)) {
            running.process.destroyForcibly();
            throw new AssertionError("the app did not exit within " + seconds + " s; stdout:\n" + running.stdout());
        }
        return running.result();
    }

    /**
     * Bytes of every segment file in {@code dir} at one moment: what {@code ringtail.spool.maxBytes}
     * bounds; -1 if the directory never held still long enough to tell. A listing is not atomic: one
     * that read the oldest segment before a full spool deleted it and the newest after the next
     * append grew it would add up to more than the disk ever held. So two listings in a row must
     * agree, name for name and size for size.
     */
    static long segmentBytes(Path dir) {
        Map<String, Long> before = segmentSizes(dir);
        for (int attempt = 0; attempt < 100; attempt++) {
            Map<String, Long> after = segmentSizes(dir);
            if (after.equals(before)) {
                return after.values().stream().mapToLong(Long::longValue).sum();
            }
            before = after;
        }
        return -1;
    }

    private static Map<String, Long> segmentSizes(Path dir) {
        Map<String, Long> sizes = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".seg")) {
                    try {
                        sizes.put(name, Files.size(file));
                    } catch (NoSuchFileException deleted) {
                        // deleted between the listing and the look: a full spool dropping its oldest
                    }
                }
            }
        } catch (NoSuchFileException notYet) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }

    /** One {@code APP stats} line. */
    record Counters(String label, Map<String, Long> values) {
        long get(String name) {
            Long value = values.get(name);
            if (value == null) {
                throw new AssertionError("no " + name + " in " + this);
            }
            return value;
        }

        /** {@code accepted + spoolFound == delivered + replayed + failed + spooled}, the sink's accounting after a drain. */
        void assertAccountedFor() {
            assertThat(get("accepted") + get("dropped")).as(toString()).isEqualTo(get("attempted"));
            assertThat(get("accepted") + get("spoolFound")).as(toString())
                    .isEqualTo(get("delivered") + get("replayed") + get("failed") + get("spooled"));
        }
    }
}
