package org.frontdoor.kit.consumer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#parse} and {@link LocalDate#parse} with a fast path for the exact forms the producers write
 * ({@code Instant.toString()}: {@code 2024-03-01T10:15:30Z}, with 1 to 9 fraction digits or none; and
 * {@code 2024-03-01}). Consumers parse several per event, and the formatter-based parsers were a tenth of a
 * replay's CPU. Anything else, valid or not, goes to the JDK's parser, so the results and the exceptions are
 * exactly the JDK's.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** As {@link Instant#parse}. */
    public static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(n - 1) == 'Z' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && (n == 20 || text.charAt(19) == '.' && n >= 22)) {
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nano = n == 20 ? 0 : digits(text, 20, n - 1);
            if (nano >= 0) {
                for (int scale = n - 21; scale < 9; scale++) {
                    nano *= 10;
                }
            }
            LocalDate date = fastDate(text);
            if (date != null && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0
                    && second <= 59 && nano >= 0) {
                return LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second, nano))
                        .toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    /** As {@link LocalDate#parse}. */
    public static LocalDate date(String text) {
        if (text.length() == 10) {
            LocalDate date = fastDate(text);
            if (date != null) {
                return date;
            }
        }
        return LocalDate.parse(text);
    }

    /** The {@code yyyy-MM-dd} at the start of the text, or null when it is not one (the JDK then says why). */
    private static LocalDate fastDate(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code [from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
