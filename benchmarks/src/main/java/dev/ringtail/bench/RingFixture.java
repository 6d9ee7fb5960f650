package dev.ringtail.bench;

import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import dev.ringtail.internal.ring.WaitStrategyKind;
import java.time.Duration;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The pipeline a ringtail enqueue row publishes into, built and closed the same way for every
 * row: either a ring whose no-op sink keeps up, or a full one whose consumer has stalled. Closing
 * records the trial's outcome (accepted, dropped), so every enqueue number can be read with the
 * share of its calls that reached the ring.
 */
final class RingFixture {
    /** Small, so filling it in set-up is quick; refusing a call does not depend on the ring's size. */
    static final int FULL_RING_SIZE = 1024;
    /** Plenty for a no-op sink to drain what is left, or for a released stalled one to finish. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(5);
    /** With no summary event due while measuring, none takes a slot of the full ring the moment one frees. */
    private static final Duration NO_DROP_REPORT = Duration.ofHours(1);

    private final Pipeline pipeline;
    private final StalledSink stalled;

    private RingFixture(Pipeline pipeline, StalledSink stalled) {
        this.pipeline = pipeline;
        this.stalled = stalled;
    }

    /** {@link #keepingUp(String, int)} with the default ring size. */
    static RingFixture keepingUp(String waitStrategy) {
        return keepingUp(waitStrategy, PipelineBuilder.DEFAULT_RING_SIZE);
    }

    /**
     * A started pipeline whose one sink consumes and forgets, so the ring is
     * not permanently full and producers measure the publish path.
     *
     * @param waitStrategy the consumer's wait, as {@code ringtail.waitStrategy} spells it
     * @param ringSize     the limit of pending events, as {@code ringtail.ringSize}
     */
    static RingFixture keepingUp(String waitStrategy, int ringSize) {
        WaitStrategyKind kind = WaitStrategyKind.parse(waitStrategy);
        if (kind == null) {
            throw new IllegalArgumentException("unknown wait strategy: " + waitStrategy);
        }
        return new RingFixture(Pipeline.builder().jmx(false).ringSize(ringSize).waitStrategy(kind)
                .sink(new NoOpSink()).build().start(),
                null);
    }

    /**
     * A started pipeline of {@value #FULL_RING_SIZE} slots whose consumer stops at the first event;
     * {@link #fill} it before measuring.
     */
    static RingFixture stalled() {
        StalledSink sink = new StalledSink();
        return new RingFixture(Pipeline.builder().jmx(false).ringSize(FULL_RING_SIZE)
                .dropReportInterval(NO_DROP_REPORT).sink(sink).build().start(), sink);
    }

    Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Makes {@code call} until the ring refuses it, and checks that it does: INFO stops at the
     * reserve (90 % of the limit), and that refusal is what a full-ring row measures.
     */
    void fill(Runnable call) {
        for (int i = 0; i <= 2 * FULL_RING_SIZE; i++) {
            call.run();
        }
        long dropped = pipeline.stats().dropped();
        call.run();
        if (pipeline.stats().dropped() == dropped) {
            throw new IllegalStateException("ring did not fill: " + pipeline.stats());
        }
    }

    /** Releases a stalled consumer, shuts the pipeline down and records the trial's outcome. */
    void close(BenchmarkParams params) {
        if (stalled != null) {
            stalled.release();
        }
        pipeline.shutdown(SHUTDOWN);
        Outcomes.record(params, pipeline.stats());
    }
}
