package org.slf4j.helpers;

/** Test access to SLF4J's substitute logger factory, from its own package. */
public final class SubstituteLoggerFactoryFriend {
    private SubstituteLoggerFactoryFriend() {
    }

    /**
     * Makes the factory record events again, as in a JVM where SLF4J never initialized: after the
     * first initialization it hands out substitutes that discard events, and
     * {@code LoggerFactory.reset()} does not undo that.
     */
    public static void reset(SubstituteLoggerFactory factory) {
        factory.clear();
        factory.postInitialization = false;
    }
}
