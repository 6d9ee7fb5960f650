package dev.ringtail.internal.http;

/**
 * What a protocol makes of one answer (its retry rules): delivered (a partial success may say how
 * many of the request's records were rejected nonetheless), retried, split and resent (a payload
 * too large), or rejected for good.
 */
public record Verdict(Kind kind, long rejected) {
    public enum Kind {
        DELIVERED, RETRY, SPLIT, REJECTED
    }

    public static final Verdict DELIVERED = new Verdict(Kind.DELIVERED, 0);
    public static final Verdict RETRY = new Verdict(Kind.RETRY, 0);
    public static final Verdict SPLIT = new Verdict(Kind.SPLIT, 0);
    public static final Verdict REJECTED = new Verdict(Kind.REJECTED, 0);

    /** Delivered, but {@code rejected} of the request's records were refused (not retried). */
    public static Verdict partiallyDelivered(long rejected) {
        return rejected <= 0 ? DELIVERED : new Verdict(Kind.DELIVERED, rejected);
    }
}
