/*
 * Ported from SLF4J's own test suite: qos-ch/slf4j, slf4j-simple/src/test/java/org/slf4j/simple/SimpleLoggerAcceptanceTest.java (and LoggerTestSuite.java).
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ringtail.internal.sink.ConsoleSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * SLF4J's provider acceptance suite, run against ringtail's logger and console sink.
 *
 * <p>Differences from the original, all forced by ringtail being asynchronous and printing the
 * seed's format: the captured output ({@link ConsoleOutput}, standing in for the original's
 * {@code ListAppendingOutputStream}) flushes the pipeline before it is read and splits it into
 * one entry per event at each line that starts with a timestamp; the {@code extract...} methods
 * parse {@code 2026-11-24 10:15:30,123 [INFO] TestSuiteLogger: message}.
 */
class RingtailLoggerAcceptanceTest {
    private final List<TestLoggers> created = new ArrayList<>();

    @AfterEach
    void stopPipelines() {
        created.forEach(TestLoggers::close);
    }

    /** The console output of one pipeline, one entry per event. */
    static final class ConsoleOutput {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private TestLoggers loggers;
        private int consumed;

        int size() {
            return entries().size();
        }

        String get(int index) {
            return entries().get(index);
        }

        void clear() {
            loggers.flush();
            synchronized (bytes) {
                consumed = bytes.size();
            }
        }

        private List<String> entries() {
            loggers.flush();
            String text;
            synchronized (bytes) {
                text = new String(bytes.toByteArray(), consumed, bytes.size() - consumed, StandardCharsets.UTF_8);
            }
            List<String> entries = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\[.*")) {
                    entries.add(line);
                } else if (!entries.isEmpty()) {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1) + "\n" + line);
                }
            }
            return entries;
        }
    }

    private ConsoleOutput prepareSink() {
        return new ConsoleOutput();
    }

    public String extractMessage(String message) {
        // 2026-11-24 10:15:30,123 [INFO] TestSuiteLogger: An exception occurred: 99
        String first = message.split("\n")[0];
        return first.substring(first.indexOf("TestSuiteLogger: ") + "TestSuiteLogger: ".length());
    }

    public String extractExceptionMessage(String message) {
        String[] logLines = message.split("\n");
        if (logLines.length < 2) {
            return null;
        }
        return logLines[1].split(": ")[1];
    }

    public String extractExceptionType(String message) {
        String[] logLines = message.split("\n");
        if (logLines.length < 2) {
            return null;
        }
        return logLines[1].split(": ")[0];
    }

    public Logger createLogger(ConsoleOutput output, Level level) {
        ConsoleSink sink = new ConsoleSink(output.bytes, ZoneId.systemDefault(), 100_000);
        TestLoggers loggers = new TestLoggers(sink, "ringtail.level", level.toString());
        created.add(loggers);
        output.loggers = loggers;
        return loggers.logger("TestSuiteLogger");
    }

    @Test
    void traceLetsEveryLevelThrough() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.TRACE);

        assertTrue(configuredLogger.isTraceEnabled(), "Trace level should be enabled for this test");
        configuredLogger.trace("Simple trace message");

        assertEquals(1, outputList.size(), "Trace message should've been captured");
        assertTrue(isTraceMessage(outputList.get(0)), "Message should be logged in trace level");
        assertEquals("Simple trace message", extractMessage(outputList.get(0)),
                "Supplied trace message wasn't found in the log");

        outputList.clear();

        configuredLogger.debug("Simple debug message");
        configuredLogger.info("Simple info message");
        configuredLogger.warn("Simple warn message");
        configuredLogger.error("Simple error message");
        assertEquals(4, outputList.size(), "The other levels should have been captured");
    }

    @Test
    void debugIgnoresTraceAndLetsTheHigherLevelsThrough() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.DEBUG);

        configuredLogger.trace("Simple trace message");
        assertEquals(0, outputList.size(), "Lower levels should have been ignored");

        assertTrue(configuredLogger.isDebugEnabled(), "Debug level should be enabled for this test");
        configuredLogger.debug("Simple debug message");

        assertEquals(1, outputList.size(), "Debug message should've been captured");
        assertTrue(isDebugMessage(outputList.get(0)), "Message should be logged in debug level");
        assertEquals("Simple debug message", extractMessage(outputList.get(0)),
                "Supplied debug message wasn't found in the log");

        outputList.clear();

        configuredLogger.info("Simple info message");
        configuredLogger.warn("Simple warn message");
        configuredLogger.error("Simple error message");
        assertEquals(3, outputList.size(), "The other levels should have been captured");
    }

    @Test
    void infoIgnoresTheLowerLevelsAndLetsTheHigherThrough() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.INFO);

        configuredLogger.trace("Simple trace message");
        configuredLogger.debug("Simple debug message");
        assertEquals(0, outputList.size(), "Lower levels should have been ignored");

        assertTrue(configuredLogger.isInfoEnabled(), "Info level should be enabled for this test");
        configuredLogger.info("Simple info message");

        assertEquals(1, outputList.size(), "Info message should've been captured");
        assertTrue(isInfoMessage(outputList.get(0)), "Message should be logged in debug level");
        assertEquals("Simple info message", extractMessage(outputList.get(0)),
                "Supplied info message wasn't found in the log");

        outputList.clear();

        configuredLogger.warn("Simple warn message");
        configuredLogger.error("Simple error message");
        assertEquals(2, outputList.size(), "The other levels should have been captured");
    }

    @Test
    void warnIgnoresTheLowerLevelsAndLetsErrorThrough() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.WARN);

        configuredLogger.trace("Simple trace message");
        configuredLogger.debug("Simple debug message");
        configuredLogger.info("Simple info message");
        assertEquals(0, outputList.size(), "Lower levels should have been ignored");

        assertTrue(configuredLogger.isWarnEnabled(), "Warn level should be enabled for this test");
        configuredLogger.warn("Simple warn message");

        assertEquals(1, outputList.size(), "Warn message should've been captured");
        assertTrue(isWarnMessage(outputList.get(0)), "Message should be logged in warn level");
        assertEquals("Simple warn message", extractMessage(outputList.get(0)),
                "Supplied warn message wasn't found in the log");

        outputList.clear();

        configuredLogger.error("Simple error message");
        assertEquals(1, outputList.size(), "The other levels should have been captured");
    }

    @Test
    void errorIgnoresEveryLowerLevel() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.ERROR);

        configuredLogger.trace("Simple trace message");
        configuredLogger.debug("Simple debug message");
        configuredLogger.info("Simple info message");
        configuredLogger.warn("Simple warn message");
        assertEquals(0, outputList.size(), "Lower levels should have been ignored");

        assertTrue(configuredLogger.isErrorEnabled(), "Error level should be enabled for this test");
        configuredLogger.error("Simple error message");

        assertEquals(1, outputList.size(), "Error message should've been captured");
        assertTrue(isErrorMessage(outputList.get(0)), "Message should be logged in error level");
        assertEquals("Simple error message", extractMessage(outputList.get(0)),
                "Supplied error message wasn't found in the log");
    }

    @Test
    void formatsAnArgumentIntoTheMessage() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.INFO);

        configuredLogger.info("Some {} string", "formatted");
        assertEquals(1, outputList.size(), "The formatted message should've been captured");
        assertEquals("Some formatted string", extractMessage(outputList.get(0)), "Message should've been formatted");
    }

    @Test
    void printsTheExceptionsTypeAndMessage() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.INFO);

        Exception exception = new RuntimeException("My error");

        configuredLogger.info("Logging with an exception", exception);
        assertEquals(1, outputList.size(), "The formatted message should've been captured");
        assertEquals("My error", extractExceptionMessage(outputList.get(0)), "Message should've been formatted");
        assertEquals("java.lang.RuntimeException", extractExceptionType(outputList.get(0)),
                "Message should've been formatted");
    }

    @Test
    void aTrailingExceptionIsTheCauseAndAnEarlierOneAnArgument() {
        ConsoleOutput outputList = prepareSink();
        Logger configuredLogger = createLogger(outputList, Level.INFO);

        Exception exception = new IllegalArgumentException("Invalid argument");

        configuredLogger.info("An exception occurred: {}", 99, exception);
        assertEquals(1, outputList.size(), "The formatted message should've been captured");
        assertEquals("An exception occurred: 99", extractMessage(outputList.get(0)),
                "Message should've been formatted");
        assertEquals("java.lang.IllegalArgumentException", extractExceptionType(outputList.get(0)),
                "Exception type should've been captured");

        configuredLogger.info("Another exception occurred: {} {}", exception, 99);
        assertEquals(2, outputList.size(), "The formatted message should've been captured");
        assertEquals("Another exception occurred: java.lang.IllegalArgumentException: Invalid argument 99",
                extractMessage(outputList.get(1)), "Message should've been formatted");
    }

    protected boolean isTraceMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains("trace");
    }

    protected boolean isDebugMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains("debug");
    }

    protected boolean isInfoMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains("info");
    }

    protected boolean isWarnMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains("warn");
    }

    protected boolean isErrorMessage(String message) {
        return message.toLowerCase(Locale.ROOT).contains("error");
    }
}
