package dev.ringtail;

/**
 * {@code dev.ringtail:type=Levels}: the levels in force, changeable while the application runs.
 * Every existing logger obeys a change at once.
 */
public interface LevelsMXBean {
    /**
     * Every configured prefix and its level as {@code prefix=level}, sorted by prefix, the root as
     * {@code ROOT=info}; levels are {@code trace}, {@code debug}, {@code info}, {@code warn},
     * {@code error} or {@code off}.
     */
    String[] getConfigured();

    /**
     * Sets the level of a logger and its descendants.
     *
     * @param name  a logger name or prefix; {@code ROOT} (or empty) for the root
     * @param level {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error} or
     *              {@code off}, in any case; empty (or null) to make the prefix inherit again
     * @throws IllegalArgumentException for any other level
     */
    void setLevel(String name, String level);

    /** The level in force for a logger name: {@code trace} .. {@code error}, or {@code off}. */
    String getLevel(String name);
}
