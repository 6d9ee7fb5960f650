package dev.ringtail.testing;

/** A value whose {@code toString()} throws, as a hostile argument, key-value or MDC value. */
public final class ThrowingToString {
    @Override
    public String toString() {
        throw new IllegalStateException("toString() refuses");
    }
}
