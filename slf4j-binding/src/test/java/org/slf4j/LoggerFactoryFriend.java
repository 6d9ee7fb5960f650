package org.slf4j;

/**
 * Resets SLF4J's global initialization state so a test can watch a provider initialize again.
 * Ported from SLF4J's own test sources (qos-ch/slf4j, {@code slf4j-simple/src/test/java/org/slf4j/
 * LoggerFactoryFriend.java}, MIT license, Copyright (c) 2004-2022 QOS.ch).
 */
public final class LoggerFactoryFriend {
    private LoggerFactoryFriend() {
    }

    public static void reset() {
        LoggerFactory.reset();
    }
}
