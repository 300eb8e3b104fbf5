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
    public static final String NEXT_QUARTER = "NEXT_QUARTER";

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

    /**
     * The first day an open deal can close, for a forecast as of {@code asOf}: the day after. A snapshot dated D is the
     * pipeline at the end of D, after the day's reports, so a deal still open in it did not close on D. This is the one
     * rule every method follows for what is left of a period: as of a period's last day nothing is left of it, and its
     * forecast is what was won in it.
     */
    static LocalDate firstCloseDay(LocalDate asOf) {
        return asOf.plusDays(1);
    }

    /**
     * The month coverage is measured against as of {@code asOf}: the month of {@link #firstCloseDay}, i.e. the current
     * month, or the next one on a month's last day, when no day is left in the current month for the pipeline to close.
     */
    public static Horizon openMonth(LocalDate asOf) {
        List<Horizon> horizons = of(asOf);
        return horizons.get(0).includes(firstCloseDay(asOf)) ? horizons.get(0) : horizons.get(1);
    }

    /** The quarter coverage is measured against: the quarter of {@link #firstCloseDay} (the next one on a quarter's last day). */
    public static Horizon openQuarter(LocalDate asOf) {
        Horizon current = of(asOf).get(2);
        if (current.includes(firstCloseDay(asOf))) {
            return current;
        }
        LocalDate next = quarterStart(firstCloseDay(asOf));
        return new Horizon(NEXT_QUARTER, "QUARTER", next, next.plusMonths(3).minusDays(1));
    }

    /** The first day of the period on which an open deal can still close; null when none is left. */
    LocalDate firstOpenDay(LocalDate asOf) {
        LocalDate first = firstCloseDay(asOf);
        if (first.isAfter(end)) {
            return null;
        }
        return first.isBefore(start) ? start : first;
    }

    /**
     * Whether an open deal expected to close on {@code expectedClose} counts here. A date already past (or the as-of
     * date itself: the deal was still open at its end) means the deal is still expected, as soon as it can close:
     * on the first close day, which is in the current periods, or in the next month on a month's last day.
     */
    public boolean counts(LocalDate expectedClose, LocalDate asOf) {
        return expectedClose != null && includes(expectedOn(expectedClose, asOf));
    }

    /**
     * Whether an open deal is expected to close by the period's end (an overdue one included, by the same rule as
     * {@link #counts}): the pipeline that can still cover the period's remaining target. One dated later cannot.
     */
    boolean dueBy(LocalDate expectedClose, LocalDate asOf) {
        return expectedClose != null && !expectedOn(expectedClose, asOf).isAfter(end);
    }

    /** When an open deal is expected as of the date: its expected close date, or the first close day once that has passed. */
    private static LocalDate expectedOn(LocalDate expectedClose, LocalDate asOf) {
        LocalDate first = firstCloseDay(asOf);
        return expectedClose.isBefore(first) ? first : expectedClose;
    }

    boolean includes(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}
