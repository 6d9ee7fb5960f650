package dev.ringtail;

/**
 * {@code dev.ringtail:type=Sink,name=<sink>} of an HTTP sink with a disk spool
 * ({@code ringtail.spool.dir}): the attributes of every sink, and the spool's.
 */
public interface SpoolingSinkMXBean extends SinkMXBean {
    /** Events on disk now, written by this process or an earlier one. */
    long getSpooled();

    /** Bytes of the spool's files on disk now. */
    long getSpoolBytes();

    /** Events of an earlier process delivered by this one (not counted in {@code Delivered}). */
    long getReplayed();

    /**
     * Events an earlier process had left on disk when this one took the directory: with it,
     * {@code Accepted + SpoolFound == Delivered + Replayed + Failed + Spooled} after a drain.
     * Beyond the three spool attributes of the contract, for that identity.
     */
    long getSpoolFound();
}
