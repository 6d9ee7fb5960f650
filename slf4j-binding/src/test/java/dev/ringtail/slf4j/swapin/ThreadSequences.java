package dev.ringtail.slf4j.swapin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a receiver saw of {@code swapin/SpoolApp.java}'s events ({@code "t<thread> <i>"}), kept
 * small enough for a million of them: per thread the next number expected and how many arrived,
 * and the first few events that were out of order (a gap, or one seen before). Drop summaries
 * (logger {@code dev.ringtail}) are counted apart. Fed one event at a time, in the order the
 * receiver accepted them ({@code IngestServer.observe}).
 */
final class ThreadSequences implements Consumer<Map<String, Object>> {
    private static final int KEPT_PROBLEMS = 10;

    private final Map<String, Long> next = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private long events;
    private long outOfOrder;
    private long backwards;
    private long summaries;

    @Override
    public synchronized void accept(Map<String, Object> event) {
        if ("dev.ringtail".equals(event.get("logger_name"))) {
            summaries++; // synthetic: spooled and sent like any event, never counted by the sink
            return;
        }
        events++;
        String[] parts = String.valueOf(event.get("message")).split(" ");
        if (parts.length != 2 || !parts[0].startsWith("t")) {
            problem("not one of the app's events: " + event.get("message"));
            return;
        }
        long expected = next.getOrDefault(parts[0], 0L);
        long seen = Long.parseLong(parts[1]);
        if (seen != expected) {
            backwards += seen < expected ? 1 : 0;
            problem(parts[0] + ": " + seen + " where " + expected + " was next");
        }
        next.put(parts[0], Math.max(expected, seen + 1));
    }

    private void problem(String text) {
        outOfOrder++;
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(text);
        }
    }

    /** What {@link #next()} is once all of {@code threads} threads' {@code each} events arrived. */
    static Map<String, Long> each(int threads, long each) {
        Map<String, Long> expected = new TreeMap<>();
        for (int t = 0; t < threads; t++) {
            expected.put("t" + t, each);
        }
        return expected;
    }

    /** Drop summaries seen: not the app's events, and not in the sink's counts. */
    synchronized long summaries() {
        return summaries;
    }

    /** The app's events seen, in all. */
    synchronized long events() {
        return events;
    }

    /** Per thread, the number after the highest seen: with nothing out of order, how many of its events arrived. */
    synchronized Map<String, Long> next() {
        return new TreeMap<>(next);
    }

    /** Events that were not the next of their thread (gaps and repeats). */
    synchronized long outOfOrder() {
        return outOfOrder;
    }

    /** Events that came after a later one of their thread, or again: repeats and reorderings, not gaps. */
    synchronized long backwards() {
        return backwards;
    }

    @Override
    public synchronized String toString() {
        return events + " events and " + summaries + " drop summaries, per thread " + next + ", " + outOfOrder
                + " out of order" + (problems.isEmpty() ? ""
                : ", first: " + problems);
    }
}
