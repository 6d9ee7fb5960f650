package dev.ringtail.internal.ring;

import java.util.Locale;

/** The consumer wait, as chosen by {@code ringtail.waitStrategy}. */
public enum WaitStrategyKind {
    /** Spin briefly, then park; producers wake it without a lock. The default: an idle pipeline uses no CPU. */
    TIMEOUT,
    /** The Disruptor's lock-and-condition strategy with a timeout. Producers take the lock to signal. */
    BLOCKING,
    /** Spin, yield, then sleep 100 µs at a time. Low producer cost, some idle CPU. */
    SLEEPING,
    /** Spin, then {@code Thread.yield()}. Low latency, burns a core while idle. */
    YIELDING,
    /** Busy spin. Lowest latency, burns a core per sink: only with cores to spare. */
    BUSYSPIN;

    /** The configuration spelling, e.g. {@code busyspin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every configuration spelling, in declaration order. */
    public static String[] keys() {
        WaitStrategyKind[] kinds = values();
        String[] keys = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            keys[i] = kinds[i].key();
        }
        return keys;
    }

    /** Parses a configuration value; null if it names no strategy. */
    public static WaitStrategyKind parse(String value) {
        if (value == null) {
            return null;
        }
        for (WaitStrategyKind kind : values()) {
            if (kind.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        return null;
    }
}
