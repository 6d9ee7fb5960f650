package dev.ringtail.internal.stats;

import dev.ringtail.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;

/**
 * Per-level counts that many threads write without a locked instruction: each thread counts in a
 * {@link Cell} of its own, with a plain read, add and release store (it is the cell's only
 * writer), and a reader sums the cells. The pipeline counts accepted events with it. A
 * {@code LongAdder} increment is a CAS, and on the log call it comes right after the stores into
 * the slot's cold cache lines: a locked instruction waits until they have all drained.
 *
 * <p>A cell is a weak reference to its thread. Once a thread is collected its cell is folded into
 * the totals, the next time a cell is made or the sums are read, so threads that come and go (a
 * pool replacing its workers, a thread per task) leave nothing behind. Making a cell and reading
 * the sums take this object's lock; counting never does.
 */
public final class ThreadCounts {
    private final ReferenceQueue<Thread> collected = new ReferenceQueue<>();
    // guarded by this
    private final Set<Cell> cells = new HashSet<>();
    private final long[] folded = new long[Level.count()];

    /** One thread's counts; only that thread may {@link #increment}. */
    public static final class Cell extends WeakReference<Thread> {
        private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);
        private final long[] counts = new long[Level.count()];

        private Cell(Thread owner, ReferenceQueue<Thread> collected) {
            super(owner, collected);
        }

        /** Counts one event; called by the owning thread only, so the plain read is its own last write. */
        public void increment(Level level) {
            int i = level.ordinal();
            COUNT.setRelease(counts, i, counts[i] + 1);
        }

        /** Adds this cell's counts into {@code sums}, indexed by {@link Level#ordinal()}. */
        void addTo(long[] sums) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += (long) COUNT.getAcquire(counts, i);
            }
        }
    }

    /** A new cell for {@code owner}, counted in the sums from now on. */
    public synchronized Cell newCell(Thread owner) {
        fold();
        Cell cell = new Cell(owner, collected);
        cells.add(cell);
        return cell;
    }

    /** The sums, indexed by {@link Level#ordinal()}; exact once the counting threads are quiet. */
    public synchronized long[] sums() {
        fold();
        long[] sums = folded.clone();
        for (Cell cell : cells) {
            cell.addTo(sums);
        }
        return sums;
    }

    /** Cells of threads not yet collected; for tests. */
    synchronized int cells() {
        fold();
        return cells.size();
    }

    // A collected thread's cell has no writer left: what it holds is final.
    private void fold() {
        Reference<? extends Thread> gone;
        while ((gone = collected.poll()) != null) {
            Cell cell = (Cell) gone;
            if (cells.remove(cell)) {
                cell.addTo(folded);
            }
        }
    }
}
