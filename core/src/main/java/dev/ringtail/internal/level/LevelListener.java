package dev.ringtail.internal.level;

/** Told when a level was set at run time, for what mirrors ringtail's levels elsewhere (JUL's). */
@FunctionalInterface
public interface LevelListener {
    /**
     * Called after every logger under {@code prefix} obeys its new level, on the thread that set
     * it, outside the registry's lock. Concurrent changes may be told in any order: read the
     * registry's current level ({@link LevelRegistry#configured}) rather than remember a value.
     *
     * @param prefix the prefix whose level changed; {@code ROOT} for the root
     */
    void levelChanged(String prefix);
}
