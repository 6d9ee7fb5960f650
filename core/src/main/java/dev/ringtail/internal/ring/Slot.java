package dev.ringtail.internal.ring;

/**
 * One entry of the ring. The event it holds is not filled in place: a producer formats its event
 * in a per-thread event before claiming a slot, then swaps it in and takes the slot's previous
 * event (already released by every sink) as its next scratch. So a slow {@code toString()} delays
 * only its own thread; no claimed slot ever waits for user code.
 */
final class Slot {
    LogEvent event;

    Slot(LogEvent event) {
        this.event = event;
    }
}
