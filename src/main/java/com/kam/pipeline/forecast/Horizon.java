package com.kam.pipeline.forecast;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * A forecast period relative to the as-of date: the current month, the next month or the current
 * quarter, with its first and last day.
 */
public record Horizon(String name, String periodType, LocalDate start, LocalDate end) {

    public static final String CURRENT_MONTH = "CURRENT_MONTH";
    public static final String NEXT_MONTH = "NEXT_MONTH";
    public static final String CURRENT_QUARTER = "CURRENT_QUARTER";

    public static List<Horizon> of(LocalDate asOf) {
        LocalDate month = asOf.withDayOfMonth(1);
        LocalDate next = month.plusMonths(1);
        LocalDate quarter = quarterStart(asOf);
        return List.of(
                new Horizon(CURRENT_MONTH, "MONTH", month, month.with(TemporalAdjusters.lastDayOfMonth())),
                new Horizon(NEXT_MONTH, "MONTH", next, next.with(TemporalAdjusters.lastDayOfMonth())),
                new Horizon(CURRENT_QUARTER, "QUARTER", quarter, quarter.plusMonths(3).minusDays(1)));
    }

    static LocalDate quarterStart(LocalDate date) {
        return date.with(IsoFields.DAY_OF_QUARTER, 1);
    }

    /** Whether an open deal expected to close on {@code date} counts here; overdue ones count in the current periods. */
    boolean counts(LocalDate expectedClose, LocalDate asOf) {
        if (expectedClose == null) {
            return false;
        }
        if (expectedClose.isBefore(start)) {
            return !start.isAfter(asOf); // overdue: still expected, now
        }
        return !expectedClose.isAfter(end);
    }

    boolean includes(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}
