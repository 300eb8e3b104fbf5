package com.kam.pipeline.forecast;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * A forecast period relative to the as-of date: the current month, the next month or the current
 * quarter, with its first and last day; on a quarter's last day also the next quarter, the one the
 * pipeline can still close into (as the next month is on a month's last day).
 */
public record Horizon(String name, String periodType, LocalDate start, LocalDate end) {

    public static final String CURRENT_MONTH = "CURRENT_MONTH";
    public static final String NEXT_MONTH = "NEXT_MONTH";
    public static final String CURRENT_QUARTER = "CURRENT_QUARTER";
    public static final String NEXT_QUARTER = "NEXT_QUARTER";

    /** The periods forecast as of the date: current month, next month, current quarter, and {@link #openQuarter} when it is the next. */
    public static List<Horizon> of(LocalDate asOf) {
        LocalDate month = asOf.withDayOfMonth(1);
        LocalDate next = month.plusMonths(1);
        List<Horizon> horizons = new java.util.ArrayList<>(List.of(
                new Horizon(CURRENT_MONTH, "MONTH", month, month.with(TemporalAdjusters.lastDayOfMonth())),
                new Horizon(NEXT_MONTH, "MONTH", next, next.with(TemporalAdjusters.lastDayOfMonth())),
                quarter(CURRENT_QUARTER, asOf)));
        Horizon open = openQuarter(asOf);
        if (open.name().equals(NEXT_QUARTER)) {
            horizons.add(open); // on a quarter's last day: finance plans the coming quarter from this night's run
        }
        return List.copyOf(horizons);
    }

    private static Horizon quarter(String name, LocalDate day) {
        LocalDate start = quarterStart(day);
        return new Horizon(name, "QUARTER", start, start.plusMonths(3).minusDays(1));
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
     * The first day an open deal can close in a forecast of {@code asOf}'s periods from the deals as known on
     * {@code known} (the snapshot's date, {@link AsOfData#knownOn}): the day after {@code known}, but never before
     * the first day of the as-of date's earliest period, its month. A night without a new snapshot forecasts the
     * business date's periods; a deal the snapshot expected before them (overdue at the snapshot, or due on the days
     * in between) is still expected, as soon as those periods let it, not dropped with a month no longer forecast.
     * With {@code known} = {@code asOf} this is {@link #firstCloseDay(LocalDate)}.
     */
    public static LocalDate firstCloseDay(LocalDate known, LocalDate asOf) {
        LocalDate first = firstCloseDay(known);
        LocalDate month = asOf.withDayOfMonth(1);
        return first.isBefore(month) ? month : first;
    }

    /**
     * The month coverage is measured against: the month of {@link #firstCloseDay(LocalDate, LocalDate)}, i.e. the
     * current month, or the next one on a month's last day (with that day's snapshot), when no day is left in the
     * current month for the pipeline to close.
     */
    public static Horizon openMonth(LocalDate known, LocalDate asOf) {
        List<Horizon> horizons = of(asOf);
        return horizons.get(0).includes(firstCloseDay(known, asOf)) ? horizons.get(0) : horizons.get(1);
    }

    /** {@link #openMonth(LocalDate, LocalDate)} of a night with its own snapshot. */
    public static Horizon openMonth(LocalDate asOf) {
        return openMonth(asOf, asOf);
    }

    /** The quarter coverage is measured against: the quarter of {@link #firstCloseDay(LocalDate, LocalDate)}. */
    public static Horizon openQuarter(LocalDate known, LocalDate asOf) {
        Horizon current = quarter(CURRENT_QUARTER, asOf);
        LocalDate first = firstCloseDay(known, asOf);
        return current.includes(first) ? current : quarter(NEXT_QUARTER, first);
    }

    /** {@link #openQuarter(LocalDate, LocalDate)} of a night with its own snapshot (the periods of {@link #of}). */
    public static Horizon openQuarter(LocalDate asOf) {
        return openQuarter(asOf, asOf);
    }

    /**
     * The first day from which the learned timing counts a deal's chance of closing here, null when no day is left:
     * in the period holding {@link #firstCloseDay(LocalDate, LocalDate)}, the day after {@code known}, so that the
     * days between the snapshot and the as-of date's month count in it (as an overdue date does); later periods
     * from their start.
     */
    LocalDate firstOpenDay(LocalDate known, LocalDate asOf) {
        LocalDate first = firstCloseDay(known, asOf);
        if (first.isAfter(end)) {
            return null;
        }
        return includes(first) ? firstCloseDay(known) : start;
    }

    /**
     * Whether an open deal expected to close on {@code expectedClose} counts here, as known on {@code known} for the
     * periods of {@code asOf}: a date already past (or {@code known} itself: the deal was still open at its end)
     * means the deal is still expected, as soon as it can close ({@link #expectedOn}).
     */
    public boolean counts(LocalDate expectedClose, LocalDate known, LocalDate asOf) {
        return expectedClose != null && includes(expectedOn(expectedClose, known, asOf));
    }

    /**
     * Whether an open deal is expected to close by the period's end (an overdue one included, by the same rule as
     * {@link #counts}): the pipeline that can still cover the period's remaining target. One dated later cannot.
     */
    boolean dueBy(LocalDate expectedClose, LocalDate known, LocalDate asOf) {
        return expectedClose != null && !expectedOn(expectedClose, known, asOf).isAfter(end);
    }

    /**
     * When an open deal is expected: the latest of its expected close date and {@link #firstCloseDay(LocalDate,
     * LocalDate)}. The one rule the forecasts, the funnel's coverage and the report's marks count deals by.
     */
    static LocalDate expectedOn(LocalDate expectedClose, LocalDate known, LocalDate asOf) {
        LocalDate first = firstCloseDay(known, asOf);
        return expectedClose.isBefore(first) ? first : expectedClose;
    }

    /** The horizon whose backtested range calibration applies: the backtest forecasts as of a month's first day, so
     * the next quarter, forecast the evening before its first day, is calibrated as a current quarter. */
    String calibratedAs() {
        return NEXT_QUARTER.equals(name) ? CURRENT_QUARTER : name;
    }

    boolean includes(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}
