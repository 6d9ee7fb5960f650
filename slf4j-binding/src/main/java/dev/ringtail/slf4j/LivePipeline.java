package dev.ringtail.slf4j;

import dev.ringtail.Level;
import dev.ringtail.internal.ring.EventTranslator;
import dev.ringtail.internal.ring.Pipeline;

/**
 * The pipeline every logger of one provider publishes to, behind one shared volatile reference:
 * a reconfiguration (Spring Boot's Environment) switches all loggers at once by setting it. An
 * enabled log call pays one volatile read for it (a plain load on x86 and ARM's LDAR), a
 * disabled one nothing.
 */
final class LivePipeline {
    private volatile Pipeline current;

    LivePipeline(Pipeline initial) {
        this.current = initial;
    }

    Pipeline get() {
        return current;
    }

    void set(Pipeline pipeline) {
        current = pipeline;
    }

    /**
     * Publishes to the current pipeline. Null (no sink configured) only races a reconfiguration
     * that turned every sink off: the loggers' thresholds follow a moment later, and the call is
     * not counted anywhere, as a disabled call is not.
     */
    <A, B, C, D> void publish(Level level, String loggerName, EventTranslator<A, B, C, D> translator,
                              A a, B b, C c, D d) {
        Pipeline pipeline = current;
        if (pipeline != null) {
            pipeline.publish(level, loggerName, translator, a, b, c, d);
        }
    }
}
