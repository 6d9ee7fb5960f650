package dev.ringtail.internal.sink;

import java.util.function.BooleanSupplier;

/**
 * When a sink whose buffers are all out gives up waiting: once it is far behind the ring, and
 * then until it has caught up. The hysteresis matters for a sink that is stuck (a pipe nobody
 * reads): it frees the whole ring at once instead of hovering at the threshold, so it holds at
 * most the threshold's share of the ring at any time, and on average half of that.
 */
public final class ShedPolicy implements BooleanSupplier {
    private Backlog backlog = Backlog.NONE;
    private boolean shedding;

    public void attach(Backlog backlog) {
        this.backlog = backlog;
    }

    /** Asked by {@link BufferPool#acquire} while no buffer is free: true means shed this event. */
    @Override
    public boolean getAsBoolean() {
        if (shedding && backlog.isCaughtUp()) {
            shedding = false;
        } else if (!shedding && backlog.isFarBehind()) {
            shedding = true;
        }
        return shedding;
    }
}
