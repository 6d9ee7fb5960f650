/*
 * Ported from SLF4J's own test suite: qos-ch/slf4j, slf4j-jdk14/src/test/java/org/slf4j/jul/FluentApiInvocationTest.java.
 * Copyright (c) 2004-2022 QOS.ch. All rights reserved. MIT license:
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: The above copyright notice
 * and this permission notice shall be included in all copies or substantial portions of the
 * Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
 */
package dev.ringtail.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.CollectingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * SLF4J's fluent-API invocation test, checking the fields of the delivered event. One deliberate
 * difference: the JUL adapter flattens key-value pairs into the message ({@code "k=v Hello
 * world."}); ringtail keeps the message as written and the pairs as fields, so
 * {@link #keepsKeyValuePairsAsFieldsBesideTheMessage()} checks both.
 */
class FluentApiInvocationTest {
    private final CollectingSink sink = new CollectingSink();
    private final TestLoggers loggers = new TestLoggers(sink, "ringtail.level", "debug");
    private final Logger logger = loggers.logger(getClass().getName());

    @AfterEach
    void tearDown() {
        loggers.close();
    }

    @Test
    void logsASingleMessage() {
        String msg = "Hello world.";
        logger.atDebug().log(msg);
        assertLogMessage(msg, 0);
    }

    @Test
    void formatsAMessageWithAnArgument() {
        String msg = "Hello {}.";
        logger.atDebug().addArgument("world").log(msg);
        assertLogMessage("Hello world.", 0);
    }

    @Test
    void formatsTwoArgumentsHoweverTheyAreGiven() {
        int old = 15;
        int t = 16;
        {
            String msg = "Temperature set to {}. Old temperature was {}.";
            logger.atDebug().addArgument(t).addArgument(old).log(msg);
            assertLogMessage("Temperature set to 16. Old temperature was 15.", 0);
        }
        {
            String msg = "Temperature set to {}. Old temperature was {}.";
            logger.atDebug().log(msg, t, old);
            assertLogMessage("Temperature set to 16. Old temperature was 15.", 1);
        }
        {
            String msg = "Temperature set to {}. Old temperature was {}.";
            logger.atDebug().addArgument(t).log(msg, old);
            assertLogMessage("Temperature set to 16. Old temperature was 15.", 2);
        }
        {
            String msg = "Temperature set to {}. Old temperature was {}.";
            logger.atDebug().addArgument(() -> t16()).log(msg, old);
            assertLogMessage("Temperature set to 16. Old temperature was 15.", 3);
        }
    }

    public int t16() {
        return 16;
    }

    @Test
    void keepsTheCause() {
        String msg = "Hello world.";
        Throwable t = new IllegalStateException();
        logger.atDebug().setCause(t).log(msg);
        assertLogMessage("Hello world.", 0);
        assertThrowable(t, 0);
    }

    @Test
    void formatsTheArgumentAndKeepsTheCause() {
        String msg = "Hello {}.";
        Throwable t = new IllegalStateException();

        logger.atDebug().setCause(t).addArgument("world").log(msg);
        assertLogMessage("Hello world.", 0);
        assertThrowable(t, 0);
    }

    @Test
    void keepsKeyValuePairsAsFieldsBesideTheMessage() {
        String msg = "Hello world.";
        logger.atDebug().addKeyValue("k", "v").log(msg);
        assertLogMessage("Hello world.", 0);
        assertKeyValues(0, "k", "v");

        int oldT = 15;
        int newT = 16;
        logger.atDebug().addKeyValue("oldT", oldT).addKeyValue("newT", newT).log("Temperature changed.");
        assertLogMessage("Temperature changed.", 1);
        assertKeyValues(1, "oldT", "15", "newT", "16");
    }

    private void assertLogMessage(String expected, int index) {
        loggers.flush();
        LogEvent event = sink.events().get(index);
        assertNotNull(event);
        assertEquals(expected, event.message().toString());
        assertEquals(dev.ringtail.Level.DEBUG, event.level());
        assertEquals(getClass().getName(), event.loggerName());
    }

    private void assertThrowable(Throwable expected, int index) {
        loggers.flush();
        LogEvent event = sink.events().get(index);
        assertNotNull(event);
        assertSame(expected, event.throwable());
    }

    private void assertKeyValues(int index, String... keyValues) {
        loggers.flush();
        LogEvent event = sink.events().get(index);
        assertEquals(keyValues.length / 2, event.keyValueCount());
        for (int i = 0; i < keyValues.length / 2; i++) {
            assertEquals(keyValues[2 * i], event.key(i));
            String value = event.textValue(i) != null ? event.textValue(i) : String.valueOf(event.longValue(i));
            assertEquals(keyValues[2 * i + 1], value);
        }
    }
}
