package com.kam.pipeline.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The day a file's name carries (yyyy-MM-dd or yyyyMMdd), as a daily drop names the day it is for. */
final class FileNameDate {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");

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
}
