package dev.ringtail.internal.http;

import dev.ringtail.internal.diag.Diagnostics;
import java.time.Clock;
import java.time.Duration;

/**
 * What every HTTP sink is configured with, whatever its protocol: the batch, http and retry keys,
 * the text bounds, where its lines go, and its disk spool if it has one. Built by {@link HttpSinkBuilder}.
 *
 * @param gzipLevel       the deflate level when {@code gzip}: 1 (fastest) to 9 (smallest)
 * @param problemInterval how often a line about a rejected credential or quota may repeat
 * @param clock           wall clock for {@code Retry-After} dates
 * @param spool           the disk spool ({@code ringtail.spool.*}), or null for none
 */
public record HttpSettings(int maxEvents, int maxBytes, Duration flush, boolean gzip, int gzipLevel, int maxInFlight,
                           Duration timeout, int maxAttempts, Duration maxBackoff, Duration baseBackoff, Duration problemInterval,
                           int maxStackChars, int maxFieldChars, Diagnostics diagnostics, Clock clock,
                           SpoolSettings spool) {

    /** Without a disk spool. */
    public HttpSettings(int maxEvents, int maxBytes, Duration flush, boolean gzip, int maxInFlight, Duration timeout,
                        int maxAttempts, Duration maxBackoff, Duration baseBackoff, Duration problemInterval,
                        int maxStackChars, int maxFieldChars, Diagnostics diagnostics, Clock clock) {
        this(maxEvents, maxBytes, flush, gzip, HttpSinkBuilder.DEFAULT_GZIP_LEVEL, maxInFlight, timeout, maxAttempts,
                maxBackoff, baseBackoff, problemInterval, maxStackChars, maxFieldChars, diagnostics, clock, null);
    }
}
