package dev.ringtail.internal.ring;

import static dev.ringtail.testing.Events.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.testing.CapturedOutput;
import dev.ringtail.testing.CollectingSink;
import dev.ringtail.testing.Waiting;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HandoverTest {
    private static final int THREADS = 2;
    private static final int EVENTS_PER_THREAD = 20_000;
    private static final int LOGGED_AFTER_THE_SWITCH = 1_000;

    @Test
    void everyEventLoggedWhileThePipelineIsReplacedReachesExactlyOneOfTheTwoAndIsCountedThere() throws Exception {
        CollectingSink before = new CollectingSink("before");
        CollectingSink after = new CollectingSink("after");
        Pipeline first = pipeline(before).start();
        Pipeline second = pipeline(after);
        AtomicReference<Pipeline> current = new AtomicReference<>(first);
        AtomicInteger published = new AtomicInteger();
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            producers.add(new Thread(() -> {
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    if (i == EVENTS_PER_THREAD - LOGGED_AFTER_THE_SWITCH) {
                        // the rest only once the switch happened, so that both pipelines get some
                        // however fast the rest raced through
                        Waiting.atMost(Duration.ofSeconds(20)).until(() -> current.get() == second);
                    }
                    log(current.get(), Level.WARN, "t" + thread + " e" + i); // a stale read is what the handover must survive
                    published.incrementAndGet();
                }
            }));
        }
        producers.forEach(Thread::start);
        Waiting.atMost(Duration.ofSeconds(20)).until(() -> published.get() >= EVENTS_PER_THREAD / 2);

        PipelineStats last = Handover.replace(first, second, current::set, Duration.ofSeconds(20));
        for (Thread producer : producers) {
            producer.join();
        }
        assertThat(second.shutdown(Duration.ofSeconds(20))).isTrue();

        PipelineStats now = second.stats();
        assertThat(last.dropped()).isZero();
        assertThat(now.dropped()).isZero();
        assertThat(last.accepted()).as("logged before the switch").isPositive();
        assertThat(now.accepted()).as("logged after it").isPositive();
        assertThat(last.accepted() + now.accepted()).isEqualTo(THREADS * EVENTS_PER_THREAD);
        assertThat(last.sink("before").orElseThrow().delivered()).isEqualTo(last.accepted());
        assertThat(last.sink("before").orElseThrow().failed()).isZero();
        assertThat(now.sink("after").orElseThrow().delivered()).isEqualTo(now.accepted());
        Set<String> seen = new HashSet<>(before.messages());
        for (String message : after.messages()) {
            assertThat(seen.add(message)).as("delivered once: %s", message).isTrue();
        }
        assertThat(seen).hasSize(THREADS * EVENTS_PER_THREAD);
    }

    @Test
    void aCallThatReachesTheReplacedPipelineAfterItsShutdownGoesToTheNewOneInsteadOfStderr() {
        CapturedOutput err = new CapturedOutput();
        CollectingSink after = new CollectingSink("after");
        Pipeline first = Pipeline.builder().jmx(false).diagnostics(err.diagnostics()).sink(new CollectingSink("before"))
                .build().start();
        Pipeline second = pipeline(after);
        AtomicReference<Pipeline> current = new AtomicReference<>(first);

        Handover.replace(first, second, current::set, Duration.ofSeconds(10));
        assertThat(log(first, Level.INFO, "held on to the old pipeline")).isTrue();
        assertThat(second.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(after.messages()).containsExactly("held on to the old pipeline");
        assertThat(first.stats().attempted()).as("not counted by the old one").isZero();
        assertThat(second.stats().accepted()).isEqualTo(1);
        assertThat(err.text()).isEmpty();
        second.shutdown(Duration.ofSeconds(10));
    }

    @Test
    void theMBeansShowTheNewPipelineOnceTheOldOneHasDrained() throws Exception {
        CapturedOutput err = new CapturedOutput();
        Pipeline first = Pipeline.builder().diagnostics(err.diagnostics()).sink(new CollectingSink("before")).build().start();
        Pipeline second = Pipeline.builder().diagnostics(err.diagnostics()).sink(new CollectingSink("after")).build();
        log(first, Level.INFO, "one");
        log(first, Level.INFO, "two");

        Handover.replace(first, second, ignored -> { }, Duration.ofSeconds(10));
        log(second, Level.INFO, "three");

        ObjectName pipelineName = new ObjectName(JmxRegistration.PIPELINE_NAME);
        Object accepted = ManagementFactory.getPlatformMBeanServer().getAttribute(pipelineName, "Accepted");
        assertThat(accepted).isEqualTo(1L);
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(
                new ObjectName(JmxRegistration.SINK_NAME_PREFIX + "after"))).isTrue();
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(
                new ObjectName(JmxRegistration.SINK_NAME_PREFIX + "before"))).isFalse();
        assertThat(err.text()).doesNotContain("not registered");
        second.shutdown(Duration.ofSeconds(10));
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(pipelineName)).isFalse();
    }

    // a ring larger than everything the test logs: nothing is dropped, so any shortfall is a loss
    private static Pipeline pipeline(CollectingSink sink) {
        return Pipeline.builder().jmx(false).ringSize(THREADS * EVENTS_PER_THREAD).sink(sink).build();
    }
}
