package dev.ringtail.slf4j;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.spi.MDCAdapter;

/**
 * The MDC, copy-on-write: every {@code put}, {@code remove} or {@code setContextMap} replaces the
 * thread's map with a new immutable one, so capturing the MDC with an event is one reference
 * read and never a copy (the idea of Logback's {@code LogbackMDCAdapter}). Puts are rarer than
 * log calls in the services this is for.
 *
 * <p>The deques of SLF4J 2 ({@code pushByKey} and friends) are kept apart from the map, as in
 * Logback and SLF4J's {@code BasicMDCAdapter}: they are not part of the captured MDC.
 *
 * <p>Both thread-locals are static, like core's {@code RecursionGuard}: immutable themselves,
 * they hold per-thread state. They must be: SLF4J's {@code MDC} class caches the first adapter it
 * is given for the life of the JVM, so after SLF4J re-initializes (a container redeploy, a test)
 * {@code MDC.put} may reach an older adapter instance than the one the loggers were built with,
 * and both must still see the same map.
 */
final class CopyOnWriteMdcAdapter implements MDCAdapter {
    private static final ThreadLocal<Map<String, String>> MAP = new ThreadLocal<>();
    private static final ThreadLocal<Map<String, Deque<String>>> DEQUES = new ThreadLocal<>();

    /** The calling thread's MDC: an immutable map, or null when empty. Hot path: one lookup, no copy. */
    static Map<String, String> current() {
        return MAP.get();
    }

    @Override
    public void put(String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("MDC key cannot be null");
        }
        Map<String, String> old = MAP.get();
        Map<String, String> copy = old == null ? new HashMap<>(4) : new HashMap<>(old);
        copy.put(key, value);
        MAP.set(Collections.unmodifiableMap(copy));
    }

    @Override
    public String get(String key) {
        Map<String, String> map = MAP.get();
        return map == null || key == null ? null : map.get(key);
    }

    @Override
    public void remove(String key) {
        Map<String, String> old = MAP.get();
        if (old == null || key == null || !old.containsKey(key)) {
            return; // nothing changes, so no copy
        }
        if (old.size() == 1) {
            MAP.remove();
            return;
        }
        Map<String, String> copy = new HashMap<>(old);
        copy.remove(key);
        MAP.set(Collections.unmodifiableMap(copy));
    }

    @Override
    public void clear() {
        MAP.remove();
    }

    /** A mutable copy, or null if the MDC was never set on this thread (as Logback and BasicMDCAdapter answer). */
    @Override
    public Map<String, String> getCopyOfContextMap() {
        Map<String, String> map = MAP.get();
        return map == null ? null : new HashMap<>(map);
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        if (contextMap == null || contextMap.isEmpty()) {
            MAP.remove();
            return;
        }
        Map<String, String> copy = new HashMap<>(contextMap);
        copy.remove(null);
        MAP.set(Collections.unmodifiableMap(copy));
    }

    /** Pushes onto the deque named {@code key}; a null key or value is ignored (an ArrayDeque holds no null). */
    @Override
    public void pushByKey(String key, String value) {
        if (key == null || value == null) {
            return;
        }
        Map<String, Deque<String>> deques = DEQUES.get();
        if (deques == null) {
            deques = new HashMap<>();
            DEQUES.set(deques);
        }
        deques.computeIfAbsent(key, k -> new ArrayDeque<>()).push(value);
    }

    @Override
    public String popByKey(String key) {
        Deque<String> deque = deque(key);
        return deque == null ? null : deque.pollFirst();
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        Deque<String> deque = deque(key);
        return deque == null ? null : new ArrayDeque<>(deque);
    }

    @Override
    public void clearDequeByKey(String key) {
        Deque<String> deque = deque(key);
        if (deque != null) {
            deque.clear();
        }
    }

    private static Deque<String> deque(String key) {
        Map<String, Deque<String>> deques = DEQUES.get();
        return deques == null || key == null ? null : deques.get(key);
    }
}
