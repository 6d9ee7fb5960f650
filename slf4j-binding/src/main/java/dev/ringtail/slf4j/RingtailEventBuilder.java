package dev.ringtail.slf4j;

import dev.ringtail.Level;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.LogEvent;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The fluent API's builder ({@code logger.atInfo().addKeyValue(..).log(..)}), one per thread and
 * reused, instead of SLF4J's default builder, which allocates an event, a list and a pair object
 * per key-value on every call.
 *
 * <p>A builder is taken by {@link #forThread} and given back when {@code log} returns. One asked
 * for while the thread's own is taken (two builders interleaved, or a {@code toString()} that
 * logs while this one formats) is a new one, so no call ever sees another's arguments. A builder
 * dropped without {@code log} keeps the thread's own taken: later calls then get new ones, which
 * is slower, never wrong.
 *
 * <p>Suppliers are called while the event is captured, inside the pipeline's guard: one that
 * throws drops that event, counted, and never throws into the application.
 */
final class RingtailEventBuilder implements LoggingEventBuilder {
    /** Fills the ring's event from the builder, on the calling thread. */
    static final EventTranslator<RingtailEventBuilder, Object, Object, Object> FLUENT =
            (event, builder, b, c, d) -> builder.fill(event);

    private static final int INITIAL = 4;
    /** Arrays that grew past this are replaced by small ones when given back. */
    private static final int MAX_RETAINED = 64;

    private RingtailLogger logger;
    private Level level;
    private boolean taken;
    private Throwable cause;
    private String message;
    private Supplier<String> messageSupplier;
    private Marker[] markers = new Marker[2];
    private int markerCount;
    private Object[] args = new Object[INITIAL];
    private boolean[] argSupplied = new boolean[INITIAL];
    private int argCount;
    private String[] keys = new String[INITIAL];
    private Object[] values = new Object[INITIAL];
    private boolean[] valueSupplied = new boolean[INITIAL];
    private int pairCount;

    /** The calling thread's builder, set for {@code logger} at {@code level}; a new one if it is taken. */
    static RingtailEventBuilder forThread(RingtailLogger logger, Level level) {
        RecursionGuard.Depth depth = RecursionGuard.current();
        Object mine = depth.fluent;
        RingtailEventBuilder builder;
        if (mine instanceof RingtailEventBuilder && !((RingtailEventBuilder) mine).taken) {
            builder = (RingtailEventBuilder) mine;
        } else {
            builder = new RingtailEventBuilder();
            if (mine == null) {
                depth.fluent = builder;
            }
        }
        builder.logger = logger;
        builder.level = level;
        builder.taken = true;
        return builder;
    }

    @Override
    public LoggingEventBuilder setCause(Throwable cause) {
        this.cause = cause;
        return this;
    }

    @Override
    public LoggingEventBuilder addMarker(Marker marker) {
        if (markerCount == markers.length) {
            markers = Arrays.copyOf(markers, markerCount * 2);
        }
        markers[markerCount++] = marker;
        return this;
    }

    @Override
    public LoggingEventBuilder addArgument(Object value) {
        return argument(value, false);
    }

    @Override
    public LoggingEventBuilder addArgument(Supplier<?> supplier) {
        return argument(supplier, true);
    }

    @Override
    public LoggingEventBuilder addKeyValue(String key, Object value) {
        return pair(key, value, false);
    }

    @Override
    public LoggingEventBuilder addKeyValue(String key, Supplier<Object> supplier) {
        return pair(key, supplier, true);
    }

    @Override
    public LoggingEventBuilder setMessage(String message) {
        this.message = message;
        this.messageSupplier = null;
        return this;
    }

    @Override
    public LoggingEventBuilder setMessage(Supplier<String> supplier) {
        this.messageSupplier = supplier;
        return this;
    }

    @Override
    public void log() {
        publish();
    }

    @Override
    public void log(String message) {
        setMessage(message);
        publish();
    }

    @Override
    public void log(String message, Object arg) {
        setMessage(message);
        argument(arg, false);
        publish();
    }

    @Override
    public void log(String message, Object arg1, Object arg2) {
        setMessage(message);
        argument(arg1, false);
        argument(arg2, false);
        publish();
    }

    @Override
    public void log(String message, Object... args) {
        setMessage(message);
        if (args != null) {
            for (Object arg : args) {
                argument(arg, false);
            }
        }
        publish();
    }

    @Override
    public void log(Supplier<String> supplier) {
        setMessage(supplier);
        publish();
    }

    private LoggingEventBuilder argument(Object value, boolean supplied) {
        if (argCount == args.length) {
            args = Arrays.copyOf(args, argCount * 2);
            argSupplied = Arrays.copyOf(argSupplied, argCount * 2);
        }
        args[argCount] = value;
        argSupplied[argCount++] = supplied;
        return this;
    }

    private LoggingEventBuilder pair(String key, Object value, boolean supplied) {
        if (pairCount == keys.length) {
            keys = Arrays.copyOf(keys, pairCount * 2);
            values = Arrays.copyOf(values, pairCount * 2);
            valueSupplied = Arrays.copyOf(valueSupplied, pairCount * 2);
        }
        keys[pairCount] = key;
        values[pairCount] = value;
        valueSupplied[pairCount++] = supplied;
        return this;
    }

    private void publish() {
        if (!taken) {
            return; // log() called twice on one builder: the first call was the event
        }
        try {
            logger.publishFluent(level, this);
        } finally {
            giveBack();
        }
    }

    // Called inside Pipeline.publish's guard: user code (suppliers, toString) may throw here.
    private void fill(LogEvent event) {
        event.mdc(CopyOnWriteMdcAdapter.current());
        for (int i = 0; i < markerCount; i++) {
            if (markers[i] != null) {
                event.addMarker(markers[i].getName());
            }
        }
        for (int i = 0; i < pairCount; i++) {
            event.addKeyValue(keys[i], valueSupplied[i] ? ((Supplier<?>) values[i]).get() : values[i]);
        }
        if (cause != null) {
            event.throwable(cause);
        }
        for (int i = 0; i < argCount; i++) {
            if (argSupplied[i]) {
                args[i] = ((Supplier<?>) args[i]).get();
                argSupplied[i] = false;
            }
        }
        event.format(messageSupplier != null ? messageSupplier.get() : message, args, argCount);
    }

    // Nothing the call referred to stays reachable from the thread's builder.
    private void giveBack() {
        Arrays.fill(markers, 0, markerCount, null);
        Arrays.fill(args, 0, argCount, null);
        Arrays.fill(keys, 0, pairCount, null);
        Arrays.fill(values, 0, pairCount, null);
        markerCount = 0;
        argCount = 0;
        pairCount = 0;
        if (args.length > MAX_RETAINED || keys.length > MAX_RETAINED || markers.length > MAX_RETAINED) {
            markers = new Marker[2];
            args = new Object[INITIAL];
            argSupplied = new boolean[INITIAL];
            keys = new String[INITIAL];
            values = new Object[INITIAL];
            valueSupplied = new boolean[INITIAL];
        }
        cause = null;
        message = null;
        messageSupplier = null;
        logger = null;
        taken = false;
    }
}
