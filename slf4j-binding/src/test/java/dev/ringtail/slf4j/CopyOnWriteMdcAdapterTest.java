/*
 * Ported from SLF4J's own test suite: qos-ch/slf4j, slf4j-api/src/test/java/org/slf4j/helpers/MDCAdapterTestBase.java (Copyright (C) 2015 Google Inc. too); the inheritance cases are left out and the copy-on-write and deque cases are ringtail's.
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC adapter contract. Like Logback's adapter, and unlike SLF4J's BasicMDCAdapter, this
 * one is not inherited by child threads (a pooled thread would carry a stranger's context), so
 * the base suite's inheritance cases are replaced by {@link #childThreadsStartWithAnEmptyMdc()}.
 */
class CopyOnWriteMdcAdapterTest {
    private final MDCAdapter mdc = new CopyOnWriteMdcAdapter();

    @AfterEach
    void tearDown() {
        mdc.clear();
        mdc.clearDequeByKey("stack");
    }

    @Test
    void getReturnsTheValuePut() {
        assertNull(mdc.get("testKey"));
        mdc.put("testKey", "testValue");
        assertEquals("testValue", mdc.get("testKey"));
    }

    @Test
    void puttingAKeyAgainOverwritesItsValue() {
        assertNull(mdc.get("testKey"));
        mdc.put("testKey", "testValue");
        mdc.put("testKey", "differentTestValue");
        assertEquals("differentTestValue", mdc.get("testKey"));
    }

    @Test
    void aCopyOfTheContextMapDoesNotFollowLaterChanges() {
        mdc.put("testKey", "testValue");
        Map<String, String> copy = mdc.getCopyOfContextMap();
        mdc.put("anotherTestKey", "anotherTestValue");
        assertFalse(copy.size() == mdc.getCopyOfContextMap().size());
    }

    @Test
    void valuesPutByAChildThreadDoNotReachTheParent() {
        mdc.put("parentKey", "parentValue");
        runAndWait(() -> mdc.put("childKey", "childValue"));
        assertEquals("parentValue", mdc.get("parentKey"));
        assertNull(mdc.get("childKey"));
    }

    // https://jira.qos.ch/browse/SLF4J-414
    @Test
    void setContextMapAcceptsANullMap() {
        mdc.setContextMap(null);
    }

    @Test
    void childThreadsStartWithAnEmptyMdc() {
        mdc.put("sharedKey", "parentValue");
        runAndWait(() -> {
            assertNull(mdc.get("sharedKey"));
            mdc.put("sharedKey", "childValue");
            assertEquals("childValue", mdc.get("sharedKey"));
        });
        assertEquals("parentValue", mdc.get("sharedKey"));
    }

    @Test
    void eachChangeReplacesAnImmutableMapAndReadsCopyNothing() {
        mdc.put("a", "1");
        Map<String, String> first = CopyOnWriteMdcAdapter.current();
        assertThat(CopyOnWriteMdcAdapter.current()).isSameAs(first);
        mdc.get("a");
        mdc.remove("absent");
        assertThat(CopyOnWriteMdcAdapter.current()).as("unchanged, so the same map").isSameAs(first);

        mdc.put("b", "2");
        assertThat(first).isEqualTo(Map.of("a", "1")).isUnmodifiable();
        assertThat(CopyOnWriteMdcAdapter.current()).isEqualTo(Map.of("a", "1", "b", "2"));
        mdc.remove("a");
        mdc.remove("b");
        assertThat(CopyOnWriteMdcAdapter.current()).isNull();
    }

    @Test
    void setContextMapTakesACopy() {
        java.util.HashMap<String, String> given = new java.util.HashMap<>(Map.of("k", "v"));
        mdc.setContextMap(given);
        given.put("k", "changed");
        assertEquals("v", mdc.get("k"));
        assertThat(mdc.getCopyOfContextMap()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void dequesPushPopCopyAndClearByKey() {
        assertNull(mdc.popByKey("stack"));
        mdc.pushByKey("stack", "a");
        mdc.pushByKey("stack", "b");
        assertThat(mdc.getCopyOfDequeByKey("stack")).containsExactly("b", "a");
        assertEquals("b", mdc.popByKey("stack"));
        mdc.getCopyOfDequeByKey("stack").clear();
        assertThat(mdc.getCopyOfDequeByKey("stack")).containsExactly("a");
        mdc.clearDequeByKey("stack");
        assertThat(mdc.getCopyOfDequeByKey("stack")).isEmpty();
        assertThat(CopyOnWriteMdcAdapter.current()).as("deques are not part of the MDC map").isNull();
        mdc.pushByKey("stack", null);
        mdc.pushByKey(null, "x");
        assertThat(mdc.getCopyOfDequeByKey("stack")).isEmpty();
    }

    private void runAndWait(Runnable runnable) {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(runnable);
        thread.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
        thread.start();
        try {
            thread.join();
        } catch (Throwable t) {
            fail("Unexpected failure in child thread:" + t.getMessage());
        }
        assertNull(failure[0], () -> String.valueOf(failure[0]));
    }
}
