package dev.ringtail.bench.report;

/**
 * The goals the report gives a verdict on, and the bars it judges a verdict by. Each says where it
 * comes from; change a goal here, and the table text and the verdicts follow.
 */
final class Goals {
    /**
     * ringtail's call at least this many times faster than the synchronous POST, at p50: the
     * benchmarks' acceptance criteria (issue #6, "at least 1000× faster").
     */
    static final double SYNC_SPEEDUP = 1000;

    /**
     * ringtail's call at most this share of Log4j2 all-async's time, at p50: the same acceptance
     * criteria ("0.8× its time or less").
     */
    static final double LOG4J2_TIME_SHARE = 0.8;

    /**
     * Bytes allocated per call without MDC, by all threads of the fork (JMH {@code -prof gc}):
     * the same acceptance criteria ("0 B without MDC").
     */
    static final double ALLOCATION_BYTES = 0;

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
