package dev.ringtail.bench.report;

import java.util.Map;

/**
 * The prose of the benchmarks document: how the numbers are made, and for each goal the causes
 * found (with a profiler, not guessed) when it was missed, and what would close the gap. It is
 * printed only next to a goal the run actually missed.
 */
final class Diagnosis {
    /** Keys of {@link #TEXT}: the goal each diagnosis explains. */
    static final String SYNC = "sync";
    static final String LOG4J2 = "log4j2";
    static final String ALLOCATION = "alloc";

    private Diagnosis() {
    }

    static final String METHOD = String.join("\n",
            "- **The call.** Every logger makes the same call from the benchmark thread:"
                    + " `info(\"Payment failed for order {}\", orderId)` with a preallocated `Integer` (boxing would"
                    + " be the caller's allocation). ringtail's own rows also vary the arguments (0, 1, 3), and add"
                    + " two MDC entries or two fluent key-value pairs (`atInfo().addKeyValue(..)`).",
            "- **ringtail** is the shipped `RingtailLogger` over a `Pipeline` whose only sink is a no-op, so the"
                    + " number is the application thread's cost: level check, capture, one non-blocking publish."
                    + " Every enqueue benchmark (ringtail's and the peers') pauses 2 µs before each call, outside"
                    + " the measured time (`Pacing`): a tight loop offers more events than any consumer on 2 cores"
                    + " drains, and would measure the drop path. _accepted_ shows the share that reached the"
                    + " ring. The full-ring rows stall the consumer and measure the refusal alone.",
            "- **The floor** is a bare Disruptor 4 multi-producer ring of 16,384 slots and a call that does"
                    + " only `tryNext()`, two reference writes into the preallocated slot and `publish()`, paced"
                    + " like the rest: the least any ring-based logger must do. With the consumer parked 1 ms"
                    + " between polls (`SleepingWaitStrategy`, never signalled) a call seldom touches a cache line"
                    + " the consumer's core holds; with a busy-spinning consumer it pays the hand-off of every"
                    + " event. ringtail's time reads as a multiple of these.",
            "- **Synchronous POST** is an SLF4J `Logger` that serializes the event as BetterStack JSON and POSTs"
                    + " it with HttpClient 5 classic over a keep-alive connection to a `com.sun.net.httpserver`"
                    + " receiver on 127.0.0.1, returning after the 202: the best case for sending synchronously"
                    + " (no TLS, no network).",
            "- **Log4j2 all-async**: `AsyncLoggerContextSelector` (its own Disruptor ring, garbage-free mode as"
                    + " shipped), `Null` appender, native Log4j2 API. Its ring blocks when full (its default).",
            "- **Logback AsyncAppender** over a no-op appender in a private `LoggerContext` (Logback's `Logger` is"
                    + " itself an `org.slf4j.Logger`, so the call is the same); queue 10,000 like ringtail's ring,"
                    + " `neverBlock=true` like ringtail; INFO is discarded above 80 % (its default).",
            "- **logback-logtail** (`com.logtail:logback-logtail`, BetterStack's own appender) with its defaults"
                    + " (batches of 1000, a 100,000-event queue), pointed at the loopback receiver. Its `append`"
                    + " adds to a synchronized `Vector`, starts a new thread per full batch, and drops silently"
                    + " when the queue is full.",
            "- **Forks.** Each benchmark runs in its own JVM with its SLF4J provider pinned"
                    + " (`-Dslf4j.provider=`), so providers never clash and a peer's fork never starts ringtail.",
            "- **Allocation** is JMH's `-prof gc` `gc.alloc.rate.norm`: bytes allocated by all threads of the"
                    + " fork per call, consumer included.",
            "- **SampleTime** times individual calls with `System.nanoTime()` (tens of ns of its own), so"
                    + " sub-100 ns percentiles are quantized; Throughput has no such overhead.");

    static final Map<String, String> TEXT = Map.of(
            SYNC, String.join("\n",
                    "**Against the synchronous baseline.** The baseline here is its best case (loopback, no TLS,"
                            + " keep-alive, a receiver that answers at once): about 140 µs a call. A real BetterStack"
                            + " round trip from a service is tens of milliseconds with TLS, against which the same"
                            + " ringtail call is four to five orders of magnitude cheaper. Against the loopback"
                            + " baseline the goal needs ringtail's call at about 140 ns, and on this machine it is"
                            + " 300 to 700 ns. Why, and what would close it:",
                    "1. _Measured: the hand-off to the consumer's core._ The full-ring rows, which claim nothing"
                            + " and touch no line the consumer writes, answer in 40 to 80 ns. An accepted call CASes"
                            + " the shared cursor, fills a slot the consumer read last, and marks it available for"
                            + " the consumer: cache lines the other core holds. Through the SLF4J API"
                            + " (`RingtailSlf4jBenchmark -p ringSize=2000,10000`, paced 2 µs apart) two threads read"
                            + " about 220 ns at p50 with a ring of 2,000 against about 430 ns with the default: the"
                            + " default ring's slots do not fit a core's cache, so every slot the copy writes is a"
                            + " miss. On this virtual machine (Firecracker, 2 vCPUs) each miss or transfer costs"
                            + " on the order of 100 ns.",
                    "2. _What would close it._ Fewer shared lines per event: a per-thread buffer handed to the"
                            + " ring a batch at a time, or one single-producer ring per application thread (no CAS"
                            + " on a shared cursor), would amortize the transfers over many events. Bare-metal"
                            + " cores, or pinning the consumer next to the producers, would cut the cost of each"
                            + " transfer. Neither is done: both change the ordering and drop semantics the contract fixes"
                            + " fixes, and need their own measurements."),
            LOG4J2, String.join("\n",
                    "**Against Log4j2 all-async.** Both claim a slot in a Disruptor ring and hand it to a"
                            + " consumer thread, so both pay the cross-core transfers described above; Log4j2 also"
                            + " waits when its ring is full. If ringtail is the slower of the two in a run, the"
                            + " causes and fixes are those of the synchronous-baseline entry."),
            ALLOCATION, String.join("\n",
                    "**Allocation.** Measured on the producer thread alone with"
                            + " `ThreadMXBean.getThreadAllocatedBytes` (200,000 paced calls through"
                            + " `Pipeline.publish` after warm-up): 0.2 to 0.4 B per call, with and without an"
                            + " `Integer` argument, which is appended without a `String`. What `-prof gc` shows"
                            + " beyond that for the 0- and 1-argument rows (a few bytes per call, with an error"
                            + " larger than the value) is JMH's and the JIT's own allocation divided over the calls.",
                    "With three arguments SLF4J itself allocates the varargs `Object[]` (32 B) at the call site:"
                            + " SLF4J 2 has no three-argument `info` overload, so no provider can avoid it (Log4j2's"
                            + " own API has unrolled overloads up to ten parameters).",
                    "The fluent key-value API allocates SLF4J's `DefaultLoggingEventBuilder` and its lists per call"
                            + " (the _2 key-values_ rows); a provider-specific reusable builder returned from"
                            + " `atInfo()` would remove that."));
}
