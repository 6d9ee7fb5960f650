package dev.ringtail;

/** Why the pipeline refused an event. Every dropped event is counted under exactly one reason. */
public enum DropReason {
    /** {@code ringtail.ringSize} events were pending. */
    RING_FULL("ring full"),
    /** TRACE to INFO, while only the share kept for WARN and ERROR ({@code ringtail.reserve}) was free. */
    RESERVE("reserve"),
    /** Holding it would have passed {@code ringtail.ring.maxBytes}. */
    MEMORY("memory"),
    /** Logged from inside ringtail itself (a sink, the HTTP client, a {@code toString()} that logs). */
    REENTRANT("re-entrant"),
    /** Logged after shutdown began; printed on stderr instead. */
    AFTER_SHUTDOWN("after shutdown"),
    /** Capturing it threw (a broken argument beyond what formatting guards against). */
    FILL_FAILED("fill failed");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** How drop summaries and stderr lines name the reason, e.g. {@code ring full}. */
    public String label() {
        return label;
    }
}
