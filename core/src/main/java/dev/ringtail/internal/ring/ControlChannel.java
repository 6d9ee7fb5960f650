package dev.ringtail.internal.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.ringtail.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * Sends flush and shutdown requests to every sink through the ring itself, so that a sink sees
 * a request only after every event published before it.
 */
final class ControlChannel {
    private final RingBuffer<LogEvent> ring;
    private final Sequence[] consumers;
    private final Clock clock;

    ControlChannel(RingBuffer<LogEvent> ring, Sequence[] consumers, Clock clock) {
        this.ring = ring;
        this.consumers = consumers;
        this.clock = clock;
    }

    /** Publishes a request and waits for every sink to answer it; true if all did, successfully, in time. */
    boolean run(ControlRequest.Type type, long deadline) {
        ControlRequest request = publish(type, deadline);
        return request != null && settle(request);
    }

    // A control event takes a slot like any other; flush and shutdown may wait for one, log calls
    // never do. Null if no slot came free before the deadline.
    ControlRequest publish(ControlRequest.Type type, long deadline) {
        ControlRequest request = new ControlRequest(type, deadline, consumers.length);
        long sequence;
        while (true) {
            try {
                sequence = ring.tryNext();
                break;
            } catch (InsufficientCapacityException full) {
                if (System.nanoTime() - deadline >= 0) {
                    return null;
                }
                Pause.millis(1);
            }
        }
        LogEvent event = ring.get(sequence);
        Instant now = clock.instant();
        event.begin(LogEvent.Kind.CONTROL, Level.INFO, DropReporter.LOGGER, Thread.currentThread().getName(),
                now.getEpochSecond(), now.getNano(), consumers.length);
        event.control(request);
        request.sequence = sequence;
        ring.publish(sequence);
        return request;
    }

    /** Waits for the sinks' answers to a published request, until its own deadline. */
    boolean settle(ControlRequest request) {
        return settle(request, request.deadlineNanos);
    }

    /** Waits for the sinks' answers until {@code deadline}; true if all answered and succeeded. */
    boolean settle(ControlRequest request, long deadline) {
        try {
            boolean answered = request.awaitAnswers(deadline);
            // the sinks answered from inside onEvent; wait the few instructions until the control
            // slot itself is released, so that after a flush or shutdown nothing is pending
            while (answered && LimitSequence.minimum(consumers) < request.sequence
                    && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            }
            return answered && request.succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
