/*
 * Ported from SLF4J's own test suite: qos-ch/slf4j, slf4j-api/src/test/java/org/slf4j/testHarness/MultithreadedInitializationTest.java, LoggerAccessingThread.java and slf4j-simple SimpleLoggerMultithreadedInitializationTest.java.
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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.helpers.SubstituteLogger;

/**
 * Many threads get loggers and log while SLF4J initializes ringtail. Loggers handed out during
 * initialization must all end up delegating to ringtail, and the events logged through them are
 * replayed: at most a few may be lost (SLF4J's own leniency), none invented. The recorded count
 * is what ringtail accepted, read from its stats after a flush, where slf4j-simple counted lines.
 */
class MultithreadedInitializationTest {
    static final int THREAD_COUNT = 4 + Runtime.getRuntime().availableProcessors() * 2;

    private final List<Logger> createdLoggers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong eventCount = new AtomicLong(0);
    private final CyclicBarrier barrier = new CyclicBarrier(THREAD_COUNT + 1);

    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @Test
    void loggersHandedOutWhileManyThreadsInitializeSlf4jAllReachRingtail() throws Exception {
        harness();

        Logger logger = LoggerFactory.getLogger(getClass().getName());
        logger.info("hello");
        eventCount.getAndIncrement();

        assertAllSubstLoggersAreFixed();
        long recordedEventCount = getRecordedEventCount();
        int leniencyCount = 20;

        long expectedEventCount = eventCount.get();

        assertTrue(expectedEventCount >= recordedEventCount, expectedEventCount + " >= " + recordedEventCount);
        assertTrue(expectedEventCount < recordedEventCount + leniencyCount,
                expectedEventCount + " < " + recordedEventCount + "+" + leniencyCount);
    }

    private long getRecordedEventCount() {
        assertTrue(Ringtail.flush());
        return Ringtail.stats().accepted();
    }

    private void assertAllSubstLoggersAreFixed() {
        for (Logger logger : createdLoggers) {
            if (logger instanceof SubstituteLogger) {
                SubstituteLogger substLogger = (SubstituteLogger) logger;
                if (substLogger.delegate() instanceof EventRecordingLogger) {
                    fail("substLogger " + substLogger.getName() + " has a delegate of type EventRecordingLogger");
                }
            }
        }
    }

    private void harness() throws Exception {
        LoggerAccessingThread[] threads = new LoggerAccessingThread[THREAD_COUNT];
        for (int i = 0; i < THREAD_COUNT; i++) {
            threads[i] = new LoggerAccessingThread(barrier, createdLoggers, i, eventCount);
            threads[i].start();
        }
        barrier.await();
        for (int i = 0; i < THREAD_COUNT; i++) {
            threads[i].join();
        }
    }

    static final class LoggerAccessingThread extends Thread {
        private static final int LOOP_LEN = 64;

        final CyclicBarrier barrier;
        final int count;
        final AtomicLong eventCount;
        final List<Logger> loggerList;

        LoggerAccessingThread(CyclicBarrier barrier, List<Logger> loggerList, int count, AtomicLong eventCount) {
            this.barrier = barrier;
            this.loggerList = loggerList;
            this.count = count;
            this.eventCount = eventCount;
        }

        @Override
        public void run() {
            try {
                barrier.await();
            } catch (Exception e) {
                e.printStackTrace();
            }
            String loggerNamePrefix = getClass().getName();
            for (int i = 0; i < LOOP_LEN; i++) {
                Logger logger = LoggerFactory.getLogger(loggerNamePrefix + "-" + count + "-" + i);
                loggerList.add(logger);
                Thread.yield();
                logger.info("in run method");
                eventCount.getAndIncrement();
            }
        }
    }
}
