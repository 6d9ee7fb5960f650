package dev.ringtail.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** JMH JSON result rows as {@code -rf json} writes them, for the generator's tests. */
final class JmhJson {
    private JmhJson() {
    }

    /** Writes {@code rows} to {@code file} as one JMH result array and returns the file. */
    static Path write(Path file, String... rows) throws IOException {
        Files.writeString(file, "[" + String.join(",", rows) + "]");
        return file;
    }

    /** A one-thread SampleTime row whose p99.9 is twice its p99. */
    static String sample(String benchmark, String params, double p50, double p99) {
        return sample(benchmark, params, 1, p50, p99, p99 * 2);
    }

    /**
     * A SampleTime row in ns/op: p90 twice p50, p99.99 twice p99.9, 0.5 B/op.
     *
     * @param benchmark class and method, e.g. {@code RingtailSlf4jBenchmark.oneThread}
     * @param params    the params object, e.g. {@code {"args":"1"}}
     */
    static String sample(String benchmark, String params, int threads, double p50, double p99, double p999) {
        return String.format(Locale.ROOT, "{\"jmhVersion\":\"1.37\",\"benchmark\":\"dev.ringtail.bench.%s\","
                        + "\"mode\":\"sample\",\"threads\":%d,\"forks\":1,\"jdkVersion\":\"17\",\"vmName\":\"VM\","
                        + "\"vmVersion\":\"17\",\"params\":%s,\"primaryMetric\":{\"score\":%f,\"scoreError\":1.0,"
                        + "\"scorePercentiles\":{\"50.0\":%f,\"90.0\":%f,\"99.0\":%f,\"99.9\":%f,\"99.99\":%f},"
                        + "\"scoreUnit\":\"ns/op\"},\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":0.5,"
                        + "\"scoreUnit\":\"B/op\"}}}", benchmark, threads, params, p50, p50, p50 * 2, p99, p999, p999 * 2);
    }

    /** A one-thread Throughput row. */
    static String throughput(String benchmark, String params, double opsPerNs, double alloc) {
        return throughput(benchmark, params, 1, opsPerNs, alloc);
    }

    /** A Throughput row in ops/ns; {@code alloc} NaN leaves out the {@code -prof gc} metric. */
    static String throughput(String benchmark, String params, int threads, double opsPerNs, double alloc) {
        String secondary = Double.isNaN(alloc) ? "{}" : String.format(Locale.ROOT,
                "{\"\u00b7gc.alloc.rate.norm\":{\"score\":%f,\"scoreUnit\":\"B/op\"}}", alloc);
        return String.format(Locale.ROOT, "{\"benchmark\":\"dev.ringtail.bench.%s\",\"mode\":\"thrpt\",\"threads\":%d,"
                        + "\"params\":%s,\"primaryMetric\":{\"score\":%f,\"scoreError\":0.001,\"scoreUnit\":\"ops/ns\"},"
                        + "\"secondaryMetrics\":%s}", benchmark, threads, params, opsPerNs, secondary);
    }

    /** An end-to-end row: one thread, ops/s, one operation being one event. */
    static String endToEnd(String benchmark, String params, double eventsPerSecond) {
        return String.format(Locale.ROOT, "{\"benchmark\":\"dev.ringtail.bench.%s\",\"mode\":\"thrpt\",\"threads\":1,"
                + "\"params\":%s,\"primaryMetric\":{\"score\":%f,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\"},"
                + "\"secondaryMetrics\":{}}", benchmark, params, eventsPerSecond);
    }
}
