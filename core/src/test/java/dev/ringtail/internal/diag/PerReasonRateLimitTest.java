package dev.ringtail.internal.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each reason has its own 1/interval limit: a chatty reason cannot hide a rare one. */
class PerReasonRateLimitTest {
    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final Diagnostics diagnostics = new Diagnostics(
            new DirectOutput(() -> new PrintStream(bytes, true, StandardCharsets.UTF_8)), INTERVAL, clock::get);

    private List<String> lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(System.lineSeparator()));
    }

    @Test
    void twoReasonsInterleavedAtHighRateBothReachStderrWithinTheInterval() {
        for (int i = 0; i < 1_000; i++) {
            diagnostics.rateLimited("http", "betterstack: HTTP 500 " + i);
            diagnostics.rateLimited("reentrant", "not sent, logged from inside the pipeline " + i);
            clock.addAndGet(1_000); // 2 ms of calls in all, far inside one interval
        }
        assertThat(lines()).containsExactly("ringtail: betterstack: HTTP 500 0",
                "ringtail: not sent, logged from inside the pipeline 0");
    }

    @Test
    void heldBackLinesAreCountedPerReason() {
        for (int i = 0; i < 10; i++) {
            diagnostics.rateLimited("a", "a" + i);
        }
        for (int i = 0; i < 4; i++) {
            diagnostics.rateLimited("b", "b" + i);
        }
        clock.addAndGet(INTERVAL);
        diagnostics.rateLimited("b", "b again");
        diagnostics.rateLimited("a", "a again");
        diagnostics.rateLimited("a", "a held");

        assertThat(lines()).containsExactly("ringtail: a0", "ringtail: b0",
                "ringtail: b again (3 similar lines suppressed)", "ringtail: a again (9 similar lines suppressed)");
    }

    @Test
    void callersThatNameNoReasonShareOneLimitAsBefore() {
        diagnostics.rateLimited("first");
        diagnostics.rateLimited("second");
        diagnostics.rateLimited("named", "third");
        assertThat(lines()).containsExactly("ringtail: first", "ringtail: third");
    }

    @Test
    void reasonsBeyondTheBoundShareOneLimitInsteadOfGrowingWithoutEnd() {
        for (int i = 0; i < RateLimits.MAX_REASONS + 50; i++) {
            diagnostics.rateLimited("reason " + i, "line " + i);
        }
        assertThat(lines()).hasSize(RateLimits.MAX_REASONS + 1).endsWith("ringtail: line " + RateLimits.MAX_REASONS);
    }
}
