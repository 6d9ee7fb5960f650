package dev.ringtail.internal.diag;

/** Where {@link Diagnostics} text goes. Implementations never throw and never block a log call for long. */
interface LineOutput {
    /** Prints {@code text} (whole lines, separators included) or counts it as not printed. */
    void print(String text);

    /**
     * Waits, at most {@code timeoutNanos}, until everything handed to {@link #print} is printed.
     *
     * @return true if nothing is left waiting
     */
    default boolean awaitPrinted(long timeoutNanos) {
        return true;
    }
}
