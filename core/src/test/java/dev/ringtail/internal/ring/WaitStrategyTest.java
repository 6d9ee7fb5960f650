package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.Waiting;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class WaitStrategyTest {

    @ParameterizedTest
    @EnumSource(WaitStrategyKind.class)
    void everyStrategyDeliversAndTicksIdleSinks(WaitStrategyKind kind) throws Exception {
        CountDownLatch idleTicks = new CountDownLatch(3);
        AtomicInteger ticks = new AtomicInteger();
        CollectingSink sink = new CollectingSink() {
            @Override
            public void onIdle() {
                ticks.incrementAndGet();
                idleTicks.countDown();
            }
        };
        Pipeline pipeline = Pipeline.builder().waitStrategy(kind).idleTimeout(Duration.ofMillis(20)).jmx(false)
                .sink(sink).build().start();
        for (int i = 0; i < 1000; i++) {
            log(pipeline, Level.INFO, "e" + i);
        }
        assertThat(pipeline.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(sink.events()).hasSize(1000);
        assertThat(idleTicks.await(5, TimeUnit.SECONDS)).as("onIdle ticks while idle").isTrue();
        // a producer wakes a sleeping consumer: one that has ticked idle since everything was delivered
        int ticked = ticks.get();
        Waiting.atMost(Duration.ofSeconds(5)).until(() -> ticks.get() > ticked);
        log(pipeline, Level.INFO, "after idle");
        assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(sink.messages()).contains("after idle");
        assertThat(pipeline.shutdown(Duration.ofSeconds(5))).isTrue();
    }

    /**
     * The default consumer polls instead of being woken: idle, it wakes about forty times a
     * second. The window is measured in consumer CPU time, which a busy machine does not inflate.
     */
    @Test
    void anIdleDefaultConsumerUsesUnderOnePercentOfACore() throws Exception {
        CollectingSink sink = new CollectingSink();
        Pipeline pipeline = Pipeline.builder().jmx(false).sink(sink).build().start();
        try {
            log(pipeline, Level.INFO, "one");
            assertThat(pipeline.flush(Duration.ofSeconds(5))).isTrue();
            Thread consumer = Waiting.atMost(Duration.ofSeconds(5)).until(WaitStrategyTest::consumerThread, t -> t != null);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Thread.sleep(PollingWaitStrategy.SLOW_AFTER_NANOS / 1_000_000 + 100); // idle, not just quiet
            long cpuBefore = threads.getThreadCpuTime(consumer.getId());
            long wallBefore = System.nanoTime();
            Thread.sleep(2_000); // the measurement window itself, not a synchronization
            long cpu = threads.getThreadCpuTime(consumer.getId()) - cpuBefore;
            long wall = System.nanoTime() - wallBefore;

            assertThat((double) cpu / wall).as("share of a core, idle").isLessThan(0.01);
        } finally {
            pipeline.shutdown(Duration.ofSeconds(5));
        }
    }

    private static Thread consumerThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ringtail-consumer") && t.isAlive()).findFirst().orElse(null);
    }
}
