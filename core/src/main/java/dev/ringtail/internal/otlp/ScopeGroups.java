package dev.ringtail.internal.otlp;

import dev.ringtail.internal.http.Batch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The events of a batch range grouped by logger name, for one {@code ScopeLogs} per logger:
 * groups in the order their first event came, events in batch order within each. Reused by one
 * body writer (one per sender thread); it allocates only when a batch has more events or
 * loggers than any before it, and one map entry per logger of a batch.
 */
final class ScopeGroups {
    private final Map<String, Integer> index = new HashMap<>();
    private String[] names = new String[16];
    private int[] first = new int[16];
    private int[] last = new int[16];
    private int[] next = new int[1024];
    private int groups;

    /** Groups events {@code [from, to)}; read with {@link #count()}, {@link #name}, {@link #first}, {@link #next}. */
    void group(Batch batch, int from, int to) {
        index.clear();
        Arrays.fill(names, 0, groups, null);
        groups = 0;
        if (next.length < batch.count()) {
            next = new int[Math.max(batch.count(), next.length * 2)];
        }
        int current = -1;
        for (int i = from; i < to; i++) {
            String name = String.valueOf(batch.logger(i));
            // consecutive events of one logger are the common case: no lookup for them
            int g = current >= 0 && (names[current] == name || names[current].equals(name)) ? current : lookup(name);
            next[i] = -1;
            if (last[g] >= 0) {
                next[last[g]] = i;
            } else {
                first[g] = i;
            }
            last[g] = i;
            current = g;
        }
    }

    private int lookup(String name) {
        Integer known = index.get(name);
        if (known != null) {
            return known;
        }
        if (groups == names.length) {
            names = Arrays.copyOf(names, groups * 2);
            first = Arrays.copyOf(first, groups * 2);
            last = Arrays.copyOf(last, groups * 2);
        }
        int g = groups++;
        names[g] = name;
        first[g] = -1;
        last[g] = -1;
        index.put(name, g);
        return g;
    }

    int count() {
        return groups;
    }

    /** The logger name of group {@code g}: its scope name. */
    String name(int g) {
        return names[g];
    }

    /** The first event of group {@code g}. */
    int first(int g) {
        return first[g];
    }

    /** The event after {@code event} in its group, or -1. */
    int next(int event) {
        return next[event];
    }
}
