package com.kam.pipeline.system;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A date and time as the pipeline writes it everywhere (the finance extract, report cells, values
 * read from a JDBC source): {@code yyyy-MM-dd HH:mm:ss}, seconds always, no fraction.
 * ({@code LocalDateTime.toString()} drops the seconds on a whole minute and adds any fraction, so
 * the same column came out in three shapes.)
 */
public final class DateTimeText {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DateTimeText() {
    }

    public static String of(LocalDateTime time) {
        return time.format(FORMAT);
    }
}
