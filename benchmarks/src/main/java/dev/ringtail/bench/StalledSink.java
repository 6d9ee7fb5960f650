package dev.ringtail.bench;

import dev.ringtail.internal.event.EventView;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A consumer that takes the first event and then stops until {@link #release()}: the ring fills
 * and stays full, so every further publish takes the drop path.
 */
final class StalledSink extends NoOpSink {
    private static final long MAX_STALL_SECONDS = 600; // a forgotten release never hangs a run forever
    private final CountDownLatch released = new CountDownLatch(1);

    StalledSink() {
        super("stalled");
    }

    @Override
    public void onEvent(EventView event) {
        try {
            released.await(MAX_STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void release() {
        released.countDown();
    }
}
