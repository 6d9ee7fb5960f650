package dev.ringtail.internal.ring;

/**
 * Fills a claimed {@link LogEvent} slot on the producer thread.
 *
 * <p>Implementations are stateless singletons (a non-capturing lambda or a static final instance),
 * and the values travel as the four arguments, so a log call allocates no translator. This is the
 * Disruptor's {@code EventTranslatorThreeArg} idea with one argument more: the SLF4J binding needs
 * a marker, a pattern and two arguments for its widest fixed-arity call.
 *
 * <p>The pipeline has already set the level, logger name, thread name and timestamp. A translator
 * that throws does not reach the caller: the slot is published as broken, skipped by every sink
 * and counted as dropped.
 */
@FunctionalInterface
public interface EventTranslator<A, B, C, D> {
    void translateTo(LogEvent event, A a, B b, C c, D d);
}
