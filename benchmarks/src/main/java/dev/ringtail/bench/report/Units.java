package dev.ringtail.bench.report;

/** JMH score units to nanoseconds and to per-second rates. */
final class Units {
    private Units() {
    }

    /** Nanoseconds in one unit of a time-per-operation score ({@code ns/op}, {@code us/op}, ...). */
    static double nanosPer(String unit) {
        String u = unit.substring(0, unit.indexOf('/'));
        switch (u) {
            case "ns":
                return 1;
            case "us":
                return 1e3;
            case "ms":
                return 1e6;
            case "s":
                return 1e9;
            default:
                throw new IllegalArgumentException("unknown time unit " + unit);
        }
    }

    /** Multiplier from a rate score ({@code ops/ns}, {@code ops/s}, ...) to operations per second. */
    static double perSecond(String unit) {
        String u = unit.substring(unit.indexOf('/') + 1);
        switch (u) {
            case "ns":
                return 1e9;
            case "us":
                return 1e6;
            case "ms":
                return 1e3;
            case "s":
                return 1;
            case "min":
                return 1.0 / 60;
            default:
                throw new IllegalArgumentException("unknown rate unit " + unit);
        }
    }
}
