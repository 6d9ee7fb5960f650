package dev.ringtail.internal.json;

import java.time.Instant;

/**
 * Writes {@code 2026-11-24T10:15:30.123456Z} (UTC, microseconds, always 27 chars) into a char
 * array without allocating: the date part is computed once per day and kept, the time of day is
 * plain arithmetic. {@code DateTimeFormatter} would build several objects per event.
 */
final class IsoTimestamp {
    static final int LENGTH = 27;
    private static final long SECONDS_PER_DAY = 86_400;
    // Years 0000..9999 print in four digits; outside that range timestamps are clamped to it.
    private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private final char[] chars = new char[LENGTH];
    private long cachedDay = Long.MIN_VALUE;

    IsoTimestamp() {
        chars[4] = '-';
        chars[7] = '-';
        chars[10] = 'T';
        chars[13] = ':';
        chars[16] = ':';
        chars[19] = '.';
        chars[26] = 'Z';
    }

    /** Formats the instant and returns the shared array, valid until the next call. */
    char[] format(long epochSecond, int nanoOfSecond) {
        long second = Math.min(Math.max(epochSecond, MIN_SECOND), MAX_SECOND);
        int nanos = Math.min(Math.max(nanoOfSecond, 0), 999_999_999);
        long day = Math.floorDiv(second, SECONDS_PER_DAY);
        if (day != cachedDay) {
            writeDate(day);
            cachedDay = day;
        }
        int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
        two(11, secondOfDay / 3600);
        two(14, secondOfDay / 60 % 60);
        two(17, secondOfDay % 60);
        int micros = nanos / 1000;
        for (int i = 25; i >= 20; i--) {
            chars[i] = (char) ('0' + micros % 10);
            micros /= 10;
        }
        return chars;
    }

    // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, as java.time uses).
    private void writeDate(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        two(0, year / 100);
        two(2, year % 100);
        two(5, month);
        two(8, dayOfMonth);
    }

    private void two(int at, int value) {
        chars[at] = (char) ('0' + value / 10);
        chars[at + 1] = (char) ('0' + value % 10);
    }
}
