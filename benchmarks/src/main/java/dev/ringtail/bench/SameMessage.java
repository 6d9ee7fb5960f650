package dev.ringtail.bench;

/**
 * The one log call every logger in the suite makes, so the numbers compare like with like.
 *
 * <p>Arguments are preallocated (a cached {@code Integer}, constant strings): boxing at the call
 * site would be the caller's allocation, not the logger's.
 */
final class SameMessage {
    static final String LOGGER = "shop.checkout";

    static final String NO_ARGS = "Payment failed for order 42";
    static final String ONE_ARG = "Payment failed for order {}";
    static final String THREE_ARGS = "Payment failed for order {} of customer {} after {} attempts";

    static final Integer ORDER_ID = 42;
    static final String CUSTOMER = "c0ffee";
    static final Integer ATTEMPTS = 3;

    static final String MDC_KEY_1 = "request_id";
    static final String MDC_VALUE_1 = "7f3a9c";
    static final String MDC_KEY_2 = "tenant";
    static final String MDC_VALUE_2 = "acme";

    static final String KV_KEY_1 = "order_id";
    static final String KV_KEY_2 = "retry";

    /** The source token sent to the loopback receiver; it checks only that one is present. */
    static final String TOKEN = "bench-token";

    private SameMessage() {
    }
}
