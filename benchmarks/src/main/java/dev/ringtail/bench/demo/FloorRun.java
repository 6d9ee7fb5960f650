package dev.ringtail.bench.demo;

import dev.ringtail.bench.FloorRing;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor the demo reads ringtail against, timed before the ringtail run: the bare Disruptor
 * publish of the JMH floor ({@link FloorRing}, its consumer parked 1 ms between polls), made call
 * by call from as many threads at the same pace as the ringtail run, for as many calls (at most
 * {@value #MAX_CALLS}).
 */
final class FloorRun {
    /** At most this many timed calls: plenty for a p99.9, and the floor does not lengthen a long run much. */
    static final int MAX_CALLS = 200_000;
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /** The floor's latencies, and how many of its calls found the ring full (and measured a refusal). */
    record Result(Latencies.Summary latencies, long refused) {
    }

    private FloorRun() {
    }

    static Result time(DemoOptions o, PrintStream out, boolean terminal) {
        int calls = Math.min(o.events, MAX_CALLS);
        Latencies latencies = new Latencies(o.threads, Load.share(calls, o.threads, 0) + 1);
        LongAdder refused = new LongAdder();
        FloorRing floor = FloorRing.start(FloorRing.PARK);
        try {
            Load.run("floor", calls, o.threads, o.rate, o.burst,
                    (thread, count, pace, done) -> publishLoop(floor, thread, count, pace, latencies, refused, done),
                    out, terminal);
        } finally {
            stop(floor);
        }
        return new Result(latencies.summarize(), refused.sum());
    }

    private static void publishLoop(FloorRing floor, int thread, int count, Load.Pace pace, Latencies latencies,
                                    LongAdder refused, LongAdder done) {
        for (int i = 0; i < count; i++) {
            Integer orderId = 1_000_000 * thread + i; // boxed before the clock starts, as in the ringtail run
            long t0 = System.nanoTime();
            boolean published = floor.publish(Demo.MESSAGE, orderId);
            latencies.record(thread, System.nanoTime() - t0);
            if (!published) {
                refused.increment();
            }
            done.increment();
            pace.after(i);
        }
    }

    private static void stop(FloorRing floor) {
        try {
            floor.stop(DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
