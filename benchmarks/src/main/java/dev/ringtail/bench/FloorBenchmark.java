package dev.ringtail.bench;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The machine's floor, the row every ringtail figure is read against: a {@link FloorRing}, a bare
 * Disruptor 4 multi-producer ring whose call claims a slot, writes a small preallocated event and
 * publishes it. Paced exactly as the ringtail rows, so what ringtail adds on top is its own work.
 * {@code consumer} is {@link #PARK} (the consumer parks 1 ms between polls, never signalled) or
 * {@link #BUSY_SPIN} (it reads each event as it is published); see {@link FloorRing}. SampleTime
 * only: the floor is read against ringtail's percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
public class FloorBenchmark extends PacedBenchmark {
    /** The consumer parks between polls. */
    public static final String PARK = FloorRing.PARK;
    /** The consumer spins between polls. */
    public static final String BUSY_SPIN = FloorRing.BUSY_SPIN;

    private static final Duration DRAIN = Duration.ofSeconds(5);

    @Param({PARK, BUSY_SPIN})
    public String consumer;

    private FloorRing floor;
    private final LongAdder refused = new LongAdder();

    @Setup
    public void setUp() {
        floor = FloorRing.start(consumer);
    }

    @TearDown
    public void tearDown(BenchmarkParams params) throws InterruptedException {
        Outcomes.record(params, floor.stop(DRAIN), refused.sum());
        floor.checkStopped();
    }

    @Override
    protected void log() {
        if (!floor.publish(SameMessage.ONE_ARG, SameMessage.ORDER_ID)) {
            refused.increment();
        }
    }
}
