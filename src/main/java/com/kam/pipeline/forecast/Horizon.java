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
     * The month coverage is measured against as of {@code asOf}: the month of {@link #firstCloseDay}, i.e. the current
     * month, or the next one on a month's last day, when no day is left in the current month for the pipeline to close.
     */
    public static Horizon openMonth(LocalDate asOf) {
        List<Horizon> horizons = of(asOf);
        return horizons.get(0).includes(firstCloseDay(asOf)) ? horizons.get(0) : horizons.get(1);
    }

    /** The quarter coverage is measured against: the quarter of {@link #firstCloseDay} (the next one on a quarter's last day). */
    public static Horizon openQuarter(LocalDate asOf) {
        Horizon current = quarter(CURRENT_QUARTER, asOf);
        return current.includes(firstCloseDay(asOf)) ? current : quarter(NEXT_QUARTER, firstCloseDay(asOf));
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

    /** The horizon whose backtested range calibration applies: the backtest forecasts as of a month's first day, so
     * the next quarter, forecast the evening before its first day, is calibrated as a current quarter. */
    String calibratedAs() {
        return NEXT_QUARTER.equals(name) ? CURRENT_QUARTER : name;
    }

    boolean includes(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}
