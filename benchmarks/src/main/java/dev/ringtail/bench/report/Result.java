package dev.ringtail.bench.report;

import java.util.Map;

/**
 * One JMH result: a benchmark method in one mode, with its parameters.
 *
 * @param benchmark   fully qualified method, e.g. {@code dev.ringtail.bench.LogbackAsyncBenchmark.oneThread}
 * @param mode        JMH's short label: {@code sample}, {@code thrpt}, {@code avgt}, {@code ss}
 * @param percentiles for {@code sample}: percentile (e.g. 99.9) to value, in {@code unit}
 * @param allocBytes  {@code gc.alloc.rate.norm} (bytes per operation), NaN without {@code -prof gc}
 */
record Result(String benchmark, String mode, int threads, Map<String, String> params, double score, double error,
              String unit, Map<Double, Double> percentiles, double allocBytes) {

    String className() {
        String withoutMethod = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return withoutMethod.substring(withoutMethod.lastIndexOf('.') + 1);
    }

    String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    boolean isSample() {
        return "sample".equals(mode);
    }

    boolean isThroughput() {
        return "thrpt".equals(mode);
    }

    /** The p-th percentile in nanoseconds; NaN if absent. */
    double percentileNanos(double p) {
        Double v = percentiles.get(p);
        return v == null ? Double.NaN : v * Units.nanosPer(unit);
    }

    /** Operations per second, for a throughput result. */
    double opsPerSecond() {
        return score * Units.perSecond(unit);
    }

    /**
     * Events per second, for an end-to-end result: its benchmark method declares
     * {@code @OperationsPerInvocation(EVENTS)}, so one operation is one event.
     */
    double eventsPerSecond() {
        return opsPerSecond();
    }

    String param(String key) {
        return params.get(key);
    }
}
