package dev.ringtail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A demo run's figures as a small machine-readable file: one {@code key<TAB>value} a line, every
 * value a whole number. The demo writes it ({@code --summary FILE}); the docs generator reads it
 * back for the burst goal ({@code report --burst FILE}). This class owns the format: its keys, the
 * writing and the reading.
 */
public final class DemoSummary {
    /** Events per second offered over all threads; 0 when unpaced. */
    public static final String RATE = "rate";
    /** Events a thread logs back to back before it paces itself. */
    public static final String BURST = "burst";
    public static final String THREADS = "threads";
    /** Log calls made (the pipeline's attempted count). */
    public static final String EVENTS = "events";
    public static final String ACCEPTED = "accepted";
    /** Refused because the ring was full. */
    public static final String DROPPED = "dropped";
    /** Delivered with a 2xx. */
    public static final String DELIVERED = "delivered";
    /** Accepted, then shed by the sink (it gave up on a batch). */
    public static final String FAILED = "failed";
    /** Delivered events per second from the first call to the last delivery. */
    public static final String END_TO_END_EVENTS_PER_SECOND = "end_to_end_events_per_second";
    /** Enqueue latency of one log call, timer included. */
    public static final String P50_NANOS = "p50_ns";
    public static final String P99_NANOS = "p99_ns";
    public static final String P999_NANOS = "p99.9_ns";

    private static final String SEPARATOR = "\t";

    private final Map<String, Long> values = new LinkedHashMap<>();

    /** Sets one figure; the file lists them in the order they were put. */
    public DemoSummary put(String key, long value) {
        values.put(key, value);
        return this;
    }

    /** The figure, or empty if the file had none (an older demo, or a foreign line). */
    public OptionalLong get(String key) {
        Long v = values.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append(SEPARATOR).append(v).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The summary in {@code file}; empty if there is no such file. A line not a key and a whole number is skipped. */
    public static Optional<DemoSummary> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        DemoSummary summary = new DemoSummary();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split(SEPARATOR);
            if (f.length == 2) {
                try {
                    summary.put(f[0].trim(), Long.parseLong(f[1].trim()));
                } catch (NumberFormatException notOurs) {
                    // skipped, like any line that is not key<TAB>number
                }
            }
        }
        return Optional.of(summary);
    }
}
