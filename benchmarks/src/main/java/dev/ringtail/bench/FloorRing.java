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

/**
 * The machine's floor, what any ring-based logger must do at the least: a bare Disruptor 4
 * multi-producer ring of {@value #SIZE} slots, a consumer thread that reads every event, and a
 * call ({@link #publish}) that claims a slot with {@code tryNext()}, writes a small preallocated
 * event and publishes it. No level check, no capture, no admission. {@link FloorBenchmark} times
 * it under JMH; the demo times it call by call, so both read ringtail against the same floor.
 *
 * <p>{@link #PARK}: the consumer parks 1 ms between polls and producers never signal it, so it
 * takes the events in batches and a call seldom touches a cache line the consumer's core holds.
 * {@link #BUSY_SPIN}: the consumer polls without pause and reads each event as it is published,
 * so the call pays the hand-off of the slot and the cursor between the two cores.
 */
public final class FloorRing {
    /** The consumer parks between polls. */
    public static final String PARK = "park";
    /** The consumer spins between polls. */
    public static final String BUSY_SPIN = "busyspin";

    /**
     * A power of two (the Disruptor needs one) as ringtail's default ring of 10,000 becomes: a 1 ms
     * nap of the consumer leaves at most about 1,000 paced calls of two threads pending.
     */
    public static final int SIZE = 16_384;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** No spins or yields before parking: the consumer is either asleep or draining. */
    private static final int NO_RETRIES = 0;

    private final RingBuffer<Slot> ring;
    private final BatchEventProcessor<Slot> processor;
    private final Thread consumerThread;
    private final Drain drain = new Drain();

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

    private FloorRing(String consumer) {
        ring = RingBuffer.createMultiProducer(Slot::new, SIZE, waitStrategy(consumer));
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), drain);
        ring.addGatingSequences(processor.getSequence());
        consumerThread = new Thread(processor, "floor-consumer");
        consumerThread.setDaemon(true); // a consumer that failed to stop never keeps the JVM alive
    }

    /** A ring whose consumer ({@link #PARK} or {@link #BUSY_SPIN}) is running. */
    public static FloorRing start(String consumer) {
        FloorRing floor = new FloorRing(consumer);
        floor.consumerThread.start();
        return floor;
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

    /** The floor's call: claims a slot, fills it, publishes it; false if the ring is full. Allocates nothing. */
    public boolean publish(String pattern, Object argument) {
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false; // a preallocated exception: refusing allocates nothing
        }
        Slot slot = ring.get(sequence);
        slot.pattern = pattern;
        slot.argument = argument;
        ring.publish(sequence);
        return true;
    }

    /**
     * Lets the consumer read what is published (for at most {@code timeout}), stops it and returns
     * how many events it read. {@link #checkStopped} then tells whether it did stop.
     */
    public long stop(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processor.getSequence().get() < ring.getCursor() && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        processor.halt();
        consumerThread.join(timeout.toMillis());
        return drain.events; // the join orders the consumer's plain writes before this read
    }

    /** @throws IllegalStateException if the consumer was still running after {@link #stop} */
    public void checkStopped() {
        if (consumerThread.isAlive()) {
            throw new IllegalStateException("floor consumer did not stop");
        }
    }
}
