package dev.ringtail.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;

/**
 * The one way tests wait: for observable state, with Awaitility, never for a guessed time.
 * {@code Waiting.atMost(Duration.ofSeconds(5)).until(() -> server.requests().size() >= 2)}.
 *
 * <p>Awaitility's defaults wait 100 ms before the first look and between looks, which would make
 * each wait in this suite slower than the state it waits for; here the first look is at once and
 * the next ones 5 ms apart, as the loops this replaced polled. Nor does a wait here fail because
 * some other thread threw (Awaitility's default): several tests make threads throw on purpose.
 */
public final class Waiting {
    private static final Duration POLL = Duration.ofMillis(5);

    private Waiting() {
    }

    public static ConditionFactory atMost(Duration timeout) {
        return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).dontCatchUncaughtExceptions();
    }
}
