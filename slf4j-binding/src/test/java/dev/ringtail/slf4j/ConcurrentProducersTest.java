package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.testing.IngestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

/**
 * 64 application threads log through SLF4J at once, shipping to a loopback receiver and printing
 * to the console: every event is accounted for exactly, none is duplicated or lost, and each
 * thread's events keep the order they were logged in. Each event carries its producer and its
 * per-producer sequence number as key-value pairs, so the receiver's side can be checked
 * regardless of how concurrent requests interleave.
 */
class ConcurrentProducersTest {
    private static final int PRODUCERS = 64;
    private static final int PER_PRODUCER = 250;
    private static final int TOTAL = PRODUCERS * PER_PRODUCER;

    @RegisterExtension
    final FreshSlf4jExtension fresh = new FreshSlf4jExtension();

    /**
     * Two requests in flight may arrive in either order, so order is checked where it is
     * promised: by sequence number overall (every event exactly once) and within each request
     * body (in order). The ring holds everything, so nothing may be missing.
     */
    @Test
    void sixtyFourProducersLoseNothingAndKeepEachThreadsOrderWithinEveryRequest() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver,
                     RingtailConfig.RING_SIZE, String.valueOf(2 * TOTAL),
                     RingtailConfig.BATCH_MAX_EVENTS, "500",
                     RingtailConfig.HTTP_MAX_IN_FLIGHT, "2")) {
            produce(slf4j);
            assertThat(Ringtail.flush(Duration.ofSeconds(30))).isTrue();

            slf4j.assertEveryEventAccountedFor();
            assertThat(slf4j.stats().attempted()).isEqualTo(TOTAL);
            assertThat(slf4j.stats().dropped()).as("the ring holds every event").isZero();
            assertThat(slf4j.betterstack().delivered()).isEqualTo(TOTAL);
            assertThat(slf4j.console().delivered()).isEqualTo(TOTAL);
            assertThat(slf4j.out.text().lines().filter(l -> l.contains("[INFO] producers: event "))).hasSize(TOTAL);
            assertThat(receiver.problems()).isEmpty();

            Map<Long, List<Long>> arrived = bySequence(logged(receiver.events()));
            assertThat(arrived).hasSize(PRODUCERS);
            arrived.forEach((producer, seqs) -> assertThat(seqs.stream().sorted().toList())
                    .as("producer %d: every event exactly once", producer)
                    .containsExactlyElementsOf(IntStream.range(0, PER_PRODUCER).mapToObj(i -> (long) i).toList()));
            List<List<Map<String, Object>>> bodies = receiver.bodies();
            assertThat(bodies.size()).as("requests").isGreaterThanOrEqualTo(TOTAL / 500);
            for (List<Map<String, Object>> body : bodies) {
                bySequence(logged(body)).forEach((producer, seqs) -> assertThat(seqs)
                        .as("producer %d within one request", producer).isSorted());
            }
            slf4j.assertTokenNeverPrinted();
        }
    }

    /**
     * One request at a time: each thread's events arrive in exactly the order they were logged.
     * The ring is small, so most events are dropped at the producer (16,000 logged in a burst into
     * a ring of 2,000): those are counted, and every event the ring accepted arrives exactly once.
     */
    @Test
    void withOneRequestInFlightEachThreadsEventsArriveInLoggingOrderAndLossesAreCounted() throws Exception {
        try (IngestServer receiver = IngestServer.start(LiveSlf4j.TOKEN);
             LiveSlf4j slf4j = fresh.shippingTo(receiver,
                     RingtailConfig.RING_SIZE, "2000",
                     RingtailConfig.BATCH_MAX_EVENTS, "200",
                     RingtailConfig.HTTP_MAX_IN_FLIGHT, "1")) {
            produce(slf4j);
            assertThat(Ringtail.flush(Duration.ofSeconds(30))).isTrue();

            slf4j.assertEveryEventAccountedFor();
            assertThat(slf4j.stats().attempted()).isEqualTo(TOTAL);
            // one request at a time cannot keep up: the ring drops, or the sink sheds its own
            // events rather than hold the ring full for the console; either way, counted
            assertThat(slf4j.stats().dropped() + slf4j.betterstack().failed())
                    .as("a 2000-event ring behind one request at a time loses events, counted").isPositive();
            List<Map<String, Object>> events = logged(receiver.events());
            assertThat((long) events.size()).as("every event the sink did not count failed arrived")
                    .isEqualTo(slf4j.betterstack().delivered());

            Map<Long, List<Long>> arrived = bySequence(events);
            arrived.forEach((producer, seqs) -> assertThat(seqs).as("producer %d in arrival order", producer)
                    .isSorted().doesNotHaveDuplicates());
            slf4j.assertTokenNeverPrinted();
        }
    }

    /** All producers start together and log PER_PRODUCER events each; returns when all are done. */
    private static void produce(LiveSlf4j slf4j) throws InterruptedException {
        Logger logger = slf4j.logger("producers"); // SLF4J initialized before the race starts
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int seq = 0; seq < PER_PRODUCER; seq++) {
                    logger.atInfo().addKeyValue("producer", producer).addKeyValue("seq", seq)
                            .log("event {} of producer {}", seq, producer);
                }
            }, "producer-" + p);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The application's events, without ringtail's own drop summaries. */
    private static List<Map<String, Object>> logged(List<Map<String, Object>> events) {
        return events.stream().filter(e -> "producers".equals(e.get("logger_name"))).toList();
    }

    /** Sequence numbers per producer, in the order given; checks each event came from its own thread. */
    private static Map<Long, List<Long>> bySequence(List<Map<String, Object>> events) {
        Map<Long, List<Long>> byProducer = new HashMap<>();
        for (Map<String, Object> event : events) {
            long producer = ((Number) event.get("producer")).longValue();
            long seq = ((Number) event.get("seq")).longValue();
            assertThat(event).containsEntry("thread_name", "producer-" + producer)
                    .containsEntry("message", "event " + seq + " of producer " + producer);
            byProducer.computeIfAbsent(producer, p -> new ArrayList<>()).add(seq);
        }
        return byProducer;
    }
}
