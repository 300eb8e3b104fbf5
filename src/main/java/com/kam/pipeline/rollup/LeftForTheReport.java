package com.kam.pipeline.rollup;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures that only a report reads, of a period still open: a week's abnormal customers,
 * next week's targets and the week's warnings; a month's appraisals and expense warnings. Each
 * night made them again for the open week and month, a third of a clean night's work, and only
 * the night of the period's last day made those its report is sent with. Now the run that rolls
 * up that day makes them, and a night before it records them here as left, as of its date; a
 * report asked for the open period (a weekly report or scorecard with {@code --type}) has them
 * made first: the week's lists as of the last day rolled up in it, the month's appraisals with
 * the settings the nights recorded for it ({@code rollup_left_for_report}, V42).
 */
final class LeftForTheReport {

    /** A week's abnormal customers, next week's targets and plan, and the week's warnings. */
    static final String WEEK = "WEEK";
    /** A month's rep appraisals and expense warnings. */
    static final String MONTH = "MONTH";

    private final JdbcTemplate jdbc;

    LeftForTheReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the figures of the period as left, as of {@code asOf} (replacing an earlier night's date). */
    void leave(String kind, LocalDate periodStart, LocalDate asOf) {
        made(kind, periodStart);
        jdbc.update("INSERT INTO rollup_left_for_report (kind, period_start, as_of) VALUES (?,?,?)", kind,
                Date.valueOf(periodStart), Date.valueOf(asOf));
    }

    /** The figures of the period are stored: nothing left. */
    void made(String kind, LocalDate periodStart) {
        jdbc.update("DELETE FROM rollup_left_for_report WHERE kind = ? AND period_start = ?", kind, Date.valueOf(periodStart));
    }

    /** The date the figures of the period were left as of; null when none are left. */
    LocalDate asOf(String kind, LocalDate periodStart) {
        List<LocalDate> dates = jdbc.queryForList("SELECT as_of FROM rollup_left_for_report WHERE kind = ? AND period_start = ?",
                LocalDate.class, kind, Date.valueOf(periodStart));
        return dates.isEmpty() ? null : dates.get(0);
    }
}
