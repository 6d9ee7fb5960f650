package dev.ringtail;

/** {@code dev.ringtail:type=Pipeline}: the producer side's counters. */
public interface PipelineMXBean {
    long getAttempted();

    long getAccepted();

    long getDropped();

    long getPending();

    long getRingSize();

    long getDroppedTrace();

    long getDroppedDebug();

    long getDroppedInfo();

    long getDroppedWarn();

    long getDroppedError();

    /** Dropped because the ring held {@code ringtail.ringSize} pending events. */
    long getDroppedRingFull();

    /** TRACE to INFO dropped to keep the reserve free for WARN and ERROR. */
    long getDroppedReserve();

    /** Dropped because holding them would have passed {@code ringtail.ring.maxBytes}. */
    long getDroppedMemory();

    /** Logged from inside ringtail: never published into the ring. */
    long getDroppedReentrant();

    /** Logged after shutdown began (printed on stderr). */
    long getDroppedAfterShutdown();

    /** Capturing the event threw. */
    long getDroppedFillFailed();
}
