package dev.ringtail.internal.spool;

/**
 * A record read back, with where it lies, so that {@link SegmentSpool#remove} can tell the record
 * it handed out from one a full spool has since deleted. Its arrays are its own (read from the
 * file), never shared with the spool.
 */
final class StoredRecord implements Spool.Record {
    private final byte[] bytes;
    private final int[] perLevel;
    private final boolean earlier;
    final Segment segment;
    /** Where the next record of the segment starts. */
    final long next;

    StoredRecord(byte[] bytes, int[] perLevel, boolean earlier, Segment segment, long next) {
        this.bytes = bytes;
        this.perLevel = perLevel;
        this.earlier = earlier;
        this.segment = segment;
        this.next = next;
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int[] perLevel() {
        return perLevel.clone();
    }

    @Override
    public boolean earlier() {
        return earlier;
    }

    long events() {
        return RecordFormat.events(perLevel);
    }

    @Override
    public String toString() {
        return "spool record of " + bytes.length + " bytes, " + events() + " events, in " + segment.name()
                + (earlier ? " (earlier process)" : "");
    }
}
