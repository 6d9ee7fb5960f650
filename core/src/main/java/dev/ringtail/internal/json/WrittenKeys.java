package dev.ringtail.internal.json;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The user keys one JSON object already holds, so that no object ever holds a key twice, and the
 * rule that turns a user key into the key written.
 */
public final class WrittenKeys {
    /** Past this many user keys per event, duplicate detection switches from a scan to a hash set. */
    private static final int LINEAR_KEY_LIMIT = 16;

    private final String[] keys = new String[LINEAR_KEY_LIMIT];
    private int count;
    private Set<String> set;

    /** The key as written: reserved names prefixed with {@code _}, lone surrogates replaced. */
    static String userKey(String key) {
        if (key == null) {
            return "null";
        }
        switch (key) {
            case "dt": return "_dt";
            case "level": return "_level";
            case "message": return "_message";
            case "logger_name": return "_logger_name";
            case "thread_name": return "_thread_name";
            case "markers": return "_markers";
            case "exception": return "_exception";
            default: return Utf16.clean(key);
        }
    }

    /** Records the key as written; false if the object already has it. */
    public boolean claim(String key) {
        if (set != null) {
            return set.add(key);
        }
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                return false;
            }
        }
        if (count == keys.length) {
            // a rare, large event (huge MDC): a hash set keeps it linear
            set = new HashSet<>(Arrays.asList(keys).subList(0, count));
            return set.add(key);
        }
        keys[count++] = key;
        return true;
    }

    public void forget() {
        Arrays.fill(keys, 0, count, null);
        count = 0;
        set = null;
    }
}
