package dev.ringtail.internal.sink;

/** How far one sink's consumer is behind the ring, as its sink may ask while deciding to wait. */
public interface Backlog {
    /** A backlog for a sink outside any ring: never behind. */
    Backlog NONE = new Backlog() {
        @Override
        public boolean isFarBehind() {
            return false;
        }

        @Override
        public boolean isCaughtUp() {
            return true;
        }
    };

    /**
     * True once this sink is so far behind that waiting longer would fill the ring for every
     * other sink: it should shed (count failed) instead of wait.
     */
    boolean isFarBehind();

    /** True when this sink has read everything published: a shedding sink may wait again. */
    boolean isCaughtUp();
}
