package dev.ringtail.internal.spool;

import dev.ringtail.Level;
import java.util.ArrayList;
import java.util.List;

/** A {@link Spool.Listener} that keeps everything it is told, for the tests to compare with what they did. */
final class Recorder implements Spool.Listener {
    /** One {@link #skippedTorn} report. */
    record Torn(long bytes, String segment) {
    }

    private final long[] dropped = new long[Level.count()];
    private final long[] droppedEarlier = new long[Level.count()];
    private final long[] lost = new long[Level.count()];
    private final List<Torn> torn = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int droppedReports;

    @Override
    public synchronized void droppedOldest(int[] perLevel, boolean earlier) {
        droppedReports++;
        add(earlier ? droppedEarlier : dropped, perLevel);
    }

    @Override
    public synchronized void lost(int[] perLevel, boolean earlier, String segment) {
        add(lost, perLevel);
    }

    @Override
    public synchronized void skippedTorn(long bytes, String segment) {
        torn.add(new Torn(bytes, segment));
    }

    @Override
    public synchronized void ioFailed(String what, Exception cause) {
        failures.add(what + ": " + cause);
    }

    private static void add(long[] into, int[] perLevel) {
        for (int i = 0; i < into.length; i++) {
            into[i] += perLevel[i];
        }
    }

    /** Events a full spool deleted, per level: this process's and earlier ones'. */
    synchronized long[] dropped() {
        long[] sum = dropped.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += droppedEarlier[i];
        }
        return sum;
    }

    synchronized long[] droppedEarlier() {
        return droppedEarlier.clone();
    }

    synchronized int droppedReports() {
        return droppedReports;
    }

    synchronized long[] lost() {
        return lost.clone();
    }

    synchronized List<Torn> torn() {
        return List.copyOf(torn);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
