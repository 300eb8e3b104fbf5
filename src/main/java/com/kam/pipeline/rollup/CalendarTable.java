package com.kam.pipeline.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code calendar_day}: for each day, the periods it belongs to, whether a report is due,
 * and the report deadline. Every rollup statement groups through this table, so period
 * arithmetic is written once, here, and is the same on every database.
 */
class CalendarTable {

    private final JdbcTemplate jdbc;

    CalendarTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What rollup.yml now says differently about days already in the calendar: the days whose report
     * deadline or working-day status changed, and whether the week start did.
     */
    record Changes(java.util.NavigableSet<LocalDate> days, boolean weekStart) {
    }

    /** A day as the settings decide it: its week, whether a report is due, and the deadline. */
    private record Settled(LocalDate weekStart, boolean workingDay, java.time.LocalDateTime deadline) {
        static Settled of(LocalDate d, RollupSettings s) {
            return new Settled(CalendarTable.weekStart(d, s), s.workingDay(d), d.plusDays(s.reportDeadlineDaysAfter()).atTime(s.reportDeadline()));
        }
    }

    /**
     * Rewrites the calendar for whole years around {@code from..to} (settings may have changed);
     * returns what changed for the days {@code from..to} that the calendar held before. A calendar
     * that already holds those years as the settings decide them is left as it is (most nights).
     */
    Changes write(LocalDate from, LocalDate to, RollupSettings settings) {
        LocalDate first = from.minusYears(1).withDayOfYear(1);  // a year back, for growth lookups
        LocalDate last = to.with(TemporalAdjusters.lastDayOfYear());
        java.util.NavigableSet<LocalDate> changed = new java.util.TreeSet<>();
        boolean[] weekStart = {false};
        int[] stored = {0};
        int[] same = {0};
        jdbc.query("SELECT cal_date, week_start, working_day, deadline_at, holiday FROM calendar_day", rs -> {
            stored[0]++;
            LocalDate d = rs.getDate(1).toLocalDate();
            Settled before = new Settled(rs.getDate(2).toLocalDate(), rs.getBoolean(3), rs.getTimestamp(4).toLocalDateTime());
            Settled now = Settled.of(d, settings);
            boolean unchanged = now.equals(before);
            if (!unchanged && !d.isBefore(from) && !d.isAfter(to)) {
                changed.add(d);
                weekStart[0] |= !now.weekStart().equals(before.weekStart());
            }
            if (unchanged && !d.isBefore(first) && !d.isAfter(last)
                    && java.util.Objects.equals(rs.getString(5), settings.holidays().get(d))) {
                same[0]++;
            }
        });
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        if (same[0] == days && stored[0] == days) {
            return new Changes(changed, false);
        }
        jdbc.update("DELETE FROM calendar_day");
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            rows.add(row(d, settings));
        }
        jdbc.batchUpdate("INSERT INTO calendar_day (cal_date, week_start, week_end, month_start, month_end, quarter_start,"
                + " quarter_end, year_start, year_end, year_ago, working_day, holiday, deadline_at, prev_day, ly_day,"
                + " prev_week_start, ly_week_start, prev_month_start, ly_month_start, prev_quarter_start, ly_quarter_start,"
                + " prev_year_start) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        return new Changes(changed, weekStart[0]);
    }

    private static Object[] row(LocalDate d, RollupSettings s) {
        LocalDate week = weekStart(d, s);
        LocalDate month = d.withDayOfMonth(1);
        LocalDate quarter = quarterStart(d);
        LocalDate year = d.withDayOfYear(1);
        return new Object[] {
                sql(d), sql(week), sql(week.plusDays(6)), sql(month), sql(month.plusMonths(1).minusDays(1)),
                sql(quarter), sql(quarter.plusMonths(3).minusDays(1)), sql(year), sql(year.plusYears(1).minusDays(1)),
                sql(d.minusMonths(12)), s.workingDay(d), s.holidays().get(d),
                Timestamp.valueOf(Settled.of(d, s).deadline()),
                sql(PeriodType.DAY.previousStart(d)), sql(PeriodType.DAY.lastYearStart(d, s)),
                sql(PeriodType.WEEK.previousStart(week)), sql(PeriodType.WEEK.lastYearStart(week, s)),
                sql(PeriodType.MONTH.previousStart(month)), sql(PeriodType.MONTH.lastYearStart(month, s)),
                sql(PeriodType.QUARTER.previousStart(quarter)), sql(PeriodType.QUARTER.lastYearStart(quarter, s)),
                sql(PeriodType.YEAR.previousStart(year))};
    }

    static LocalDate weekStart(LocalDate d, RollupSettings s) {
        return d.with(TemporalAdjusters.previousOrSame(s.weekStart()));
    }

    static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static Date sql(LocalDate d) {
        return Date.valueOf(d);
    }
}
