package dev.ringtail.slf4j;

import dev.ringtail.Level;
import dev.ringtail.internal.config.Thresholds;
import java.io.ObjectStreamException;
import java.io.Serializable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.LoggingEvent;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * An SLF4J logger publishing into the ring.
 *
 * <p>It implements {@link org.slf4j.Logger} directly rather than extending SLF4J's
 * {@code AbstractLogger}, whose every call packs its arguments into a new {@code Object[]}: here
 * each overload passes its arguments straight to a static translator, so an enabled call
 * allocates nothing and a disabled one is one read of the threshold field and one compare against
 * a constant. The level registry writes the threshold when the logger is created and whenever a
 * level is set at run time; the field is volatile so that every thread sees a change at once (on
 * x86 a volatile read is a plain load: the disabled call costs what it did with a final field).
 *
 * <p>{@link LoggingEventAware} makes SLF4J hand over fluent-API events (and the events it recorded
 * while initializing) whole, so key-value pairs arrive as fields instead of being flattened into
 * the message text.
 *
 * <p>The class is public only because SLF4J replays the events it recorded during initialization
 * by calling {@code log(LoggingEvent)} reflectively ({@code SubstituteLogger}), and silently
 * drops them if the class is not accessible. It has no public constructor.
 */
public final class RingtailLogger implements org.slf4j.Logger, LoggingEventAware, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    /** Lowest enabled {@link Level} ordinal, or {@code Thresholds.OFF}; written by the level registry only. */
    private volatile int threshold = Thresholds.OFF;
    private final transient LivePipeline pipeline;

    /** Off until the level registry writes its threshold, before anyone else can reach it. */
    RingtailLogger(String name, LivePipeline pipeline) {
        this.name = name;
        this.pipeline = pipeline;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The lowest enabled level's ordinal, or {@code Thresholds.OFF}. */
    int threshold() {
        return threshold;
    }

    /** The level registry's {@code ThresholdWriter}: the only writer. */
    void threshold(int threshold) {
        this.threshold = threshold;
    }

    /**
     * Fluent API events, and events SLF4J recorded while initializing and now replays. The level
     * is checked here: SLF4J records every level before a provider is ready.
     */
    @Override
    public void log(LoggingEvent event) {
        if (event == null || event.getLevel() == null) {
            return;
        }
        Level level = toLevel(event.getLevel());
        if (threshold <= level.ordinal()) {
            pipeline.publish(level, name, Translators.LOGGING_EVENT, event, null, null, null);
        }
    }

    /**
     * The fluent API: this thread's reusable builder. SLF4J's {@code atInfo()} and friends check
     * the level first and hand out its no-op builder when disabled.
     */
    @Override
    public LoggingEventBuilder makeLoggingEventBuilder(org.slf4j.event.Level level) {
        return RingtailEventBuilder.forThread(this, toLevel(level));
    }

    // The level is checked again: a builder can be made directly, or outlive a level change.
    void publishFluent(Level level, RingtailEventBuilder builder) {
        if (threshold <= level.ordinal()) {
            pipeline.publish(level, name, RingtailEventBuilder.FLUENT, builder, null, null, null);
        }
    }

    static Level toLevel(org.slf4j.event.Level level) {
        switch (level) {
            case TRACE: return Level.TRACE;
            case DEBUG: return Level.DEBUG;
            case INFO: return Level.INFO;
            case WARN: return Level.WARN;
            default: return Level.ERROR;
        }
    }

    // A deserialized logger is the live one of that name, as SLF4J's own adapters do it.
    private Object readResolve() throws ObjectStreamException {
        return LoggerFactory.getLogger(name);
    }

    // ---------------------------------------------------------------- TRACE

    @Override
    public boolean isTraceEnabled() {
        return threshold <= Thresholds.TRACE;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return threshold <= Thresholds.TRACE;
    }

    @Override
    public void trace(String msg) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.MESSAGE, null, msg, null, null);
        }
    }

    @Override
    public void trace(String format, Object arg) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.ONE_ARG, null, format, arg, null);
        }
    }

    @Override
    public void trace(String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.TWO_ARGS, null, format, arg1, arg2);
        }
    }

    @Override
    public void trace(String format, Object... arguments) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.ARG_ARRAY, null, format, arguments, null);
        }
    }

    @Override
    public void trace(String msg, Throwable t) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.THROWN, null, msg, t, null);
        }
    }

    @Override
    public void trace(Marker marker, String msg) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.MESSAGE, marker, msg, null, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object arg) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.ONE_ARG, marker, format, arg, null);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.TWO_ARGS, marker, format, arg1, arg2);
        }
    }

    @Override
    public void trace(Marker marker, String format, Object... arguments) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.ARG_ARRAY, marker, format, arguments, null);
        }
    }

    @Override
    public void trace(Marker marker, String msg, Throwable t) {
        if (threshold <= Thresholds.TRACE) {
            pipeline.publish(Level.TRACE, name, Translators.THROWN, marker, msg, t, null);
        }
    }

    // ---------------------------------------------------------------- DEBUG

    @Override
    public boolean isDebugEnabled() {
        return threshold <= Thresholds.DEBUG;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return threshold <= Thresholds.DEBUG;
    }

    @Override
    public void debug(String msg) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.MESSAGE, null, msg, null, null);
        }
    }

    @Override
    public void debug(String format, Object arg) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.ONE_ARG, null, format, arg, null);
        }
    }

    @Override
    public void debug(String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.TWO_ARGS, null, format, arg1, arg2);
        }
    }

    @Override
    public void debug(String format, Object... arguments) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.ARG_ARRAY, null, format, arguments, null);
        }
    }

    @Override
    public void debug(String msg, Throwable t) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.THROWN, null, msg, t, null);
        }
    }

    @Override
    public void debug(Marker marker, String msg) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.MESSAGE, marker, msg, null, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object arg) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.ONE_ARG, marker, format, arg, null);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.TWO_ARGS, marker, format, arg1, arg2);
        }
    }

    @Override
    public void debug(Marker marker, String format, Object... arguments) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.ARG_ARRAY, marker, format, arguments, null);
        }
    }

    @Override
    public void debug(Marker marker, String msg, Throwable t) {
        if (threshold <= Thresholds.DEBUG) {
            pipeline.publish(Level.DEBUG, name, Translators.THROWN, marker, msg, t, null);
        }
    }

    // ---------------------------------------------------------------- INFO

    @Override
    public boolean isInfoEnabled() {
        return threshold <= Thresholds.INFO;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return threshold <= Thresholds.INFO;
    }

    @Override
    public void info(String msg) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.MESSAGE, null, msg, null, null);
        }
    }

    @Override
    public void info(String format, Object arg) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.ONE_ARG, null, format, arg, null);
        }
    }

    @Override
    public void info(String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.TWO_ARGS, null, format, arg1, arg2);
        }
    }

    @Override
    public void info(String format, Object... arguments) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.ARG_ARRAY, null, format, arguments, null);
        }
    }

    @Override
    public void info(String msg, Throwable t) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.THROWN, null, msg, t, null);
        }
    }

    @Override
    public void info(Marker marker, String msg) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.MESSAGE, marker, msg, null, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object arg) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.ONE_ARG, marker, format, arg, null);
        }
    }

    @Override
    public void info(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.TWO_ARGS, marker, format, arg1, arg2);
        }
    }

    @Override
    public void info(Marker marker, String format, Object... arguments) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.ARG_ARRAY, marker, format, arguments, null);
        }
    }

    @Override
    public void info(Marker marker, String msg, Throwable t) {
        if (threshold <= Thresholds.INFO) {
            pipeline.publish(Level.INFO, name, Translators.THROWN, marker, msg, t, null);
        }
    }

    // ---------------------------------------------------------------- WARN

    @Override
    public boolean isWarnEnabled() {
        return threshold <= Thresholds.WARN;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return threshold <= Thresholds.WARN;
    }

    @Override
    public void warn(String msg) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.MESSAGE, null, msg, null, null);
        }
    }

    @Override
    public void warn(String format, Object arg) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.ONE_ARG, null, format, arg, null);
        }
    }

    @Override
    public void warn(String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.TWO_ARGS, null, format, arg1, arg2);
        }
    }

    @Override
    public void warn(String format, Object... arguments) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.ARG_ARRAY, null, format, arguments, null);
        }
    }

    @Override
    public void warn(String msg, Throwable t) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.THROWN, null, msg, t, null);
        }
    }

    @Override
    public void warn(Marker marker, String msg) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.MESSAGE, marker, msg, null, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object arg) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.ONE_ARG, marker, format, arg, null);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.TWO_ARGS, marker, format, arg1, arg2);
        }
    }

    @Override
    public void warn(Marker marker, String format, Object... arguments) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.ARG_ARRAY, marker, format, arguments, null);
        }
    }

    @Override
    public void warn(Marker marker, String msg, Throwable t) {
        if (threshold <= Thresholds.WARN) {
            pipeline.publish(Level.WARN, name, Translators.THROWN, marker, msg, t, null);
        }
    }

    // ---------------------------------------------------------------- ERROR

    @Override
    public boolean isErrorEnabled() {
        return threshold <= Thresholds.ERROR;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return threshold <= Thresholds.ERROR;
    }

    @Override
    public void error(String msg) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.MESSAGE, null, msg, null, null);
        }
    }

    @Override
    public void error(String format, Object arg) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.ONE_ARG, null, format, arg, null);
        }
    }

    @Override
    public void error(String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.TWO_ARGS, null, format, arg1, arg2);
        }
    }

    @Override
    public void error(String format, Object... arguments) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.ARG_ARRAY, null, format, arguments, null);
        }
    }

    @Override
    public void error(String msg, Throwable t) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.THROWN, null, msg, t, null);
        }
    }

    @Override
    public void error(Marker marker, String msg) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.MESSAGE, marker, msg, null, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object arg) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.ONE_ARG, marker, format, arg, null);
        }
    }

    @Override
    public void error(Marker marker, String format, Object arg1, Object arg2) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.TWO_ARGS, marker, format, arg1, arg2);
        }
    }

    @Override
    public void error(Marker marker, String format, Object... arguments) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.ARG_ARRAY, marker, format, arguments, null);
        }
    }

    @Override
    public void error(Marker marker, String msg, Throwable t) {
        if (threshold <= Thresholds.ERROR) {
            pipeline.publish(Level.ERROR, name, Translators.THROWN, marker, msg, t, null);
        }
    }

    @Override
    public String toString() {
        return "RingtailLogger{" + name + '}';
    }
}
