package dev.ringtail.bench;

import dev.ringtail.PipelineStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What happened to the events of one trial, so an enqueue number measured on an accepting ring
 * can be told from one measured on a full ring. Printed to the run log always; also appended to
 * the file named by {@value #FILE_PROPERTY} (the suite script sets it) for the docs generator.
 */
public final class Outcomes {
    /** System property naming the outcomes file; one tab-separated line per trial. */
    public static final String FILE_PROPERTY = "ringtail.bench.outcomes";

    private Outcomes() {
    }

    static void record(BenchmarkParams params, PipelineStats stats) {
        System.out.println("[outcome] " + key(params) + ": " + stats);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String line = key(params) + '\t' + stats.accepted() + '\t' + stats.dropped() + '\n';
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("[outcome] cannot append to " + file + ": " + e);
        }
    }

    static void print(String benchmark, String text) {
        System.out.println("[outcome] " + benchmark + ": " + text);
    }

    /** benchmark, mode, threads and sorted params: the same key the generator builds from JMH's JSON. */
    public static String key(String benchmark, String mode, int threads, java.util.Map<String, String> params) {
        StringBuilder key = new StringBuilder(benchmark).append('\t').append(mode).append('\t').append(threads).append('\t');
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
