package dev.ringtail.internal.ring;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.internal.sink.ConsoleFormat;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.LevelCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ring between application threads and sinks.
 *
 * <p>A log call is {@link #publish}: an admission check, one non-blocking claim of a preallocated
 * slot, the translator filling it, one publish. When the ring holds {@code ringSize} pending
 * events the call is dropped and counted instead: the caller never waits for a consumer, a lock
 * a consumer holds, or the network. Each sink runs on its own consumer thread and sees every
 * event (multicast).
 *
 * <p>Build with {@link #builder()}, then {@link #start()}. {@link #flush(Duration)} and
 * {@link #shutdown(Duration)} are safe from any thread, including a shutdown hook.
 */
public final class Pipeline {
    /** Default limit of pending events ({@code ringtail.ringSize}). */
    public static final int DEFAULT_RING_SIZE = 10_000;
    /** Largest accepted {@code ringtail.ringSize}: 2^26 slots. */
    public static final int MAX_RING_SIZE = 1 << 26;
    /** Default share of the ring kept for WARN and ERROR ({@code ringtail.reserve}). */
    public static final double DEFAULT_RESERVE = 0.1;
    /** Default interval between drop summaries ({@code ringtail.dropReportMillis}). */
    public static final Duration DEFAULT_DROP_REPORT_INTERVAL = Duration.ofSeconds(10);
    /** Default message length limit ({@code ringtail.message.maxChars}). */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 32_768;
    /** How often an idle consumer wakes to let its sink send time-based batches. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMillis(100);

    /** After the shutdown deadline, how long sinks get to count what they hold and close. */
    static final long ABANDON_GRACE_NANOS = 250_000_000L;

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private final int limit;
    private final int lowLevelLimit;
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final boolean jmx;
    private final Disruptor<LogEvent> disruptor;
    private final RingBuffer<LogEvent> ring;
    private final SinkHandler[] handlers;
    private final Sequence[] consumerSequences;
    private final LevelCounter accepted = new LevelCounter();
    private final LevelCounter dropped = new LevelCounter();
    private final AtomicInteger state = new AtomicInteger(NEW);
    private final ConsoleFormat fallbackFormat;
    private final Object fallbackLock = new Object();
    /**
     * Slots still being filled when shutdown counted what the sinks left behind (true), or
     * published by a log call that saw shutdown under way (false): whichever side comes second
     * counts the event. Touched only while shutting down.
     */
    private final ConcurrentHashMap<Long, Boolean> lateSlots = new ConcurrentHashMap<>();
    private volatile long consumedCache = -1;
    private volatile Boolean shutdownResult;
    private JmxRegistration registration;

    private Pipeline(Builder b) {
        this.limit = b.ringSize;
        this.lowLevelLimit = b.ringSize - (int) Math.round(b.ringSize * b.reserve);
        this.clock = b.clock;
        this.diagnostics = b.diagnostics;
        this.jmx = b.jmx;
        this.fallbackFormat = new ConsoleFormat(ZoneId.systemDefault(), b.maxMessageChars);
        int maxChars = b.maxMessageChars;
        int capacity = nextPowerOfTwo(b.ringSize);
        this.disruptor = new Disruptor<>(() -> new LogEvent(maxChars), capacity,
                RecursionGuard.pipelineThreads("ringtail-consumer"), ProducerType.MULTI,
                RingWaitStrategy.create(b.waitStrategy, b.idleTimeout.toNanos()));
        this.handlers = new SinkHandler[b.sinks.size()];
        for (int i = 0; i < handlers.length; i++) {
            handlers[i] = new SinkHandler(b.sinks.get(i),
                    new DropReporter(dropped, b.dropReportInterval.toNanos(), clock, maxChars), diagnostics);
        }
        disruptor.setDefaultExceptionHandler(new LastResortHandler(diagnostics));
        disruptor.handleEventsWith(handlers);
        this.ring = disruptor.getRingBuffer();
        this.consumerSequences = new Sequence[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            consumerSequences[i] = Objects.requireNonNull(handlers[i].sequence(), "sequence callback");
        }
        if (capacity > limit) {
            ring.addGatingSequences(new LimitSequence(consumerSequences, capacity - limit));
            // The sequencer caches the minimum gating sequence, starting at -1, and refreshes it
            // only when a claim would pass it. Our limit sequence starts below -1, so ask for more
            // than the ring holds once: the answer is no, and the cache now holds the true minimum.
            ring.hasAvailableCapacity(capacity + 1);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the consumer threads and registers the MBeans. Events published before are kept. */
    public Pipeline start() {
        if (state.compareAndSet(NEW, RUNNING)) {
            disruptor.start();
            if (jmx) {
                registration = JmxRegistration.register(this, diagnostics);
            }
        }
        return this;
    }

    // ------------------------------------------------------------------ hot path

    /**
     * Publishes one event, or drops and counts it. Never blocks, never throws.
     *
     * @return true if the event was accepted into the ring
     */
    public <A, B, C, D> boolean publish(Level level, String loggerName, EventTranslator<A, B, C, D> translator,
                                        A a, B b, C c, D d) {
        RecursionGuard.Depth depth = RecursionGuard.current();
        if (depth.value > 0) {
            return reentrant(depth, level, loggerName, translator, a, b, c, d);
        }
        depth.value = 1; // a toString() that logs while we format must not claim a second slot
        try {
            if (state.get() >= STOPPING) {
                return afterShutdown(depth, level, loggerName, translator, a, b, c, d);
            }
            if (!level.isReserved() && !belowLowLevelLimit()) {
                dropped.increment(level);
                return false;
            }
            long sequence;
            try {
                sequence = ring.tryNext();
            } catch (InsufficientCapacityException full) {
                // a preallocated singleton without a stack trace: the full ring answers in nanoseconds
                dropped.increment(level);
                return false;
            }
            return fill(sequence, level, loggerName, translator, a, b, c, d);
        } finally {
            depth.value = 0;
        }
    }

    private <A, B, C, D> boolean fill(long sequence, Level level, String loggerName,
                                      EventTranslator<A, B, C, D> translator, A a, B b, C c, D d) {
        LogEvent event = ring.get(sequence);
        try {
            Instant now = clock.instant(); // scalar-replaced by escape analysis once inlined
            event.begin(LogEvent.Kind.LOG, level, loggerName, Thread.currentThread().getName(),
                    now.getEpochSecond(), now.getNano(), handlers.length);
            translator.translateTo(event, a, b, c, d);
        } catch (Throwable t) {
            event.markBroken();
            ring.publish(sequence);
            dropped.increment(level);
            diagnostics.rateLimited("dropped an event from logger " + loggerName + ": filling it threw "
                    + t.getClass().getName());
            return false;
        }
        ring.publish(sequence);
        accepted.increment(level);
        if (state.get() >= STOPPING) {
            publishedDuringShutdown(sequence, level, loggerName);
        }
        return true;
    }

    // This call passed the state check before shutdown began and is only now publishing. If
    // shutdown already counted what the sinks left and found this slot still being filled (a slow
    // toString() can outlast the deadline), no consumer will ever see it: count it here.
    private void publishedDuringShutdown(long sequence, Level level, String loggerName) {
        if (lateSlots.putIfAbsent(sequence, Boolean.FALSE) == Boolean.TRUE) {
            for (SinkHandler handler : handlers) {
                handler.sink().counters().failed(level, 1);
            }
            diagnostics.line("an event from logger " + loggerName
                    + " was published after shutdown had finished and was not delivered (counted failed)");
        }
    }

    // Pending = claimed minus consumed. The consumed value is cached and refreshed only when the
    // cached one says the reserve is reached, so the common case reads the cursor and one field.
    private boolean belowLowLevelLimit() {
        long cursor = ring.getCursor();
        if (cursor - consumedCache < lowLevelLimit) {
            return true;
        }
        long consumed = LimitSequence.minimum(consumerSequences);
        consumedCache = consumed;
        return cursor - consumed < lowLevelLimit;
    }

    // ------------------------------------------------------------------ cold paths

    private <A, B, C, D> boolean reentrant(RecursionGuard.Depth depth, Level level, String loggerName,
                                           EventTranslator<A, B, C, D> translator, A a, B b, C c, D d) {
        dropped.increment(level);
        if (depth.value == 1) { // one level of nesting is shown; deeper ones are only counted
            depth.value = 2;
            try {
                diagnostics.rateLimited("not sent, logged from inside the pipeline: "
                        + render(level, loggerName, translator, a, b, c, d));
            } finally {
                depth.value = 1;
            }
        }
        return false;
    }

    private <A, B, C, D> boolean afterShutdown(RecursionGuard.Depth depth, Level level, String loggerName,
                                               EventTranslator<A, B, C, D> translator, A a, B b, C c, D d) {
        dropped.increment(level);
        depth.value = 2;
        String line = render(level, loggerName, translator, a, b, c, d);
        synchronized (fallbackLock) {
            System.err.print(line);
            System.err.flush();
        }
        return false;
    }

    private <A, B, C, D> String render(Level level, String loggerName, EventTranslator<A, B, C, D> translator,
                                       A a, B b, C c, D d) {
        LogEvent scratch = new LogEvent(DEFAULT_MAX_MESSAGE_CHARS);
        Instant now = clock.instant();
        scratch.begin(LogEvent.Kind.LOG, level, loggerName, Thread.currentThread().getName(),
                now.getEpochSecond(), now.getNano(), 0);
        try {
            translator.translateTo(scratch, a, b, c, d);
        } catch (Throwable t) {
            scratch.message("[FAILED to format: " + t.getClass().getName() + "]");
        }
        StringBuilder line = new StringBuilder();
        synchronized (fallbackLock) {
            fallbackFormat.append(scratch, line);
        }
        return line.toString();
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Hands everything accepted before this call to every sink and lets each sink deliver it.
     *
     * @return true if every sink finished within the timeout
     */
    public boolean flush(Duration timeout) {
        if (state.get() != RUNNING) {
            return state.get() == STOPPED;
        }
        return control(LogEvent.Kind.FLUSH, System.nanoTime() + timeout.toNanos());
    }

    /**
     * Stops accepting events, drains the ring into the sinks, closes them and unregisters the
     * MBeans, all within the timeout. Events logged from now on go to stderr and are counted
     * dropped. Idempotent; concurrent callers wait for the first one's result.
     *
     * @return true if everything accepted was handed over and the sinks closed in time; false if
     * the deadline passed, in which case the events left behind are counted failed and reported
     */
    public boolean shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int previous = state.get();
        if (previous == NEW && state.compareAndSet(NEW, STOPPED)) {
            return true;
        }
        if (previous >= STOPPING || !state.compareAndSet(RUNNING, STOPPING)) {
            return awaitShutdownResult(deadline);
        }
        boolean ok = false;
        try {
            ControlRequest request = publishControl(LogEvent.Kind.SHUTDOWN, deadline);
            ok = request != null && settle(request);
            if (!ok) {
                abandon(request);
            }
        } finally {
            disruptor.halt();
            long lost = countLost();
            for (SinkHandler handler : handlers) {
                lost += handler.abandoned();
            }
            if (lost > 0) {
                diagnostics.line("shutdown deadline passed: " + lost
                        + " events were not delivered (counted failed)");
                ok = false;
            }
            if (registration != null) {
                registration.unregister();
            }
            state.set(STOPPED);
            shutdownResult = ok;
        }
        return ok;
    }

    // The deadline passed with sinks still busy: they stop delivering and count what is left as
    // failed (a sink blocked in a wait is interrupted), and get a short grace to close, so that
    // batches a sink holds are counted too. A sink that ignores all this is left behind.
    private void abandon(ControlRequest pending) {
        long grace = System.nanoTime() + ABANDON_GRACE_NANOS;
        for (SinkHandler handler : handlers) {
            handler.abandon();
        }
        ControlRequest request = pending != null ? pending : publishControl(LogEvent.Kind.SHUTDOWN, grace);
        if (request != null) {
            try {
                request.awaitUntil(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean awaitShutdownResult(long deadline) {
        while (shutdownResult == null && state.get() != STOPPED && System.nanoTime() - deadline < 0) {
            parkMillis(1);
        }
        Boolean result = shutdownResult;
        return result != null ? result : state.get() == STOPPED;
    }

    private boolean control(LogEvent.Kind kind, long deadline) {
        ControlRequest request = publishControl(kind, deadline);
        return request != null && settle(request);
    }

    // A control event takes a slot like any other; flush and shutdown may wait for one, log calls
    // never do. Null if no slot came free before the deadline.
    private ControlRequest publishControl(LogEvent.Kind kind, long deadline) {
        ControlRequest request = new ControlRequest(deadline, handlers.length);
        long sequence;
        while (true) {
            try {
                sequence = ring.tryNext();
                break;
            } catch (InsufficientCapacityException full) {
                if (System.nanoTime() - deadline >= 0) {
                    return null;
                }
                parkMillis(1);
            }
        }
        LogEvent event = ring.get(sequence);
        Instant now = clock.instant();
        event.begin(kind, Level.INFO, DropReporter.LOGGER, Thread.currentThread().getName(),
                now.getEpochSecond(), now.getNano(), handlers.length);
        event.control(kind, request);
        request.sequence = sequence;
        ring.publish(sequence);
        return request;
    }

    private boolean settle(ControlRequest request) {
        try {
            boolean done = request.await();
            // the sinks answered from inside onEvent; wait the few instructions until the control
            // slot itself is released, so that after a flush nothing is pending
            while (done && LimitSequence.minimum(consumerSequences) < request.sequence
                    && System.nanoTime() - request.deadlineNanos < 0) {
                Thread.onSpinWait();
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // After halt: whatever a sink had not consumed is failed for that sink, so nothing goes unaccounted.
    // A sink still stuck in a call is sealed first, so that it counts nothing more if it ever returns.
    private long countLost() {
        long cursor = ring.getCursor();
        long lost = 0;
        for (SinkHandler handler : handlers) {
            handler.seal();
        }
        for (SinkHandler handler : handlers) {
            for (long s = handler.sequence().get() + 1; s <= cursor; s++) {
                boolean available = ring.isAvailable(s);
                if (lateSlots.get(s) == Boolean.TRUE) {
                    continue; // left to its producer, for every sink
                }
                // Claimed but still being filled: its producer counts it when it publishes, unless
                // it already published and left it to us (false).
                if (!available && lateSlots.putIfAbsent(s, Boolean.TRUE) == null) {
                    continue;
                }
                LogEvent event = ring.get(s);
                if (event.kind() == LogEvent.Kind.LOG && !event.isSynthetic()) {
                    handler.sink().counters().failed(event.level(), 1);
                    lost++;
                }
            }
        }
        return lost;
    }

    private static void parkMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ stats

    /** A consistent-enough snapshot of every counter; exact once producers and consumers are quiet. */
    public PipelineStats stats() {
        List<SinkStats> sinkStats = new ArrayList<>(handlers.length);
        for (SinkHandler handler : handlers) {
            sinkStats.add(handler.sink().counters().snapshot());
        }
        return new PipelineStats(accepted.sums(), dropped.sums(), pending(), limit, sinkStats);
    }

    /** Events accepted and not yet seen by every sink. */
    public long pending() {
        long pending = ring.getCursor() - LimitSequence.minimum(consumerSequences);
        return Math.max(0, Math.min(pending, limit));
    }

    /** The configured limit of pending events. */
    public int ringSize() {
        return limit;
    }

    /** The power-of-two number of slots actually allocated. */
    public int capacity() {
        return ring.getBufferSize();
    }

    public List<Sink> sinks() {
        List<Sink> sinks = new ArrayList<>(handlers.length);
        for (SinkHandler handler : handlers) {
            sinks.add(handler.sink());
        }
        return sinks;
    }

    public boolean isRunning() {
        return state.get() == RUNNING;
    }

    static int nextPowerOfTwo(int value) {
        return value <= 1 ? 1 : Integer.highestOneBit(value - 1) << 1;
    }

    @Override
    public String toString() {
        return "Pipeline{ringSize=" + limit + ", capacity=" + ring.getBufferSize() + ", sinks="
                + handlers.length + ", state=" + state.get() + '}';
    }

    /** Only reached if a handler itself fails; the sink calls are already guarded. */
    private static final class LastResortHandler implements ExceptionHandler<LogEvent> {
        private final Diagnostics diagnostics;

        LastResortHandler(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override
        public void handleEventException(Throwable ex, long sequence, LogEvent event) {
            diagnostics.once("handler:" + ex.getClass().getName(), "consumer error " + ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            diagnostics.once("start:" + ex.getClass().getName(), "consumer start error " + ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            diagnostics.once("stop:" + ex.getClass().getName(), "consumer stop error " + ex);
        }
    }

    /**
     * Builds a {@link Pipeline}. Programming errors (a ring size out of range) throw
     * {@link IllegalArgumentException}; user configuration is validated earlier, by
     * {@code RingtailConfig}, which falls back to defaults instead.
     */
    public static final class Builder {
        private int ringSize = DEFAULT_RING_SIZE;
        private double reserve = DEFAULT_RESERVE;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration dropReportInterval = DEFAULT_DROP_REPORT_INTERVAL;
        private int maxMessageChars = DEFAULT_MAX_MESSAGE_CHARS;
        private Clock clock = Clock.systemUTC();
        private Diagnostics diagnostics = Diagnostics.stderr();
        private boolean jmx = true;
        private final List<Sink> sinks = new ArrayList<>();

        private Builder() {
        }

        /** Limit of pending events, 1 to {@link #MAX_RING_SIZE}. */
        public Builder ringSize(int ringSize) {
            if (ringSize < 1 || ringSize > MAX_RING_SIZE) {
                throw new IllegalArgumentException("ringSize must be 1.." + MAX_RING_SIZE + ": " + ringSize);
            }
            this.ringSize = ringSize;
            return this;
        }

        /** Share of the ring kept for WARN and ERROR, 0 to 1 (exclusive). */
        public Builder reserve(double reserve) {
            if (!(reserve >= 0 && reserve < 1)) {
                throw new IllegalArgumentException("reserve must be in [0, 1): " + reserve);
            }
            this.reserve = reserve;
            return this;
        }

        public Builder waitStrategy(WaitStrategyKind waitStrategy) {
            this.waitStrategy = Objects.requireNonNull(waitStrategy);
            return this;
        }

        /** How long an idle consumer waits before giving its sink an {@code onIdle} tick. */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder dropReportInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("dropReportInterval must not be negative: " + interval);
            }
            this.dropReportInterval = interval;
            return this;
        }

        public Builder maxMessageChars(int maxMessageChars) {
            if (maxMessageChars < 1) {
                throw new IllegalArgumentException("maxMessageChars must be positive: " + maxMessageChars);
            }
            this.maxMessageChars = maxMessageChars;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Where ringtail's own messages go; stderr by default. */
        public Builder diagnostics(Diagnostics diagnostics) {
            this.diagnostics = Objects.requireNonNull(diagnostics);
            return this;
        }

        /** Register the MBeans on {@link #start()} (default true). */
        public Builder jmx(boolean jmx) {
            this.jmx = jmx;
            return this;
        }

        /** Adds a sink; each gets its own consumer thread. */
        public Builder sink(Sink sink) {
            sinks.add(Objects.requireNonNull(sink));
            return this;
        }

        public Pipeline build() {
            if (sinks.isEmpty()) {
                throw new IllegalStateException("a pipeline needs at least one sink");
            }
            return new Pipeline(this);
        }
    }

    // visible for the MBeans
    long droppedAt(Level level) {
        return dropped.sum(level);
    }
}
