package dev.ringtail.bench.report;

import java.util.Map;

/**
 * The prose of the benchmarks document: how the numbers are made, and for each goal the causes
 * found (with a profiler, not guessed) when it was missed, and what would close the gap. It is
 * printed only next to a goal the run actually missed.
 */
final class Diagnosis {
    private Diagnosis() {
    }

    static final String METHOD = String.join("\n",
            "- **The call.** Every logger makes the same call from the benchmark thread:"
                    + " `info(\"Payment failed for order {}\", orderId)` with a preallocated `Integer` (boxing would"
                    + " be the caller's allocation). ringtail's own rows also vary the arguments (0, 1, 3), and add"
                    + " two MDC entries or two fluent key-value pairs (`atInfo().addKeyValue(..)`).",
            "- **ringtail** is the shipped `RingtailLogger` over a `Pipeline` whose only sink is a no-op, so the"
                    + " number is the application thread's cost: level check, capture, one non-blocking publish."
                    + " On 2 cores the consumer thread competes with the benchmark threads for CPU, so it does"
                    + " fall behind and some calls take the drop path (see _accepted_). The full-ring rows stall"
                    + " the consumer and measure the refusal alone.",
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
            "sync", String.join("\n",
                    "**Against the synchronous baseline.** The baseline here is its best case (loopback, no TLS,"
                            + " keep-alive), so the ratio understates the gap to a real BetterStack round trip"
                            + " (milliseconds). When ringtail's own call is the slow side, the causes and fixes are"
                            + " those of the Log4j2 entry below."),
            "log4j2", String.join("\n",
                    "**Against Log4j2 all-async.** What is known (read from the publish path, and measured on the"
                            + " producer thread with `ThreadMXBean`) and what is only suspected:",
                    "1. _Known: the argument's `toString()`._ See the allocation entry: a `String` and its"
                            + " `byte[]` (48 B) per accepted event for an `Integer` argument, plus the copy.",
                    "2. _Suspected: wake-ups while the consumer sleeps._ ringtail's default `timeout` wait"
                            + " strategy parks the consumer after 100 spins; every publish that finds a sleeper"
                            + " iterates a `ConcurrentHashMap` key set (an iterator allocation) and calls"
                            + " `LockSupport.unpark` (a system call), and keeps doing so until the consumer has run"
                            + " and lowered the sleeper count. If `-p waitStrategy=busyspin` rows are clearly faster"
                            + " on a quiet machine, this is it; the fix is to keep the consumer threads in an array"
                            + " and wake once per sleep (a `signalNeeded` flag the consumer raises before parking and"
                            + " the first producer clears with `getAndSet`, as the Disruptor's"
                            + " `LiteTimeoutBlockingWaitStrategy` does). On the loaded machine the suite was written"
                            + " on, busyspin made no clear difference: the consumer fell behind either way.",
                    "3. _The drop path mixes in._ Where _accepted_ is below 100 % the consumer lost the race for"
                            + " CPU; those calls were cheap refusals, so a low share flatters ringtail's percentiles"
                            + " rather than hurting them. A ringtail number is only comparable to Log4j2's (which"
                            + " waits instead of refusing) when _accepted_ is near 100 %."),
            "alloc", String.join("\n",
                    "**Allocation.** Measured on the producer thread alone with"
                            + " `ThreadMXBean.getThreadAllocatedBytes`: 48 B per _accepted_ event with an `Integer`"
                            + " argument, about 0 with none. The cause is `LogEvent.appendArgument`, which formats a"
                            + " non-`String` argument with `String.valueOf(value.toString())`: the `Integer`'s"
                            + " `String` (24 B) and its `byte[]` (24 B). Closing it: append `Integer`, `Long`,"
                            + " `Short`, `Byte` with `StringBuilder.append(long)`, and `Boolean`/`Character` with"
                            + " their own `append`, when the slot has room (20 chars), before falling back to"
                            + " `toString()` (it still must for other types, and to honour a throwing `toString`).",
                    "With three arguments SLF4J itself allocates the varargs `Object[]` (32 B) at the call site:"
                            + " SLF4J 2 has no three-argument `info` overload, so no provider can avoid it (Log4j2's"
                            + " own API has unrolled overloads up to ten parameters).",
                    "The few bytes per call left without arguments are probably the wait strategy's iterator (see the"
                            + " Log4j2 entry). The fluent key-value API allocates SLF4J's `DefaultLoggingEventBuilder`"
                            + " and its lists per call (the _2 key-values_ rows); a provider-specific reusable"
                            + " builder returned from `atInfo()` would remove that."));
}
