package dev.ringtail.internal.http;

import dev.ringtail.internal.spool.Spool;
import dev.ringtail.internal.spool.SpoolLockedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An HTTP sink's disk spool as configured: the parent directory ({@code ringtail.spool.dir}; each
 * sink spools into its own subdirectory, named after it), the bound of what it may hold on disk
 * ({@code ringtail.spool.maxBytes}), and how a spool is opened (the segment store; a test's
 * in-memory one).
 */
public record SpoolSettings(Path dir, long maxBytes, Opener opener) {

    /** Opens the spool of one directory; {@link Spool#open} unless a test says otherwise. */
    @FunctionalInterface
    public interface Opener {
        Spool open(Path dir, long maxBytes, Spool.Listener listener) throws SpoolLockedException, IOException;
    }

    public SpoolSettings {
        Objects.requireNonNull(dir);
        Objects.requireNonNull(opener);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
    }

    /** The directory of the sink called {@code sink}. */
    Path dirOf(String sink) {
        return dir.resolve(sink);
    }
}
