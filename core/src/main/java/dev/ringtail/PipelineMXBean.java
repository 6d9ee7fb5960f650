package dev.ringtail;

import dev.ringtail.internal.ring.Pipeline;

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
}
