package dev.ringtail.internal.spool;

import java.nio.file.Path;

/**
 * Run in a child JVM under {@code ulimit -f} by {@link FileSizeLimitTest} (HotSpot ignores
 * SIGXFSZ, so a write past the limit fails with EFBIG instead of killing the process): appends
 * the records {@code args[1..]} (each {@code number:size}) to the spool in {@code args[0]} and
 * prints what each returned, every failure reported, and the spool's totals.
 */
public final class SpoolUnderFileSizeLimit {
    private SpoolUnderFileSizeLimit() {
    }

    public static void main(String[] args) throws Exception {
        Recorder recorder = new Recorder();
        Spool spool = Spool.open(Path.of(args[0]), 8L * 1024 * 1024, recorder);
        for (int i = 1; i < args.length; i++) {
            String[] record = args[i].split(":");
            int failuresBefore = recorder.failures().size();
            try {
                boolean appended = Payloads.append(spool, Integer.parseInt(record[0]), Integer.parseInt(record[1]));
                System.out.println("append " + record[0] + " " + appended + " reports "
                        + (recorder.failures().size() - failuresBefore));
            } catch (Throwable t) {
                System.out.println("threw " + t);
            }
        }
        for (String failure : recorder.failures()) {
            System.out.println("ioFailed " + failure);
        }
        System.out.println("events " + spool.events());
        System.out.println("bytes " + spool.bytes());
        spool.close();
        System.out.println("closed");
    }
}
