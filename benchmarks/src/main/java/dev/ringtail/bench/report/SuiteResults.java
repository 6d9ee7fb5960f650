package dev.ringtail.bench.report;

import dev.ringtail.bench.FloorBenchmark;
import dev.ringtail.bench.Outcomes;
import dev.ringtail.internal.http.HttpSinkBuilder;
import dev.ringtail.internal.ring.PipelineBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One run's results as the document asks for them: which row stands for a logger, the enqueue
 * rows in table order, and what share of a row's calls the ring accepted (from the outcomes file).
 */
final class SuiteResults {
    static final String FLOOR = "FloorBenchmark";
    static final String RINGTAIL = "RingtailSlf4jBenchmark";
    static final String SYNC = "SyncBaselineBenchmark";
    static final String LOG4J2 = "Log4j2AsyncBenchmark";
    static final String LOGBACK = "LogbackAsyncBenchmark";
    static final String LOGTAIL = "LogtailBenchmark";
    static final String END_TO_END_SUFFIX = "EndToEndBenchmark";
    static final String RINGTAIL_END_TO_END = "RingtailEndToEndBenchmark";
    static final String LOGTAIL_END_TO_END = "LogtailEndToEndBenchmark";
    /** ringtail's default deflate level: of {@code -p gzipLevel=1,6}, the end-to-end row judged. */
    static final String DEFAULT_GZIP_LEVEL = Integer.toString(HttpSinkBuilder.DEFAULT_GZIP_LEVEL);

    static final String SAMPLE = "sample";
    static final String THROUGHPUT = "thrpt";
    /** ringtail's default consumer wait: the rows the goals are judged on. */
    static final String DEFAULT_WAIT = "timeout";
    /** ringtail's default ring ({@code ringtail.ringSize}): of {@code -p ringSize=2000,10000}, the row judged. */
    static final String DEFAULT_RING_SIZE = Integer.toString(PipelineBuilder.DEFAULT_RING_SIZE);
    /** The call every peer makes too: one argument, no MDC, no key-values. */
    static final String ONE_ARG = "1";
    static final String NO_CONTEXT = "none";

    /** Display names of the enqueue rows, in the order the tables list them: the floor first, the yardstick last. */
    static final Map<String, String> ENQUEUE = new LinkedHashMap<>();

    static {
        ENQUEUE.put(FLOOR, "floor: bare Disruptor publish");
        ENQUEUE.put(RINGTAIL, "ringtail (SLF4J)");
        ENQUEUE.put("CorePublishBenchmark", "ringtail core publish (no SLF4J)");
        ENQUEUE.put("RingtailSlf4jDropBenchmark", "ringtail, full ring (SLF4J)");
        ENQUEUE.put("CoreDropBenchmark", "ringtail, full ring (core)");
        ENQUEUE.put(LOG4J2, "Log4j2 all-async");
        ENQUEUE.put(LOGBACK, "Logback AsyncAppender");
        ENQUEUE.put(LOGTAIL, "logback-logtail");
        ENQUEUE.put(SYNC, "synchronous POST");
    }

    private static final List<String> CONTEXT_ORDER = List.of("none", "mdc", "kv");
    private static final List<String> FLOOR_ORDER = List.of(FloorBenchmark.PARK, FloorBenchmark.BUSY_SPIN);

    private final List<Result> results;
    private final Map<String, Outcomes.Counts> outcomes;

    SuiteResults(List<Result> results, Map<String, Outcomes.Counts> outcomes) {
        this.results = List.copyOf(results);
        this.outcomes = Map.copyOf(outcomes);
    }

    List<Result> all() {
        return results;
    }

    List<Result> matching(Predicate<Result> filter) {
        List<Result> rows = new ArrayList<>();
        for (Result r : results) {
            if (filter.test(r)) {
                rows.add(r);
            }
        }
        return rows;
    }

    /**
     * The row that stands for a logger: its only one, or for ringtail the one-argument call
     * without context on the default consumer wait and ring, the call every peer makes too.
     */
    Optional<Result> canonical(String className, String mode, int threads) {
        if (className.equals(RINGTAIL)) {
            return ringtail(mode, threads, ONE_ARG, NO_CONTEXT);
        }
        return results.stream().filter(r -> r.className().equals(className) && r.mode().equals(mode)
                && r.threads() == threads && r.params().isEmpty()).findFirst();
    }

    /** ringtail's SLF4J row with these arguments and context, on the default consumer wait and ring. */
    Optional<Result> ringtail(String mode, int threads, String args, String context) {
        return results.stream().filter(r -> r.className().equals(RINGTAIL) && r.mode().equals(mode)
                && r.threads() == threads && args.equals(r.param("args")) && context.equals(r.param("context"))
                && isDefaultWait(r) && isDefaultRing(r)).findFirst();
    }

    static boolean isDefaultWait(Result r) {
        return DEFAULT_WAIT.equals(r.params().getOrDefault("waitStrategy", DEFAULT_WAIT));
    }

    /** A row without the ring-size parameter ran on the default ring. */
    static boolean isDefaultRing(Result r) {
        return DEFAULT_RING_SIZE.equals(r.params().getOrDefault("ringSize", DEFAULT_RING_SIZE));
    }

    /** ringtail's end-to-end row with gzip on, at the default level if the run varied it. */
    Optional<Result> ringtailEndToEnd() {
        return results.stream().filter(r -> r.className().equals(RINGTAIL_END_TO_END) && "true".equals(r.param("gzip"))
                && DEFAULT_GZIP_LEVEL.equals(r.params().getOrDefault("gzipLevel", DEFAULT_GZIP_LEVEL))).findFirst();
    }

    /** The floor's SampleTime row with this consumer ({@link FloorBenchmark#PARK} or {@code BUSY_SPIN}). */
    Optional<Result> floor(String consumer, int threads) {
        return results.stream().filter(r -> r.className().equals(FLOOR) && r.isSample() && r.threads() == threads
                && consumer.equals(r.param("consumer"))).findFirst();
    }

    /** The enqueue rows of one mode, in table order. */
    List<Result> enqueueRows(String mode) {
        List<String> order = new ArrayList<>(ENQUEUE.keySet());
        List<Result> rows = matching(r -> r.mode().equals(mode) && ENQUEUE.containsKey(r.className()));
        rows.sort(Comparator.<Result>comparingInt(r -> order.indexOf(r.className()))
                .thenComparingInt(r -> FLOOR_ORDER.indexOf(r.params().getOrDefault("consumer", "")))
                .thenComparingInt(r -> CONTEXT_ORDER.indexOf(r.params().getOrDefault("context", "")))
                .thenComparing(r -> r.params().getOrDefault("args", ""))
                .thenComparingInt(r -> Integer.parseInt(r.params().getOrDefault("ringSize", DEFAULT_RING_SIZE)))
                .thenComparingInt(Result::threads));
        return rows;
    }

    /** The share of the row's calls the ring accepted over its trial; NaN if not recorded. */
    double acceptedShare(Result r) {
        Outcomes.Counts counts = outcomes.get(Outcomes.key(r.benchmark(), r.mode(), r.threads(), r.params()));
        return counts == null ? Double.NaN : counts.acceptedShare();
    }
}
