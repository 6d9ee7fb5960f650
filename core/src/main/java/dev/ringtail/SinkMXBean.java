package dev.ringtail;

/** {@code dev.ringtail:type=Sink,name=<sink>}: one sink's outcomes. */
public interface SinkMXBean {
    /** Events the destination acknowledged (or the console wrote). */
    long getDelivered();

    /** Events given up on. */
    long getFailed();

    /** Requests sent again after a retryable failure. */
    long getRetried();

    long getBatches();

    /** Bytes written, after compression. */
    long getBytes();
}
