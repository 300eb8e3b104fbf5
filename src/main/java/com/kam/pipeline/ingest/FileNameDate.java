package com.kam.pipeline.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day a file's name carries (yyyy-MM-dd or yyyyMMdd), as a daily drop names the day it is
 * for; or, for a file that collects a month (a stage-change log), the month (yyyy-MM or yyyyMM).
 */
final class FileNameDate {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");
    /** A year and month not followed by a day. */
    private static final Pattern MONTH = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})(?!-?\\d)");

    private FileNameDate() {
    }

    /** The first date in the name; empty when it holds none (digits that are not a date are skipped). */
    static Optional<LocalDate> of(String fileName) {
        Matcher m = DATE.matcher(fileName);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (DateTimeException ignored) {
                // keep looking
            }
        }
        return Optional.empty();
    }

    /** The month in the name of a file that names no day; empty otherwise. */
    static Optional<YearMonth> month(String fileName) {
        if (of(fileName).isPresent()) {
            return Optional.empty();
        }
        Matcher m = MONTH.matcher(fileName);
        while (m.find()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
            }
        }
        return Optional.empty();
    }
}
