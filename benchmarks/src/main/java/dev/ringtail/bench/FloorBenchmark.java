package dev.ringtail.bench;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The machine's floor, the row every ringtail figure is read against: what any ring-based logger
 * must do at the least. A bare Disruptor 4 multi-producer ring; the call claims a slot with
 * {@code tryNext()}, writes a small preallocated event and {@code publish()}es it. No level check,
 * no capture, no admission. Paced exactly as the ringtail rows, so what ringtail adds on top is
 * its own work.
 *
 * <p>{@code consumer=park}: the consumer parks 1 ms between polls and producers never signal it,
 * so it takes the events in batches and a call seldom touches a cache line the consumer's core
 * holds. {@code consumer=busyspin}: the consumer polls without pause and reads each event as it is
 * published, so the call pays the hand-off of the slot and the cursor between the two cores.
 * SampleTime only: the floor is read against ringtail's percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
public class FloorBenchmark extends PacedBenchmark {
    /** The consumer parks between polls. */
    public static final String PARK = "park";
    /** The consumer spins between polls. */
    public static final String BUSY_SPIN = "busyspin";

    /**
     * A power of two (the Disruptor needs one) as ringtail's default ring of 10,000 becomes: a 1 ms
     * nap of the consumer leaves at most about 1,000 paced calls of two threads pending.
     */
    private static final int RING_SIZE = 16_384;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** No spins or yields before parking: the consumer is either asleep or draining. */
    private static final int NO_RETRIES = 0;
    private static final Duration DRAIN = Duration.ofSeconds(5);

    @Param({PARK, BUSY_SPIN})
    public String consumer;

    private RingBuffer<Slot> ring;
    private BatchEventProcessor<Slot> processor;
    private Thread consumerThread;
    private final Drain drain = new Drain();
    private final LongAdder refused = new LongAdder();

    /** The preallocated event: what a log call would hand over, at its smallest. */
    static final class Slot {
        String pattern;
        Object argument;
    }

    /** Reads each event, as a real consumer must; touched only by the consumer thread. */
    static final class Drain implements EventHandler<Slot> {
        private long events;
        private Object last;

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            last = slot.argument;
            events++;
        }
    }

    @Setup
    public void setUp() {
        ring = RingBuffer.createMultiProducer(Slot::new, RING_SIZE, waitStrategy(consumer));
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), drain);
        ring.addGatingSequences(processor.getSequence());
        consumerThread = new Thread(processor, "floor-consumer");
        consumerThread.setDaemon(true); // a consumer that failed to stop never keeps the fork alive
        consumerThread.start();
    }

    private static WaitStrategy waitStrategy(String consumer) {
        switch (consumer) {
            case PARK:
                return new SleepingWaitStrategy(NO_RETRIES, PARK_NANOS);
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalArgumentException("consumer is " + PARK + " or " + BUSY_SPIN + ", not " + consumer);
        }
    }

    @TearDown
    public void tearDown(BenchmarkParams params) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (processor.getSequence().get() < ring.getCursor() && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        processor.halt();
        consumerThread.join(DRAIN.toMillis());
        // the join orders the consumer's plain writes before this read
        Outcomes.record(params, drain.events, refused.sum());
        if (consumerThread.isAlive()) {
            throw new IllegalStateException("floor consumer did not stop within " + DRAIN);
        }
    }

    @Override
    protected void log() {
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            refused.increment(); // a preallocated exception: refusing allocates nothing
            return;
        }
        Slot slot = ring.get(sequence);
        slot.pattern = SameMessage.ONE_ARG;
        slot.argument = SameMessage.ORDER_ID;
        ring.publish(sequence);
    }
}
