package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Text forms of amounts, dates and times as the sources write them; independent of the JVM locale. */
final class Fmt {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Fmt() {
    }

    static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    static String time(LocalTime time) {
        return time.format(TIME);
    }

    static String dateTime(LocalDateTime at) {
        return at.format(DATE_TIME);
    }

    /**
     * Money given in fen (cents): {@code 12345.5} yuan as {@code 12345.50}, or with thousands
     * separators {@code 12,345.50} (allowed by the canonical format) when {@code grouped}.
     * Whole amounts drop the decimals unless grouped.
     */
    static String money(long fen, boolean grouped) {
        long yuan = fen / 100;
        long cents = Math.abs(fen % 100);
        String whole = grouped ? group(yuan) : Long.toString(yuan);
        if (cents == 0 && !grouped) {
            return whole;
        }
        return whole + "." + (cents < 10 ? "0" : "") + cents;
    }

    private static String group(long yuan) {
        String digits = Long.toString(Math.abs(yuan));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return (yuan < 0 ? "-" : "") + sb;
    }
}
