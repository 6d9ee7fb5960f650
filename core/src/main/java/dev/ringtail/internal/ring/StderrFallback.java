package dev.ringtail.internal.ring;

import dev.ringtail.Level;
import dev.ringtail.internal.diag.Diagnostics;
import dev.ringtail.internal.diag.RecursionGuard;
import dev.ringtail.internal.diag.Secrets;
import dev.ringtail.internal.text.ConsoleFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Where an event goes when it cannot go into the ring: logged from inside the pipeline (shown
 * once per nesting, rate limited) or after shutdown began (printed whole). Either way it is
 * rendered in the console's text format on a scratch event, never on a ring slot.
 */
final class StderrFallback {
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final ConsoleFormat format;
    private final Object lock = new Object();

    StderrFallback(Clock clock, Diagnostics diagnostics, int maxMessageChars, int maxFieldChars) {
        this.clock = clock;
        this.diagnostics = diagnostics;
        this.format = new ConsoleFormat(ZoneId.systemDefault(), maxMessageChars, maxFieldChars);
    }

    /** A log call from a thread already inside ringtail: shown (one level of nesting), never published. */
    <A, B, C, D> void reentrant(RecursionGuard.Depth depth, Level level, String loggerName,
                                EventTranslator<A, B, C, D> translator, A a, B b, C c, D d) {
        if (depth.value != 1) {
            return; // deeper nesting is only counted
        }
        depth.value = 2;
        try {
            diagnostics.rateLimited("reentrant", "not sent, logged from inside the pipeline: "
                    + render(level, loggerName, translator, a, b, c, d));
        } finally {
            depth.value = 1;
        }
    }

    /**
     * A log call after shutdown began: the event is printed on stderr, through the diagnostics'
     * writer so that a stderr nobody reads cannot block the caller (it is counted instead).
     */
    <A, B, C, D> void afterShutdown(RecursionGuard.Depth depth, Level level, String loggerName,
                                    EventTranslator<A, B, C, D> translator, A a, B b, C c, D d) {
        depth.value = 2;
        diagnostics.print(render(level, loggerName, translator, a, b, c, d));
    }

    private <A, B, C, D> String render(Level level, String loggerName, EventTranslator<A, B, C, D> translator,
                                       A a, B b, C c, D d) {
        Instant now = clock.instant();
        LogEvent scratch = LogEvent.standalone(PipelineBuilder.DEFAULT_MAX_MESSAGE_CHARS, level, loggerName,
                Thread.currentThread().getName(), now.getEpochSecond(), now.getNano());
        try {
            translator.translateTo(scratch, a, b, c, d);
        } catch (Throwable t) {
            scratch.message("[FAILED to format: " + t.getClass().getName() + "]");
        }
        StringBuilder line = new StringBuilder();
        synchronized (lock) {
            format.append(scratch, line);
        }
        return line.toString();
    }
}
