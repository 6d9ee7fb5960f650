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
    /** Keys of {@link #TEXT} for the hot path's and the sink's goals: one per family of goals. */
    static final String HOT_PATH = "hot-path";
    static final String PEERS = "peers";
    static final String FLUENT = "fluent";
    static final String END_TO_END = "end-to-end";
    static final String BURSTS = "bursts";

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
            "- **Bursts** come from the demo, which `run-suite.sh` runs after JMH: `demo --threads 1 --rate 300000"
                    + " --burst 1000 --sync-events 0 --events 3000000 --summary burst.tsv`, ringtail's SLF4J logger"
                    + " into its BetterStack sink and an in-process receiver that parses every body, on the same"
                    + " machine. The summary file is the report's `--burst`.",
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
                            + " 130 to 300 ns. Why, and what would close it:",
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
                            + " transfer. Neither is done: both change the ordering and drop semantics the contract"
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
                            + " `atInfo()` would remove that."),
            HOT_PATH, String.join("\n",
                    "**The call, at one and two threads.** Measured on this machine (a 2-vCPU Firecracker VM, AMD"
                            + " EPYC) with throwaway builds that each skipped one step of the hot path, five rounds of"
                            + " short forks alternating with the shipped build (medians): skipping the copy into the"
                            + " slot took one thread's p50 from 220 to 101 ns and its p99 from 741 to 180 ns, and two"
                            + " threads' p50 from 241 to 130 ns; skipping the clock (`Instant.now()`) saved about"
                            + " 30 ns, skipping the formatting about 40 ns. The rest is the level, re-entrancy,"
                            + " admission and memory checks and the claim.",
                    "The copy's cost is cache misses, and where the collector put the ring decides how many. The"
                            + " default ring of 10,000 events has 16,384 slots of ten objects each (about 860 bytes,"
                            + " 14 MB in all), so a slot the copy writes was last touched 16,384 events earlier. G1,"
                            + " the JVM's default, copies the ring during the young collections of start-up in its"
                            + " own traversal order, not the ring's, so the hardware prefetcher cannot run ahead of"
                            + " the copy. Same build, alternating forks, one thread, p50: default G1 190-300 ns (three"
                            + " young collections during start-up); G1 with a young generation big enough that none"
                            + " ran (`-Xms4g -Xmn2g`) 130 ns in three forks of four; ParallelGC 110-131 ns in six of"
                            + " six. With `-p ringSize=2000` the slots fit the caches: two threads read about 220 ns"
                            + " at p50 against about 430 ns at 10,000 in the same runs. The floor benchmark's slots"
                            + " are one small object each.",
                    "What would close it: slots whose storage the collector never reorders (the message text of"
                            + " every slot in one large array, fewer objects per slot), so that the copy walks memory"
                            + " in order. Not done: it changes how a slot holds its text, and its effect has to be"
                            + " measured under every collector. Already done: the slot's and the capture event's"
                            + " references are stored only when they change, since under G1 each reference stored"
                            + " into an old object is a StoreLoad fence that waits for the copy's stores (two"
                            + " threads, p99.9: 232 to 28 \u00b5s).",
                    "At two threads the consumer, woken once a millisecond to drain about 1,000 events, takes a"
                            + " core from one of the two spinning benchmark threads: that is the p99.9."),
            PEERS, String.join("\n",
                    "**Against logback-logtail and Log4j2.** logback-logtail's `append` adds the event to a"
                            + " synchronized `Vector` on the calling thread: no hand-off to another core and no ring"
                            + " slot to fill, so it pays none of the cache misses that are most of ringtail's call."
                            + " It allocates about 2 KB per call, and drops silently when its queue is full.",
                    "Log4j2 all-async hands each event to another thread through a Disruptor ring, as ringtail"
                            + " does. A quarter of its time needs ringtail's call near the floor; what keeps it"
                            + " from there is the hot path's entry."),
            FLUENT, String.join("\n",
                    "**The fluent call with two key-values.** It is the plain call plus a builder and two"
                            + " key-value pairs, and the pairs are copied into the slot with the rest: the hot path's"
                            + " causes, with more cold cache lines to write: the pairs' keys, types and values sit in"
                            + " the slot's own arrays. ringtail's `atInfo()` hands out a per-thread builder that is"
                            + " reused (SLF4J's default builder took about 250 B a call), so a figure above the"
                            + " byte goal would mean something on that path allocates again."),
            END_TO_END, String.join("\n",
                    "**End to end.** On two cores the logging thread, the consumer (JSON serialization 0.8 to"
                            + " 1.1 \u00b5s per event in `SerializationBenchmark.typical`, gzip level 1 about"
                            + " 0.33 \u00b5s per event), the HTTP senders and the loopback receiver (gunzip and a"
                            + " JSON parse of every body) share the machine, so events per second is bounded by the"
                            + " sum of their CPU time per event. logback-logtail sends without gzip, which spares"
                            + " it and the receiver the deflate and the inflate. Against a remote endpoint the"
                            + " receiver's share leaves the machine."),
            BURSTS, String.join("\n",
                    "**Bursts.** The demo shares the two cores the same way: the logging thread, the consumer, the"
                            + " senders and an in-process receiver that parses every body. Offering 300,000 events/s"
                            + " needs all of them to keep up with that pace on those two cores while the application"
                            + " logs; whenever the sink falls behind by more than the ring holds (INFO stops at 90 %"
                            + " of 10,000, about 30 ms at that rate), the ring refuses the call and counts it."
                            + " _dropped_ are those refusals; _failed_ are accepted events the sink gave up on."));
}
