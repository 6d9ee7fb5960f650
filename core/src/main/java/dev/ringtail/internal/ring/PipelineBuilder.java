package dev.ringtail.internal.ring;

import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.event.Truncation;
import dev.ringtail.internal.sink.Sink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link Pipeline}; every default is a named constant here. Programming errors (a ring
 * size out of range) throw {@link IllegalArgumentException}; user configuration is validated
 * earlier, by {@code RingtailConfig}, which falls back to these defaults instead.
 */
public final class PipelineBuilder {
    /** Default limit of pending events ({@code ringtail.ringSize}). */
    public static final int DEFAULT_RING_SIZE = 10_000;
    /** Largest accepted {@code ringtail.ringSize}: 2^26 slots. */
    public static final int MAX_RING_SIZE = 1 << 26;
    /** Default share of the ring kept for WARN and ERROR ({@code ringtail.reserve}). */
    public static final double DEFAULT_RESERVE = 0.1;
    /** Default consumer wait ({@code ringtail.waitStrategy}). */
    public static final WaitStrategyKind DEFAULT_WAIT_STRATEGY = WaitStrategyKind.TIMEOUT;
    /** Default interval between drop summaries ({@code ringtail.dropReportMillis}). */
    public static final Duration DEFAULT_DROP_REPORT_INTERVAL = Duration.ofSeconds(10);
    /** Default message length limit ({@code ringtail.message.maxChars}). */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 32_768;
    /** Largest default for {@code ringtail.ring.maxBytes}: 64 MiB. */
    public static final long MAX_DEFAULT_RETAINED_BYTES = 64L << 20;
    /** Default bound of key-value texts and marker names in the slot ({@code ringtail.field.maxChars}). */
    public static final int DEFAULT_MAX_FIELD_CHARS = Truncation.DEFAULT_MAX_FIELD_CHARS;
    /**
     * How often an idle consumer lets its sinks send time-based batches: the idle poll interval,
     * so the tick costs no wake-up of its own and a batch leaves at most this long after it is due.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMillis(25);

    int ringSize = DEFAULT_RING_SIZE;
    double reserve = DEFAULT_RESERVE;
    WaitStrategyKind waitStrategy = DEFAULT_WAIT_STRATEGY;
    Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    Duration dropReportInterval = DEFAULT_DROP_REPORT_INTERVAL;
    int maxMessageChars = DEFAULT_MAX_MESSAGE_CHARS;
    long maxRetainedBytes = defaultRetainedBytes(Runtime.getRuntime().maxMemory());
    int maxFieldChars = DEFAULT_MAX_FIELD_CHARS;
    Clock clock = Clock.systemUTC();
    Diagnostics diagnostics = Diagnostics.stderr();
    boolean jmx = true;
    final List<Sink> sinks = new ArrayList<>();
    final Map<String, Object> mbeans = new LinkedHashMap<>();

    PipelineBuilder() {
    }

    /** Same as {@link Pipeline#builder()}. */
    public static PipelineBuilder create() {
        return new PipelineBuilder();
    }

    /** Limit of pending events, 1 to {@link #MAX_RING_SIZE}. */
    public PipelineBuilder ringSize(int ringSize) {
        if (ringSize < 1 || ringSize > MAX_RING_SIZE) {
            throw new IllegalArgumentException("ringSize must be 1.." + MAX_RING_SIZE + ": " + ringSize);
        }
        this.ringSize = ringSize;
        return this;
    }

    /** Share of the ring kept for WARN and ERROR, 0 to 1 (exclusive). */
    public PipelineBuilder reserve(double reserve) {
        if (!(reserve >= 0 && reserve < 1)) {
            throw new IllegalArgumentException("reserve must be in [0, 1): " + reserve);
        }
        this.reserve = reserve;
        return this;
    }

    public PipelineBuilder waitStrategy(WaitStrategyKind waitStrategy) {
        this.waitStrategy = Objects.requireNonNull(waitStrategy);
        return this;
    }

    /** How long an idle consumer waits before giving its sink an {@code onIdle} tick. */
    public PipelineBuilder idleTimeout(Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
        return this;
    }

    public PipelineBuilder dropReportInterval(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("dropReportInterval must not be negative: " + interval);
        }
        this.dropReportInterval = interval;
        return this;
    }

    public PipelineBuilder maxMessageChars(int maxMessageChars) {
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("maxMessageChars must be positive: " + maxMessageChars);
        }
        this.maxMessageChars = maxMessageChars;
        return this;
    }

    /**
     * Bytes pending events may hold beyond their preallocated slots ({@code ringtail.ring.maxBytes});
     * an event that would pass it is dropped and counted ({@code memory}).
     */
    public PipelineBuilder maxRetainedBytes(long maxRetainedBytes) {
        if (maxRetainedBytes < 0) {
            throw new IllegalArgumentException("maxRetainedBytes must not be negative: " + maxRetainedBytes);
        }
        this.maxRetainedBytes = maxRetainedBytes;
        return this;
    }

    /** The default budget for a heap of {@code maxHeap} bytes: an eighth of it, at most 64 MiB. */
    public static long defaultRetainedBytes(long maxHeap) {
        return Math.min(MAX_DEFAULT_RETAINED_BYTES, maxHeap / 8);
    }

    /** Key-value keys and texts and marker names longer than this are cut when captured. */
    public PipelineBuilder maxFieldChars(int maxFieldChars) {
        if (maxFieldChars < 1) {
            throw new IllegalArgumentException("maxFieldChars must be positive: " + maxFieldChars);
        }
        this.maxFieldChars = maxFieldChars;
        return this;
    }

    public PipelineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Where ringtail's own messages go; stderr by default. */
    public PipelineBuilder diagnostics(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics);
        return this;
    }

    /** Register the MBeans on {@link Pipeline#start()} (default true). */
    public PipelineBuilder jmx(boolean jmx) {
        this.jmx = jmx;
        return this;
    }

    /**
     * Another MBean to register and unregister with the pipeline's own (when {@link #jmx}), for
     * what lives as long as the pipeline, such as the levels.
     */
    public PipelineBuilder mbean(String objectName, Object bean) {
        mbeans.put(Objects.requireNonNull(objectName), Objects.requireNonNull(bean));
        return this;
    }

    /** Adds a sink; each gets its own consumer thread. */
    public PipelineBuilder sink(Sink sink) {
        sinks.add(Objects.requireNonNull(sink));
        return this;
    }

    public Pipeline build() {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("a pipeline needs at least one sink");
        }
        return new Pipeline(this);
    }

    @Override
    public String toString() {
        return "PipelineBuilder{ringSize=" + ringSize + ", sinks=" + sinks.size() + '}';
    }
}
