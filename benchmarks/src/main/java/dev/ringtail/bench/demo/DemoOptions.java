package dev.ringtail.bench.demo;

import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import java.nio.file.Path;

/** The demo's flags, with defaults that finish in seconds on a 2-core machine. */
final class DemoOptions {
    static final int DEFAULT_EVENTS = 100_000;
    static final int DEFAULT_THREADS = 4;
    /** Events per second over all threads; a busy service's pace, not a saturating loop. 0 = as fast as possible. */
    static final int DEFAULT_RATE = 25_000;
    /** The synchronous baseline costs a round trip per event, so it gets fewer. */
    static final int DEFAULT_SYNC_EVENTS = 4_000;
    /** Events a thread logs back to back before it checks its pace: how bursty the offered load is. */
    static final int DEFAULT_BURST = 50;

    static final String USAGE = String.join("\n",
            "usage: java -jar benchmarks/target/benchmarks.jar demo [flags]",
            "  --events N       events ringtail logs (default " + DEFAULT_EVENTS + ")",
            "  --threads K      logging threads (default " + DEFAULT_THREADS + ")",
            "  --ring-size R    ringtail.ringSize (default: configured, else " + PipelineBuilder.DEFAULT_RING_SIZE + ")",
            "  --rate E         events per second over all threads, 0 = unpaced (default " + DEFAULT_RATE + ")",
            "  --burst B        events a thread logs back to back between pauses (default " + DEFAULT_BURST + ")",
            "  --sync-events M  events for the synchronous baseline (default " + DEFAULT_SYNC_EVENTS + ")",
            "  --summary FILE   also write the closing figures to FILE, one key<TAB>value a line",
            "With a source token (BETTERSTACK_SOURCE_TOKEN or -Dringtail.betterstack.token) ringtail sends",
            "to BetterStack; otherwise to an embedded BetterStack-compatible receiver on 127.0.0.1.");

    int events = DEFAULT_EVENTS;
    int threads = DEFAULT_THREADS;
    Integer ringSize;
    int rate = DEFAULT_RATE;
    int burst = DEFAULT_BURST;
    int syncEvents = DEFAULT_SYNC_EVENTS;
    /** Where the closing figures go as a {@code DemoSummary}; null: nowhere. */
    Path summary;
    boolean help;

    /** @throws IllegalArgumentException with a message fit for the user */
    static DemoOptions parse(String... args) {
        DemoOptions o = new DemoOptions();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                o.help = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--events":
                    o.events = positive(flag, value, 1);
                    break;
                case "--threads":
                    o.threads = positive(flag, value, 1);
                    break;
                case "--ring-size":
                    o.ringSize = positive(flag, value, 1);
                    break;
                case "--rate":
                    o.rate = positive(flag, value, 0);
                    break;
                case "--burst":
                    o.burst = positive(flag, value, 1);
                    break;
                case "--sync-events":
                    o.syncEvents = positive(flag, value, 0);
                    break;
                case "--summary":
                    o.summary = Path.of(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        return o;
    }

    private static int positive(String flag, String value, int min) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException(flag + " needs a whole number >= " + min + ", got '" + value + "'");
    }
}
