package org.slf4j;

import org.slf4j.helpers.SubstituteLoggerFactoryFriend;

/**
 * Resets SLF4J's global initialization state so a test can watch a provider initialize again.
 * Ported from SLF4J's own test sources (qos-ch/slf4j, {@code slf4j-simple/src/test/java/org/slf4j/
 * LoggerFactoryFriend.java}, MIT license, Copyright (c) 2004-2022 QOS.ch). SLF4J runs such tests
 * each in a fresh JVM; here the substitute logger factory is reset too, which gives the same
 * starting state within one JVM.
 */
public final class LoggerFactoryFriend {
    private LoggerFactoryFriend() {
    }

    public static void reset() {
        LoggerFactory.reset();
        SubstituteLoggerFactoryFriend.reset(LoggerFactory.SUBST_PROVIDER.getSubstituteLoggerFactory());
    }
}
