package dev.ringtail.internal.spool;

import java.nio.file.Path;

/**
 * Run in a child JVM by the lock tests: opens the spool in {@code args[0]}, prints {@code owned}
 * (or {@code locked} if another process holds it), holds it until its stdin closes, then closes it.
 */
public final class SpoolOwner {
    private SpoolOwner() {
    }

    public static void main(String[] args) throws Exception {
        Spool spool;
        try {
            spool = Spool.open(Path.of(args[0]), 1024 * 1024, new Recorder());
        } catch (SpoolLockedException e) {
            System.out.println("locked " + e.getMessage());
            System.out.flush();
            return;
        }
        Payloads.append(spool, 42, 100);
        System.out.println("owned");
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the parent closes our stdin
        }
        spool.close();
        System.out.println("closed");
    }
}
