package dev.ringtail.internal.ring;

import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;

/** The consumer wait for a configured {@link WaitStrategyKind}; every one times out after the idle timeout. */
final class WaitStrategies {
    private WaitStrategies() {
    }

    static WaitStrategy create(WaitStrategyKind kind, long timeoutNanos) {
        switch (kind) {
            case BLOCKING:
                return new TimeoutBlockingWaitStrategy(timeoutNanos, TimeUnit.NANOSECONDS);
            case SLEEPING:
                return new SleepingWaitStrategy(timeoutNanos);
            case YIELDING:
                return new YieldingWaitStrategy(timeoutNanos);
            case BUSYSPIN:
                return new BusySpinWaitStrategy(timeoutNanos);
            default:
                return new PollingWaitStrategy(timeoutNanos);
        }
    }
}
