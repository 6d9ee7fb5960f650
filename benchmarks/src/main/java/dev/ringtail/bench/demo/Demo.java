package dev.ringtail.bench.demo;

import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.bench.DemoSummary;
import dev.ringtail.bench.LoopbackReceiver;
import dev.ringtail.bench.SyncHttpLogger;
import dev.ringtail.internal.config.RingtailConfig;
import dev.ringtail.internal.http.BetterStackSink;
import dev.ringtail.internal.http.Endpoints;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * The load demo, the README's first command: N events from K threads through SLF4J into ringtail,
 * delivered to an embedded BetterStack-compatible receiver on loopback (or to BetterStack when a
 * token is configured), then the same call made synchronously (one POST per event) for
 * comparison, and a short report.
 */
public final class Demo {
    static final String LOGGER = "demo.checkout";
    static final String MESSAGE = "Payment accepted for order {}";
    /** The receiver only checks that a token is present; this one never leaves the machine. */
    static final String LOOPBACK_TOKEN = "demo-loopback-token";
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private Demo() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.console() != null);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the demo; returns the process exit code (0 when every accepted event was delivered). */
    static int run(String[] args, PrintStream out, boolean terminal) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("demo: " + e.getMessage());
            out.println(DemoOptions.USAGE);
            return 2;
        }
        if (options.help) {
            out.println(DemoOptions.USAGE);
            return 0;
        }
        try (LoopbackReceiver receiver = LoopbackReceiver.start(true, LoopbackReceiver.SUITE_CONNECTIONS)) {
            boolean toBetterStack = configure(options, receiver);
            Target target = Target.open();
            try {
                return runWith(options, receiver, toBetterStack, target, out, terminal);
            } finally {
                target.shutdown(Duration.ofSeconds(5));
            }
        }
    }

    // ringtail reads its settings from system properties like any application; the demo only
    // fills in what the user did not set. Returns true if a real token sends to BetterStack.
    private static boolean configure(DemoOptions options, LoopbackReceiver receiver) {
        setIfAbsent("slf4j.provider", "dev.ringtail.slf4j.RingtailServiceProvider");
        setIfAbsent(RingtailConfig.CONSOLE, "false"); // the progress bar owns the terminal
        if (options.ringSize != null) {
            System.setProperty(RingtailConfig.RING_SIZE, Integer.toString(options.ringSize));
        }
        boolean toBetterStack = RingtailConfig.load().token().isPresent();
        if (!toBetterStack) {
            System.setProperty(RingtailConfig.ENDPOINT, receiver.endpoint().toString());
            System.setProperty(RingtailConfig.TOKEN, LOOPBACK_TOKEN);
        }
        return toBetterStack;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static int runWith(DemoOptions o, LoopbackReceiver receiver, boolean toBetterStack, Target target,
                               PrintStream out, boolean terminal) {
        RingtailConfig config = RingtailConfig.load();
        out.printf(Locale.ROOT, "ringtail demo: %,d events from %d threads%s, ring %,d, to %s%n", o.events, o.threads,
                o.rate > 0 ? String.format(Locale.ROOT, " at %,d events/s in bursts of %,d", o.rate, o.burst) : " (unpaced)",
                config.ringSize(), toBetterStack ? "BetterStack " + Endpoints.withoutUserInfo(config.endpoint())
                        + " (token " + config.maskedToken() + ")" : "a loopback receiver " + receiver.endpoint()
                        + (config.gzip() ? " (gzip)" : ""));
        out.println("  route: " + target.route());

        FloorRun.Result floor = FloorRun.time(o, out, terminal);
        Logger ringtail = target.logger(LOGGER);
        Latencies ringtailLatencies = new Latencies(o.threads, Load.share(o.events, o.threads, 0) + 1);
        long started = System.nanoTime();
        Load.run("ringtail", o.events, o.threads, o.rate, o.burst,
                (thread, count, pace, done) -> logLoop(ringtail, thread, count, pace, ringtailLatencies, done),
                out, terminal);
        long logged = System.nanoTime() - started;
        boolean drained = target.flush(DRAIN_TIMEOUT);
        long deliveredAt = System.nanoTime() - started;
        PipelineStats stats = target.stats();
        long receivedByRingtail = receiver.events();

        Latencies syncLatencies = new Latencies(o.threads, Load.share(o.syncEvents, o.threads, 0) + 1);
        long syncDelivered = 0;
        long syncFailed = 0;
        long syncElapsed = 0;
        if (o.syncEvents > 0) {
            try (SyncHttpLogger sync = new SyncHttpLogger(LOGGER, receiver.endpoint(), LOOPBACK_TOKEN, o.threads)) {
                long syncStarted = System.nanoTime();
                Load.run("sync POST", o.syncEvents, o.threads, 0, o.burst,
                        (thread, count, pace, done) -> logLoop(sync, thread, count, pace, syncLatencies, done),
                        out, terminal);
                syncElapsed = System.nanoTime() - syncStarted;
                syncDelivered = sync.delivered();
                syncFailed = sync.failed();
            } catch (IOException e) {
                out.println("  (closing the synchronous client failed: " + e + ")");
            }
        }

        Report report = new Report(out);
        Latencies.Summary ringtailSummary = ringtailLatencies.summarize();
        report.latencies(ringtailSummary, floor, syncLatencies.summarize(), timerCost());
        SinkStats sink = stats.sink(BetterStackSink.NAME).orElse(null);
        long delivered = sink == null ? 0 : sink.delivered();
        long failed = sink == null ? 0 : sink.failed();
        double endToEnd = delivered * 1e9 / deliveredAt;
        out.printf(Locale.ROOT, "ringtail   %,d events in %s: %,.0f events/s logged; accepted %,d, dropped %,d%n",
                stats.attempted(), Report.duration(logged), stats.attempted() * 1e9 / logged, stats.accepted(),
                stats.dropped());
        out.printf(Locale.ROOT, "           delivered %,d (2xx), failed %,d, %s after the first call: %,.0f events/s end"
                        + " to end%s%n", delivered, failed, Report.duration(deliveredAt), endToEnd,
                toBetterStack ? "" : String.format(Locale.ROOT, "; the receiver counted %,d", receivedByRingtail));
        if (sink != null) {
            out.printf(Locale.ROOT, "           %,d batches, %s on the wire (%s before gzip)%n", sink.batches(),
                    Report.bytes(sink.bytes()), Report.bytes(sink.rawBytes()));
        }
        if (o.syncEvents > 0) {
            out.printf(Locale.ROOT, "sync POST  %,d events in %s: %,.0f events/s, delivered %,d, failed %,d%n",
                    o.syncEvents, Report.duration(syncElapsed), o.syncEvents * 1e9 / syncElapsed, syncDelivered,
                    syncFailed);
        }
        if (stats.dropped() > 0) {
            out.println("note: dropped events are the ring doing its job: producers outran the sink, and ringtail"
                    + " refused (and counted) rather than make a log call wait. Try a lower --rate or a larger"
                    + " --ring-size.");
        }
        report.goals(ringtailSummary, endToEnd, o.rate, o.burst, stats.dropped(), failed);
        boolean summarized = o.summary == null || summary(o, stats, delivered, failed, endToEnd, ringtailSummary, out);
        boolean complete = drained && failed == 0 && delivered == stats.accepted();
        if (!complete) {
            out.println("warning: not every accepted event was delivered" + (drained ? "" : " (flush timed out)"));
        }
        return complete && summarized ? 0 : 1;
    }

    // The closing figures as the file the docs generator reads for the burst goal; false if it could not be written.
    private static boolean summary(DemoOptions o, PipelineStats stats, long delivered, long failed, double endToEnd,
                                   Latencies.Summary latencies, PrintStream out) {
        DemoSummary summary = new DemoSummary().put(DemoSummary.RATE, o.rate).put(DemoSummary.BURST, o.burst)
                .put(DemoSummary.THREADS, o.threads).put(DemoSummary.EVENTS, stats.attempted())
                .put(DemoSummary.ACCEPTED, stats.accepted()).put(DemoSummary.DROPPED, stats.dropped())
                .put(DemoSummary.DELIVERED, delivered).put(DemoSummary.FAILED, failed)
                .put(DemoSummary.END_TO_END_EVENTS_PER_SECOND, Math.round(endToEnd))
                .put(DemoSummary.P50_NANOS, latencies.quantile(0.50))
                .put(DemoSummary.P99_NANOS, latencies.quantile(0.99))
                .put(DemoSummary.P999_NANOS, latencies.quantile(0.999));
        try {
            summary.write(o.summary);
            out.println("summary written to " + o.summary);
            return true;
        } catch (IOException e) {
            out.println("warning: could not write the summary to " + o.summary + ": " + e);
            return false;
        }
    }

    // One thread's timed log calls; the ringtail and the synchronous runs share this call site, the floor has its own.
    private static void logLoop(Logger logger, int thread, int count, Load.Pace pace, Latencies latencies,
                                LongAdder done) {
        for (int i = 0; i < count; i++) {
            Integer orderId = 1_000_000 * thread + i; // boxed before the clock starts: the caller's cost, not the logger's
            long t0 = System.nanoTime();
            logger.info(MESSAGE, orderId);
            latencies.record(thread, System.nanoTime() - t0);
            done.increment();
            pace.after(i);
        }
    }

    // What one System.nanoTime() pair costs here: included in every recorded latency.
    private static long timerCost() {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            best = Math.min(best, t1 - t0);
        }
        return best;
    }
}
