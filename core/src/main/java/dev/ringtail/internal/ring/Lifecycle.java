package dev.ringtail.internal.ring;

/** Where a pipeline is in its life. It only moves forward: {@code NEW -> RUNNING -> STOPPING -> STOPPED}. */
enum Lifecycle {
    /** Built; events are accepted and wait in the ring until {@code start()}. */
    NEW(false),
    /** Consumers run. */
    RUNNING(false),
    /** Shutdown is draining the ring; new events go to stderr and are counted dropped. */
    STOPPING(true),
    /** Drained (or abandoned at the deadline) and closed. */
    STOPPED(true);

    /** A final field, so the hot path's check is one read of the state and one of this. */
    final boolean refusesEvents;

    Lifecycle(boolean refusesEvents) {
        this.refusesEvents = refusesEvents;
    }
}
