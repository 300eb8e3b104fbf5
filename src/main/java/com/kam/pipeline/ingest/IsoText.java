package com.kam.pipeline.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Fast parsing of the ISO shapes almost every file uses (yyyy-MM-dd, yyyy-MM-dd HH:mm:ss,
 * HH:mm): the general DateTimeFormatter path costs several times more per field, and a night's
 * files hold millions of dates. Anything of another shape goes the general way.
 */
final class IsoText {

    private IsoText() {
    }

    static boolean isDate(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4)
                && digits(text, 5, 7) && digits(text, 8, 10);
    }

    /** The date; throws DateTimeException for an impossible one such as 2026-02-30. */
    static LocalDate date(String text) {
        return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    static boolean isDateTime(String text) {
        return text.length() == 19 && isDate(text.substring(0, 10)) && text.charAt(10) == ' ' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && digits(text, 11, 13) && digits(text, 14, 16) && digits(text, 17, 19);
    }

    static LocalDateTime dateTime(String text) {
        return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
                number(text, 14, 16), number(text, 17, 19));
    }

    /** HH:mm with a real hour and minute. */
    static boolean isTime(String text) {
        return text.length() == 5 && text.charAt(2) == ':' && digits(text, 0, 2) && digits(text, 3, 5)
                && number(text, 0, 2) < 24 && number(text, 3, 5) < 60;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }
}
