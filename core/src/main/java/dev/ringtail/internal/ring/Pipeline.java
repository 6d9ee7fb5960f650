package dev.ringtail.internal.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.ringtail.DropReason;
import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.sink.Sink;
import dev.ringtail.internal.stats.DropCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

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
    /**
     * A sink that is this share of the ring behind sheds (counts its own events failed) rather
     * than wait for its I/O: the ring still buffers a slow sink's short stalls, but no sink can
     * fill it for the others (guarantee 9).
     */
    static final double SHED_SHARE = 0.5;

    private final Clock clock;
    private final Diagnostics diagnostics;
    private final boolean jmx;
    private final Map<String, Object> mbeans;
    private final Disruptor<LogEvent> disruptor;
    private final RingBuffer<LogEvent> ring;
    private final MemoryBudget budget;
    private final int maxChars;
    private final int maxFieldChars;
    private final SinkHandler[] handlers;
    private final Admission admission;
    private final StderrFallback fallback;
    private final ControlChannel control;
    private final ShutdownSequence shutdown;
    private final Producers producers;
    private final DropCounter dropped = new DropCounter();
    private final AtomicReference<Lifecycle> state = new AtomicReference<>(Lifecycle.NEW);
    private volatile JmxRegistration registration;
    /** Where calls that reach this pipeline after its shutdown began go instead of stderr ({@link Handover}). */
    private volatile Pipeline successor;

    Pipeline(PipelineBuilder b) {
        this.clock = b.clock;
        this.diagnostics = b.diagnostics;
        this.jmx = b.jmx;
        this.mbeans = Map.copyOf(b.mbeans);
        this.fallback = new StderrFallback(clock, diagnostics, b.maxMessageChars, b.maxFieldChars);
        this.maxChars = b.maxMessageChars;
        this.maxFieldChars = b.maxFieldChars;
        this.budget = new MemoryBudget(b.maxRetainedBytes);
        this.producers = new Producers(maxChars, maxFieldChars, budget);
        int ringSize = RingSizing.fitToHeap(b.ringSize, Runtime.getRuntime().maxMemory(), diagnostics);
        MemoryBudget slotBudget = budget;
        int fieldChars = maxFieldChars;
        this.disruptor = new Disruptor<>(() -> new LogEvent(maxChars, fieldChars, slotBudget),
                RingSizing.nextPowerOfTwo(ringSize),
                RecursionGuard.pipelineThreads("ringtail-consumer"), ProducerType.MULTI,
                WaitStrategies.create(b.waitStrategy, b.idleTimeout.toNanos()));
        this.ring = disruptor.getRingBuffer();
        this.handlers = new SinkHandler[b.sinks.size()];
        long shedAt = Math.max(1, (long) (ringSize * SHED_SHARE));
        for (int i = 0; i < handlers.length; i++) {
            handlers[i] = new SinkHandler(b.sinks.get(i),
                    new DropReporter(dropped, b.dropReportInterval.toNanos(), clock, maxChars), diagnostics, ring, shedAt);
        }
        disruptor.setDefaultExceptionHandler(new LastResortHandler(diagnostics));
        disruptor.handleEventsWith(handlers);
        Sequence[] consumers = new Sequence[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            consumers[i] = Objects.requireNonNull(handlers[i].sequence(), "sequence callback");
        }
        this.admission = new Admission(ring, consumers, ringSize, b.reserve);
        this.control = new ControlChannel(ring, consumers, clock);
        this.shutdown = new ShutdownSequence(state, disruptor, handlers, control, diagnostics);
    }

    public static PipelineBuilder builder() {
        return new PipelineBuilder();
    }

    /** Starts the consumer threads and registers the MBeans. Events published before are kept. */
    public Pipeline start() {
        if (startConsumers()) {
            registerMBeans();
        }
        return this;
    }

    boolean startConsumers() {
        boolean started = state.compareAndSet(Lifecycle.NEW, Lifecycle.RUNNING);
        if (started) {
            disruptor.start();
        }
        return started;
    }

    void registerMBeans() {
        if (jmx && registration == null) {
            registration = JmxRegistration.register(this, mbeans, diagnostics);
        }
    }

    void handOverTo(Pipeline next) {
        successor = next;
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
            dropped.drop(level, DropReason.REENTRANT);
            fallback.reentrant(depth, level, loggerName, translator, a, b, c, d);
            return false;
        }
        depth.value = 1; // a toString() that logs while we format must not reach the ring
        try {
            if (state.get().refusesEvents) {
                Pipeline next = successor;
                if (next != null) {
                    depth.value = 0; // the successor's own recursion check must see this call as the outermost
                    return next.publish(level, loggerName, translator, a, b, c, d);
                }
                dropped.drop(level, DropReason.AFTER_SHUTDOWN);
                fallback.afterShutdown(depth, level, loggerName, translator, a, b, c, d);
                return false;
            }
            if (!admission.admits(level)) {
                dropped.drop(level, DropReason.RESERVE);
                return false;
            }
            Producer producer = producers.current(depth);
            return capture(producer.event, level, loggerName, translator, a, b, c, d) && enqueue(producer, level, loggerName);
        } finally {
            depth.value = 0;
        }
    }

    // Formats on the caller's thread into its own event, before any slot is claimed: a slow
    // toString() delays this thread only.
    private <A, B, C, D> boolean capture(LogEvent event, Level level, String loggerName,
                                         EventTranslator<A, B, C, D> translator, A a, B b, C c, D d) {
        try {
            Instant now = clock.instant(); // scalar-replaced by escape analysis once inlined
            event.begin(LogEvent.Kind.LOG, level, loggerName, Thread.currentThread().getName(),
                    now.getEpochSecond(), now.getNano(), handlers.length);
            translator.translateTo(event, a, b, c, d);
        } catch (Throwable t) {
            event.discard();
            dropped.drop(level, DropReason.FILL_FAILED);
            diagnostics.rateLimited("fill", "dropped an event from logger " + loggerName + ": filling it threw "
                    + t.getClass().getName());
            return false;
        }
        long extra = event.chargeableBytes();
        if (extra > 0 && !budget.tryCharge(extra)) {
            event.discard();
            dropped.drop(level, DropReason.MEMORY);
            return false;
        }
        event.charged(extra);
        return true;
    }

    // One claim, a copy, one publish: nothing here can block or run user code.
    private boolean enqueue(Producer producer, Level level, String loggerName) {
        LogEvent event = producer.event;
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            // a preallocated singleton without a stack trace: the full ring answers in nanoseconds
            event.discard();
            dropped.drop(level, DropReason.RING_FULL);
            return false;
        }
        // The captured event is copied, not swapped in: the caller's own event stays in its cache,
        // and the stores into the slot's cold lines come after the claim's fence, not before it.
        ring.get(sequence).takeFrom(event, handlers.length);
        ring.publish(sequence);
        producer.accepted.increment(level); // no locked instruction to wait for the slot's stores
        if (state.get().refusesEvents) {
            shutdown.publishedDuringShutdown(sequence, level, loggerName);
        }
        return true;
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Hands everything accepted before this call to every sink and lets each sink deliver it.
     *
     * @return true if every sink finished within the timeout
     */
    public boolean flush(Duration timeout) {
        Lifecycle now = state.get();
        if (now != Lifecycle.RUNNING) {
            return now == Lifecycle.STOPPED;
        }
        return control.run(ControlRequest.Type.FLUSH, System.nanoTime() + timeout.toNanos());
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
        return shutdown.shutdown(timeout, this::unregister);
    }

    private void unregister() {
        JmxRegistration current = registration;
        if (current != null) {
            current.unregister();
        }
    }

    // ------------------------------------------------------------------ stats

    /** A consistent-enough snapshot of every counter; exact once producers and consumers are quiet. */
    public PipelineStats stats() {
        List<SinkStats> sinkStats = new ArrayList<>(handlers.length);
        for (SinkHandler handler : handlers) {
            sinkStats.add(handler.sink().counters().snapshot());
        }
        return new PipelineStats(producers.acceptedSums(), dropped.levelSums(), dropped.reasonSums(), pending(),
                admission.limit(), sinkStats);
    }

    /** Events accepted and not yet seen by every sink. */
    public long pending() {
        return admission.pending();
    }

    /** The configured limit of pending events. */
    public int ringSize() {
        return admission.limit();
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

    @Override
    public String toString() {
        return "Pipeline{ringSize=" + admission.limit() + ", capacity=" + ring.getBufferSize() + ", sinks="
                + handlers.length + ", state=" + state.get() + '}';
    }
}
