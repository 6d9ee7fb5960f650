package dev.ringtail.internal.ring;

import dev.ringtail.internal.diag.Diagnostics;

/**
 * Keeps the preallocated ring within a quarter of the heap: a {@code ringtail.ringSize} whose
 * slots would need more is reduced to what fits, with one stderr line, rather than failing the
 * application's first {@code getLogger} with an {@code OutOfMemoryError}.
 */
final class RingSizing {
    /**
     * What one preallocated slot holds: the slot, its event, the event's message buffer of
     * {@code BoundedText.BASE_CHARS} chars, key-value and marker arrays (measured 860 bytes on
     * a 64-bit JVM with compressed references; rounded up).
     */
    static final long SLOT_BYTES = 1024;
    /** The share of the max heap the slots may take. */
    static final int HEAP_SHARE_DIVISOR = 4;

    private RingSizing() {
    }

    /** The ring size to use: {@code ringSize}, or the largest size whose power-of-two allocation fits. */
    static int fitToHeap(int ringSize, long maxHeap, Diagnostics diagnostics) {
        long fitting = maxHeap / HEAP_SHARE_DIVISOR / SLOT_BYTES;
        if (nextPowerOfTwo(ringSize) <= fitting) {
            return ringSize;
        }
        int reduced = (int) Math.max(1, Long.highestOneBit(Math.max(1, fitting)));
        diagnostics.line("ringtail.ringSize=" + ringSize + " needs about "
                + nextPowerOfTwo(ringSize) * SLOT_BYTES / (1 << 20) + " MiB of preallocated slots, over a"
                + " quarter of the max heap (" + maxHeap / (1 << 20) + " MiB); using " + reduced);
        return reduced;
    }

    static int nextPowerOfTwo(int value) {
        return value <= 1 ? 1 : Integer.highestOneBit(value - 1) << 1;
    }
}
