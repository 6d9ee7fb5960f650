package dev.ringtail.internal.event;

/**
 * How a key-value pair's value was captured, so its JSON type survives: numbers stay numbers,
 * booleans stay booleans, {@code null} stays {@code null}, everything else is text.
 */
public enum ValueType {
    NULL,
    BOOLEAN,
    /** Integral number held as a {@code long}. */
    LONG,
    /** {@code double} (or a widened {@code float}); may be NaN or infinite. */
    DOUBLE,
    /** Arbitrary-precision number kept as its exact decimal text ({@code BigDecimal}, {@code BigInteger}). */
    DECIMAL,
    STRING
}
