/*
 * Ported from SLF4J's slf4j-simple test suite: qos-ch/slf4j,
 * slf4j-simple/src/test/java/org/slf4j/simple/InvocationTest.java.
 * Copyright (c) 2004-2011 QOS.ch. All rights reserved. MIT license:
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

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.PipelineStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Invoking the SLF4J API through {@code LoggerFactory} bound to ringtail causes no problem.
 * Differences from the original: ringtail is asynchronous, so each test flushes and then checks
 * how many events were accepted; and ringtail's MDC works, so
 * {@code mdcValuesArePutReadAndRemoved} (the original's {@code testMDC}) expects the value back
 * where slf4j-simple (no MDC) expected null.
 */
class Slf4jInvocationTest {
    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @BeforeEach
    void setUp() {
        slf4j.systemProperty("ringtail.level", "trace");
    }

    @Test
    void aDebugCallIsAccepted() {
        Logger logger = LoggerFactory.getLogger("test1");
        logger.debug("Hello world.");
        assertAccepted(1);
    }

    @Test
    void everyLevelWithArgumentsAndExceptionsIsAccepted() {
        Integer i1 = 1;
        Integer i2 = 2;
        Integer i3 = 3;
        Exception e = new Exception("This is a test exception.");
        Logger logger = LoggerFactory.getLogger("test2");

        logger.debug("Hello world 1.");
        logger.debug("Hello world {}", i1);
        logger.debug("val={} val={}", i1, i2);
        logger.debug("val={} val={} val={}", new Object[] {i1, i2, i3});

        logger.debug("Hello world 2", e);
        logger.info("Hello world 2.");

        logger.warn("Hello world 3.");
        logger.warn("Hello world 3", e);

        logger.error("Hello world 4.");
        logger.error("Hello world {}", 3);
        logger.error("Hello world 4.", e);
        assertAccepted(11);
        assertThat(slf4j.stdout().text()).contains("[DEBUG] test2: val=1 val=2 val=3\n", "[ERROR] test2: Hello world 4.\n",
                "java.lang.Exception: This is a test exception.\n\tat ");
    }

    // http://jira.qos.ch/browse/SLF4J-69, formerly http://bugzilla.slf4j.org/show_bug.cgi?id=78
    @Test
    void aNullArgumentArrayLeavesThePlaceholder() {
        Logger logger = LoggerFactory.getLogger("testNullParameter_BUG78");
        String[] parameters = null;
        String msg = "hello {}";
        logger.info(msg, (Object[]) parameters);
        assertAccepted(1);
        assertThat(slf4j.stdout().text()).contains("[INFO] testNullParameter_BUG78: hello {}\n");
    }

    @Test
    void nullMessagesAreAccepted() {
        Logger logger = LoggerFactory.getLogger("testNull");
        logger.debug(null);
        logger.info(null);
        logger.warn(null);
        logger.error(null);

        Exception e = new Exception("This is a test exception.");
        logger.debug(null, e);
        logger.info(null, e);
        logger.warn(null, e);
        logger.error(null, e);
        assertAccepted(8);
    }

    @Test
    void callsWithAMarkerAreAccepted() {
        Logger logger = LoggerFactory.getLogger("testMarker");
        Marker blue = MarkerFactory.getMarker("BLUE");
        logger.debug(blue, "hello");
        logger.info(blue, "hello");
        logger.warn(blue, "hello");
        logger.error(blue, "hello");

        logger.debug(blue, "hello {}", "world");
        logger.info(blue, "hello {}", "world");
        logger.warn(blue, "hello {}", "world");
        logger.error(blue, "hello {}", "world");

        logger.debug(blue, "hello {} and {} ", "world", "universe");
        logger.info(blue, "hello {} and {} ", "world", "universe");
        logger.warn(blue, "hello {} and {} ", "world", "universe");
        logger.error(blue, "hello {} and {} ", "world", "universe");
        assertAccepted(12);
    }

    @Test
    void mdcValuesArePutReadAndRemoved() {
        MDC.put("k", "v");
        assertThat(MDC.get("k")).isEqualTo("v");
        MDC.remove("k");
        assertThat(MDC.get("k")).isNull();
        MDC.clear();
    }

    private static void assertAccepted(long events) {
        assertThat(Ringtail.flush()).isTrue();
        PipelineStats stats = Ringtail.stats();
        assertThat(stats.accepted()).isEqualTo(events);
        assertThat(stats.dropped()).isZero();
        assertThat(stats.sink("console").orElseThrow().delivered()).isEqualTo(events);
    }
}
