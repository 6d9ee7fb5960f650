package dev.ringtail.bench;

import dev.ringtail.PipelineStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What happened to the events of one trial, so an enqueue number measured on an accepting ring
 * can be told from one measured on a full ring. Printed to the run log always; also appended to
 * the file named by {@value #FILE_PROPERTY} (the suite script sets it) for the docs generator,
 * which reads it back with {@link #read}. This class owns that file's format: one line per
 * trial, tab-separated, the {@link #key key} (benchmark, mode, threads, parameters) then the
 * accepted and the dropped count.
 */
public final class Outcomes {
    /** System property naming the outcomes file; one tab-separated line per trial. */
    public static final String FILE_PROPERTY = "ringtail.bench.outcomes";
    private static final char SEPARATOR = '\t';
    /** The four fields of the key, then accepted and dropped. */
    private static final int FIELDS = 6;
    private static final int KEY_FIELDS = 4;

    /** Accepted and dropped calls, summed over a benchmark's trials. */
    public record Counts(long accepted, long dropped) {
        Counts plus(Counts other) {
            return new Counts(accepted + other.accepted, dropped + other.dropped);
        }

        public long total() {
            return accepted + dropped;
        }

        /** The share of calls the ring accepted; NaN when nothing was counted. */
        public double acceptedShare() {
            return total() == 0 ? Double.NaN : (double) accepted / total();
        }
    }

    private Outcomes() {
    }

    static void record(BenchmarkParams params, PipelineStats stats) {
        record(params, stats.toString(), stats.accepted(), stats.dropped());
    }

    /** For a row that counts its own calls rather than keeping a ringtail pipeline. */
    static void record(BenchmarkParams params, long accepted, long dropped) {
        record(params, "accepted=" + accepted + " dropped=" + dropped, accepted, dropped);
    }

    private static void record(BenchmarkParams params, String shown, long accepted, long dropped) {
        System.out.println("[outcome] " + key(params) + ": " + shown);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            append(Path.of(file), key(params), new Counts(accepted, dropped));
        } catch (IOException e) {
            System.out.println("[outcome] cannot append to " + file + ": " + e);
        }
    }

    static void print(String benchmark, String text) {
        System.out.println("[outcome] " + benchmark + ": " + text);
    }

    /** Appends one trial's line; forks run one after another, so lines never interleave. */
    static void append(Path file, String key, Counts counts) throws IOException {
        String line = key + SEPARATOR + counts.accepted() + SEPARATOR + counts.dropped() + '\n';
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The counts per key, the trials of one key added up; empty if the file does not exist. A line
     * that is not one of ours (another field count) is skipped.
     */
    public static Map<String, Counts> read(Path file) throws IOException {
        Map<String, Counts> counts = new HashMap<>();
        if (!Files.exists(file)) {
            return counts;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split(String.valueOf(SEPARATOR));
            if (f.length == FIELDS) {
                String key = String.join(String.valueOf(SEPARATOR), Arrays.copyOf(f, KEY_FIELDS));
                Counts trial = new Counts(Long.parseLong(f[KEY_FIELDS]), Long.parseLong(f[KEY_FIELDS + 1]));
                counts.merge(key, trial, Counts::plus);
            }
        }
        return counts;
    }

    /** benchmark, mode, threads and sorted params: the same key the generator builds from JMH's JSON. */
    public static String key(String benchmark, String mode, int threads, Map<String, String> params) {
        StringBuilder key = new StringBuilder(benchmark).append(SEPARATOR).append(mode).append(SEPARATOR)
                .append(threads).append(SEPARATOR);
        new TreeMap<>(params).forEach((k, v) -> key.append(k).append('=').append(v).append(';'));
        return key.toString();
    }

    private static String key(BenchmarkParams params) {
        TreeMap<String, String> values = new TreeMap<>();
        for (String k : params.getParamsKeys()) {
            values.put(k, params.getParam(k));
        }
        return key(params.getBenchmark(), params.getMode().shortLabel(), params.getThreads(), values);
    }
}
