package dev.ringtail.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);
    private final Backoff backoff = new Backoff(100 * MS, 30_000 * MS, clock);

    @Test
    void fullJitterStaysUnderTheDoublingCeilingAndTheCap() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(30_000 * MS, (100 * MS) << Math.min(attempt - 1, 30));
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delayNanos(attempt, null)).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void retryAfterSecondsIsUsedAsGiven() {
        assertThat(backoff.delayNanos(1, "1")).isEqualTo(1000 * MS);
        assertThat(backoff.delayNanos(3, " 7 ")).isEqualTo(7000 * MS);
    }

    @Test
    void retryAfterHttpDateIsTheTimeUntilThen() {
        assertThat(backoff.delayNanos(1, "Tue, 24 Nov 2026 10:15:33 GMT")).isEqualTo(3000 * MS);
        assertThat(backoff.delayNanos(1, "Tue, 24 Nov 2026 10:15:00 GMT")).isZero(); // already past
    }

    @Test
    void retryAfterIsCappedAtMaxBackoff() {
        assertThat(backoff.delayNanos(1, "3600")).isEqualTo(30_000 * MS);
    }

    @Test
    void anUnreadableRetryAfterFallsBackToJitter() {
        assertThat(backoff.retryAfterNanos("soon")).isEqualTo(-1);
        assertThat(backoff.retryAfterNanos("-5")).isEqualTo(-1);
        assertThat(backoff.delayNanos(1, "soon")).isBetween(0L, 100 * MS);
    }
}
