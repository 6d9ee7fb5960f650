package dev.ringtail.internal.ring;

/** Short sleeps for the threads that may wait: flush and shutdown callers, never log calls. */
final class Pause {
    private Pause() {
    }

    /** Sleeps, keeping the interrupt flag if interrupted. */
    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
