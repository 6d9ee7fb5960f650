package dev.ringtail.bench.report;

/**
 * The goals the report gives a verdict on, and the bars it judges a verdict by. Each says where it
 * comes from; change a goal here, and the table text and the verdicts follow. The goals are public
 * so the demo can hold its own run against them; the generator's own bars are not goals and stay
 * package-private.
 */
public final class Goals {
    /**
     * ringtail's call at least this many times faster than the synchronous POST, at p50: the
     * benchmarks' acceptance criteria (issue #6, "at least 1000× faster").
     */
    public static final double SYNC_SPEEDUP = 1000;

    /**
     * ringtail's call at most this share of Log4j2 all-async's time, at p50: the same acceptance
     * criteria ("0.8× its time or less").
     */
    public static final double LOG4J2_TIME_SHARE = 0.8;

    /**
     * Bytes allocated per call without MDC, by all threads of the fork (JMH {@code -prof gc}):
     * the same acceptance criteria ("0 B without MDC").
     */
    public static final double ALLOCATION_BYTES = 0;

    /**
     * The allocation goal covers calls with up to this many arguments. With three, SLF4J 2 (which
     * has no three-argument overload) allocates the varargs array at the call site, before any
     * provider runs, so that row is shown for reference.
     */
    public static final int ALLOCATION_GOAL_MAX_ARGS = 1;

    /** The hot path, one thread, accepted calls: ringtail's canonical call at p50, at most this. */
    public static final double HOT_PATH_P50_NANOS = 100;

    /** The hot path, one thread, accepted calls: at p99, at most this. */
    public static final double HOT_PATH_P99_NANOS = 1_000;

    /** The hot path, one thread, accepted calls: at p99.9, at most this. */
    public static final double HOT_PATH_P999_NANOS = 20_000;

    /** The same call from two threads at once: at p50, at most this. */
    public static final double TWO_THREADS_P50_NANOS = 150;

    /** ringtail's p50 at most this share of logback-logtail's (BetterStack's own appender), one thread. */
    public static final double LOGTAIL_P50_TIME_SHARE = 0.67;

    /**
     * ringtail faster than logback-logtail at every percentile the table shows (p50, p99, p99.9):
     * ringtail's time over logtail's below this at each.
     */
    public static final double LOGTAIL_EVERY_PERCENTILE_RATIO = 1;

    /**
     * ringtail's p50 at most this share of Log4j2 all-async's, one thread: the hot path's bar,
     * tighter than {@link #LOG4J2_TIME_SHARE}.
     */
    public static final double LOG4J2_ALL_ASYNC_P50_TIME_SHARE = 0.25;

    /** The fluent API with two key-values (one argument, one thread): bytes per call, at most this. */
    public static final double FLUENT_KV_BYTES = 48;

    /** The fluent API with two key-values (one argument, one thread): p50, at most this. */
    public static final double FLUENT_KV_P50_NANOS = 200;

    /** End to end, ringtail with gzip at the default level: events per second, at least this. */
    public static final double END_TO_END_EVENTS_PER_SECOND = 600_000;

    /** End to end, ringtail with gzip: at least this multiple of logback-logtail's events per second, same run. */
    public static final double END_TO_END_LOGTAIL_MULTIPLE = 2.5;

    /** The burst goal's offered load: events per second over all the application's threads. */
    public static final int BURST_RATE = 300_000;

    /** The burst goal's burst: events a thread logs back to back before it paces itself. */
    public static final int BURST_SIZE = 1_000;

    /** At that load, the events the ring may drop (and the sink may shed): none. */
    public static final long BURST_DROPS = 0;

    /** An idle pipeline's consumer: at most this share of one core. */
    public static final double IDLE_CORE_SHARE = 0.01;

    /** A lone event is delivered within the sink's flushMillis plus this many milliseconds. */
    public static final long LONE_EVENT_SLACK_MILLIS = 100;

    /**
     * The generator's own bar, not a goal: JMH's allocation accounting leaves fractions of a byte
     * per call of noise (its own and the JIT's allocation divided over millions of calls), so a
     * figure under this much above the goal counts as met.
     */
    static final double ALLOCATION_NOISE_BYTES = 1;

    /**
     * The generator's own bar, not a goal: below this share of accepted calls a latency figure
     * mostly measures the (cheaper) drop path, so a goal met with it is marked not conclusive.
     */
    static final double CONCLUSIVE_ACCEPTED_SHARE = 0.95;

    private Goals() {
    }
}
