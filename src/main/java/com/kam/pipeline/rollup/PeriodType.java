package com.kam.pipeline.rollup;

import java.time.LocalDate;

/**
 * The periods figures are rolled up for, and the {@code calendar_day} columns that define them.
 * The to-date kinds (MTD, QTD, YTD) run from the start of their period to the as-of date.
 */
public enum PeriodType {
    DAY("cal_date", "prev_day", "ly_day"),
    WEEK("week_end", "prev_week_start", "ly_week_start"),
    MONTH("month_end", "prev_month_start", "ly_month_start"),
    QUARTER("quarter_end", "prev_quarter_start", "ly_quarter_start"),
    YEAR("year_end", "prev_year_start", "prev_year_start"),
    MTD(null, null, null),
    QTD(null, null, null),
    YTD(null, null, null);

    /** Null for the to-date kinds, whose end is the as-of date. */
    final String endColumn;
    final String previousStartColumn;
    final String lastYearStartColumn;

    PeriodType(String endColumn, String previousStartColumn, String lastYearStartColumn) {
        this.endColumn = endColumn;
        this.previousStartColumn = previousStartColumn;
        this.lastYearStartColumn = lastYearStartColumn;
    }

    boolean toDate() {
        return endColumn == null;
    }

    /** For a to-date kind, the whole period it is the start of (MONTH for MTD); for a whole period, itself. */
    PeriodType wholePeriod() {
        return switch (this) {
            case MTD -> MONTH;
            case QTD -> QUARTER;
            case YTD -> YEAR;
            default -> this;
        };
    }

    /** The full periods, recomputed for every touched date. */
    static PeriodType[] whole() {
        return new PeriodType[] {DAY, WEEK, MONTH, QUARTER, YEAR};
    }

    static PeriodType[] toDateKinds() {
        return new PeriodType[] {MTD, QTD, YTD};
    }

    /** The start of the period of this kind that contains {@code day}. */
    LocalDate startOf(LocalDate day, RollupSettings settings) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> CalendarTable.weekStart(day, settings);
            case MONTH, MTD -> day.withDayOfMonth(1);
            case QUARTER, QTD -> CalendarTable.quarterStart(day);
            case YEAR, YTD -> day.withDayOfYear(1);
        };
    }

    /** Where the period before the one that starts on {@code start} starts (whole periods only). */
    LocalDate previousStart(LocalDate start) {
        return switch (this) {
            case DAY -> start.minusDays(1);
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
            case YEAR -> start.minusYears(1);
            default -> throw new IllegalStateException(this + " has no previous period");
        };
    }

    /** Where the same period a year earlier starts: for a week, the week 52 weeks back. */
    LocalDate lastYearStart(LocalDate start, RollupSettings settings) {
        return switch (this) {
            case WEEK -> CalendarTable.weekStart(start.minusWeeks(52), settings);
            case DAY, MONTH, QUARTER, YEAR -> start.minusYears(1);
            default -> throw new IllegalStateException(this + " has no period last year");
        };
    }

    /** Whether a period is compared with the one before and the same one last year. */
    boolean hasGrowth() {
        return this == WEEK || this == MONTH || this == QUARTER || this == YEAR;
    }

    /** The last day of the period of this kind that starts on {@code start} (whole periods only). */
    LocalDate endOf(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
            default -> throw new IllegalStateException(this + " ends on its as-of date");
        };
    }
}
