package dev.ringtail.internal.spool;

import java.io.IOException;
import java.nio.file.Path;

/** Placeholder: the segment-file implementation of {@link Spool} lands here. */
final class SegmentSpool {
    private SegmentSpool() {
    }

    static Spool open(Path dir, long maxBytes, Spool.Listener listener) throws SpoolLockedException, IOException {
        throw new IOException("the spool is not built yet");
    }
}
