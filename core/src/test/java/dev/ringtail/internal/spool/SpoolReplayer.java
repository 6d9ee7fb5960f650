package dev.ringtail.internal.spool;

import java.nio.file.Path;

/**
 * Run in a child JVM by the cursor tests: opens the spool in {@code args[0]}, removes
 * {@code args[1]} records, syncs, removes {@code args[2]} more and peeks the next, prints
 * {@code synced}, then waits for its stdin to close (the test kills it first: a crash between two
 * syncs, with a record sent and not removed).
 */
public final class SpoolReplayer {
    private SpoolReplayer() {
    }

    public static void main(String[] args) throws Exception {
        Spool spool = Spool.open(Path.of(args[0]), Long.parseLong(args[3]), new Recorder());
        remove(spool, Integer.parseInt(args[1]));
        spool.sync();
        remove(spool, Integer.parseInt(args[2]));
        spool.peek();
        System.out.println("synced");
        System.out.flush();
        while (System.in.read() >= 0) {
            // killed before this ends
        }
        spool.close();
    }

    private static void remove(Spool spool, int count) {
        for (int i = 0; i < count; i++) {
            if (!spool.remove(spool.peek())) {
                throw new IllegalStateException("nothing to remove at " + i);
            }
        }
    }
}
