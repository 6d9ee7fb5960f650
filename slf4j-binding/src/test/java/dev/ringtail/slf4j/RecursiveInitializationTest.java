/*
 * Ported from SLF4J's own test suite: qos-ch/slf4j, slf4j-reload4j/src/test/java/org/slf4j/reload4j/RecursiveInitializationTest.java (loggingDuringInitialization; the other cases are written for ringtail).
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ringtail.Level;
import dev.ringtail.PipelineStats;
import dev.ringtail.internal.ring.LogEvent;
import dev.ringtail.testing.CollectingSink;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

/**
 * Logging while SLF4J initializes ringtail, and logging from inside a log call: nothing
 * deadlocks, overflows the stack or throws at the caller; what can be delivered is.
 */
class RecursiveInitializationTest {
    private final int diff = new Random().nextInt(10000);
    private final String loggerName = "org.slf4j.impl.RecursiveInitializationTest";

    @RegisterExtension
    final FreshSlf4jExtension slf4j = new FreshSlf4jExtension();

    @Test
    void theCallThatInitializesSlf4jIsDelivered() {
        Logger logger = LoggerFactory.getLogger(loggerName + ".loggingDuringInitialization-" + diff);
        logger.info("hello");
        assertThat(Ringtail.flush()).isTrue();
        assertThat(Ringtail.stats().accepted()).isEqualTo(1);
        assertThat(slf4j.stdout().text()).contains("[INFO] " + loggerName + ".loggingDuringInitialization-" + diff + ": hello\n");
    }

    /** A toString() that logs, on the call that initializes SLF4J: the inner call is shown on stderr and counted. */
    @Test
    void toStringThatLogsDuringTheFirstLogCall() {
        Object loggingToString = new Object() {
            @Override
            public String toString() {
                LoggerFactory.getLogger(loggerName + ".inner").warn("logged from toString");
                return "rendered";
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> LoggerFactory.getLogger(loggerName + ".outer").info("outer {}", loggingToString));

        assertThat(Ringtail.flush()).isTrue();
        PipelineStats stats = Ringtail.stats();
        assertThat(stats.accepted()).isEqualTo(1);
        assertThat(stats.dropped(Level.WARN)).isEqualTo(1);
        assertThat(slf4j.stdout().text()).contains("[INFO] " + loggerName + ".outer: outer rendered\n")
                .doesNotContain("logged from toString");
        assertThat(slf4j.stderr().text()).contains("not sent, logged from inside the pipeline", "logged from toString");
    }

    /**
     * Another thread logs while ringtail's initialize() runs (triggered from its startup line):
     * SLF4J gives it a substitute logger and replays the event once ringtail is ready.
     */
    @Test
    void eventsLoggedByOtherThreadsDuringInitializationAreReplayed() {
        AtomicBoolean fired = new AtomicBoolean();
        PrintStream original = System.err;
        PrintStream trigger = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                String text = new String(b, off, len, StandardCharsets.UTF_8);
                original.write(b, off, len);
                if (text.contains("ringtail: logs go") && fired.compareAndSet(false, true)) {
                    Thread early = new Thread(() -> LoggerFactory.getLogger(loggerName + ".early")
                            .warn("logged while ringtail initialized"), "early-thread");
                    early.start();
                    try {
                        early.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setErr(trigger);
        try {
            LoggerFactory.getLogger(loggerName + ".first").info("first");
        } finally {
            System.setErr(original);
        }
        assertThat(fired).isTrue();
        assertThat(Ringtail.flush()).isTrue();
        assertThat(Ringtail.stats().accepted()).isEqualTo(2);
        assertThat(slf4j.stdout().text()).contains("[WARN] " + loggerName + ".early: logged while ringtail initialized\n");
    }

    /** SLF4J's replay path, step by step: the recorded event keeps its time and thread. */
    @Test
    void replayedEventsKeepTheirOriginalTimeAndThread() throws Exception {
        CollectingSink sink = new CollectingSink();
        try (TestLoggers loggers = new TestLoggers(sink)) {
            LinkedBlockingQueue<SubstituteLoggingEvent> queue = new LinkedBlockingQueue<>();
            SubstituteLogger substitute = new SubstituteLogger("early.logger", queue, false);
            Instant before = Instant.now();
            Thread early = new Thread(() -> substitute.info("early {}", "call"),
                    "early-thread");
            early.start();
            early.join();
            substitute.error("also early", new IllegalStateException("x"));
            Thread.sleep(20);

            substitute.setDelegate(loggers.logger("early.logger"));
            assertThat(substitute.isDelegateEventAware()).isTrue();
            for (SubstituteLoggingEvent event : queue) {
                substitute.log(event);
            }
            loggers.flush();

            List<LogEvent> events = sink.events();
            assertThat(events).hasSize(2);
            SubstituteLoggingEvent[] recorded = queue.toArray(new SubstituteLoggingEvent[0]);
            LogEvent first = events.get(0);
            assertThat(first.threadName()).isEqualTo("early-thread");
            assertThat(first.message().toString()).isEqualTo("early call");
            assertThat(instant(first)).isEqualTo(Instant.ofEpochMilli(recorded[0].getTimeStamp()));
            assertThat(instant(first)).isBetween(before.minusMillis(1), Instant.now().minusMillis(19));
            LogEvent second = events.get(1);
            assertThat(second.threadName()).isEqualTo(Thread.currentThread().getName());
            assertThat(second.level()).isEqualTo(Level.ERROR);
            assertThat(second.throwable()).hasMessage("x");
            assertThat(instant(second)).isEqualTo(Instant.ofEpochMilli(recorded[1].getTimeStamp()));
        }
    }

    private static Instant instant(LogEvent event) {
        return Instant.ofEpochSecond(event.epochSecond(), event.nanoOfSecond());
    }
}
