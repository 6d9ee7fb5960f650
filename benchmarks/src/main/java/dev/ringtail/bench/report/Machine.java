package dev.ringtail.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the docs say about the machine: read where the generator runs, right after the suite. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        StringBuilder s = new StringBuilder();
        s.append(Runtime.getRuntime().availableProcessors()).append(" CPUs");
        if (cpu != null) {
            s.append(" (").append(cpu).append(')');
        }
        if (mem != null) {
            try {
                long kb = Long.parseLong(mem.replace("kB", "").trim());
                s.append(String.format(Locale.ROOT, ", %.0f GiB RAM", kb / 1024.0 / 1024.0));
            } catch (NumberFormatException ignored) {
                s.append(", ").append(mem).append(" RAM");
            }
        }
        s.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch"));
        return s.toString();
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? null : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the docs just say less
        }
        return null;
    }
}
