package dev.ringtail.bench;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.helpers.NOPAppender;
import com.logtail.logback.LogtailAppender;
import dev.ringtail.internal.ring.Pipeline;
import dev.ringtail.internal.ring.PipelineBuilder;
import java.net.URI;

/**
 * Logback set up in code, in a private {@link LoggerContext}, so the peers run without Logback
 * being the SLF4J provider: the {@link Logger} it hands out is itself an {@code org.slf4j.Logger},
 * so the benchmark makes the very same SLF4J call as for ringtail.
 */
final class LogbackContexts {
    private LogbackContexts() {
    }

    /**
     * {@code AsyncAppender} over a no-op appender. Its queue is as large as ringtail's default ring
     * and it never blocks (drops when full), which is ringtail's contract; the rest is Logback's
     * defaults (INFO is discarded once the queue is 80 % full).
     */
    static LoggerContext asyncNoOp() {
        LoggerContext context = newContext();
        NOPAppender<ILoggingEvent> noop = new NOPAppender<>();
        noop.setContext(context);
        noop.setName("noop");
        noop.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async");
        async.setQueueSize(PipelineBuilder.DEFAULT_RING_SIZE);
        async.setNeverBlock(true);
        async.addAppender(noop);
        async.start();
        return attach(context, async);
    }

    /** BetterStack's own appender, as configured in its README, posting to {@code endpoint}. */
    static LoggerContext logtail(URI endpoint, LogtailAppender appender) {
        LoggerContext context = newContext();
        appender.setContext(context);
        appender.setName("logtail");
        appender.setAppName("ringtail-bench");
        appender.setIngestUrl(endpoint.toString());
        appender.setSourceToken(SameMessage.TOKEN);
        appender.start();
        return attach(context, appender);
    }

    static Logger logger(LoggerContext context) {
        return context.getLogger(SameMessage.LOGGER);
    }

    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setName("bench");
        // normally installed by Logback's SLF4J provider; here the context is standalone
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }

    private static LoggerContext attach(LoggerContext context, Appender<ILoggingEvent> appender) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        return context;
    }
}
