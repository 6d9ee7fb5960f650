package dev.ringtail.internal.http;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long to wait before the next attempt: exponential backoff with full jitter (a random delay
 * between 0 and {@code min(cap, base * 2^(attempt-1))}, the AWS "full jitter" scheme, so many
 * clients that failed together do not retry together), unless the server said when in
 * {@code Retry-After}. Every delay is capped at {@code maxBackoff}: a server asking for an hour
 * must not hold one of the few in-flight slots for an hour.
 */
final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    private final Clock clock;

    Backoff(long baseNanos, long maxNanos, Clock clock) {
        this.baseNanos = Math.max(1, baseNanos);
        this.maxNanos = Math.max(1, maxNanos);
        this.clock = clock;
    }

    /** Delay before attempt {@code failedAttempt + 1}; {@code retryAfter} is the header value or null. */
    long delayNanos(int failedAttempt, String retryAfter) {
        long asked = retryAfterNanos(retryAfter);
        if (asked >= 0) {
            return Math.min(asked, maxNanos);
        }
        int shift = Math.min(failedAttempt - 1, 40);
        long ceiling = baseNanos << shift;
        if (ceiling <= 0 || ceiling > maxNanos) {
            ceiling = maxNanos;
        }
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date; -1 if absent or unreadable. */
    long retryAfterNanos(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? -1 : TimeUnit.SECONDS.toNanos(Math.min(seconds, Integer.MAX_VALUE));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                long millis = at.toInstant().toEpochMilli() - clock.millis();
                return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }
}
