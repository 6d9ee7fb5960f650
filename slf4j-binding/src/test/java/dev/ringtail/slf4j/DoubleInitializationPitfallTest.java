/*
 * Ported from SLF4J's own test suite: qos-ch/slf4j, slf4j-simple/src/test/java/org/slf4j/simple/DoubleInitializationPitfallTest.java.
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

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * See https://jira.qos.ch/browse/SLF4J-463: neither {@code MarkerFactory} nor {@code MDC} may make
 * SLF4J initialize the provider a second time. ringtail adds: one initialization, one pipeline.
 */
class DoubleInitializationPitfallTest {
    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @AfterEach
    void tearDown() {
        MDC.remove("DoubleInitializationPitfallTest");
    }

    @Test
    void markerFactoryDoesNotInitializeTheProviderAgain() {
        ILoggerFactory firstFactory = LoggerFactory.getILoggerFactory();
        RingtailServiceProvider provider = RingtailServiceProvider.active();
        MarkerFactory.getMarker("DOUBLE_INIT");
        ILoggerFactory secondFactory = LoggerFactory.getILoggerFactory();

        if (firstFactory != secondFactory) {
            fail("MarkerFactory.getMarker causes multiple provider initialization");
        }
        assertSame(provider, RingtailServiceProvider.active());
    }

    @Test
    void mdcDoesNotInitializeTheProviderAgain() {
        ILoggerFactory firstFactory = LoggerFactory.getILoggerFactory();
        RingtailServiceProvider provider = RingtailServiceProvider.active();
        MDC.put("DoubleInitializationPitfallTest", "a");
        ILoggerFactory secondFactory = LoggerFactory.getILoggerFactory();

        if (firstFactory != secondFactory) {
            fail("MDC.put causes multiple provider initialization");
        }
        assertSame(provider, RingtailServiceProvider.active());
    }
}
