package com.kam.pipeline.rollup;

import com.kam.pipeline.system.ConfigFile;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The appraisal settings a month is scored with, for one run. People are paid on the scores, so a
 * closed month (the run's business date after its last day) keeps the settings it was scored
 * with: an edit of {@code appraisal.yml} applies from the open month on, and a late or corrected
 * report of a closed month rescores it with its own settings. The settings are kept per month as
 * the file's text ({@code appraisal_month_settings}) and read back through
 * {@link AppraisalSettings#parseRecorded}, as the file is but for checks added since a text may
 * have been recorded.
 * <ul>
 * <li>an open month: the file as it is, recorded for the month (replacing the record);
 * <li>a closed month: its recorded settings; without a record (first appraised before they were
 * kept), the file as it is, recorded;
 * <li>with {@code restate} ({@code kam rollup --restate-appraisals}): the file as it is for every
 * month, replacing the records;
 * <li>{@link #asRecorded}, for the appraisals a night left to the scorecard: every month its
 * recorded settings (those the nights scored it with), the file only without a record.
 * </ul>
 */
final class AppraisalMonthSettings {

    private final JdbcTemplate jdbc;
    private final Path file;
    private final LocalDate asOf;
    private final boolean restate;
    /** Every month scored with its recorded settings (see {@link #asRecorded}). */
    private final boolean recordedFirst;
    /** The file as it is, read when first needed. */
    private String currentText;
    private AppraisalSettings current;
    /** Recorded texts read back, by text: the same text is parsed once per run. */
    private final Map<String, AppraisalSettings> recorded = new HashMap<>();
    /** Closed months this run scored with recorded settings other than the file's. */
    private final TreeSet<LocalDate> keptOther = new TreeSet<>();

    /** Reads {@code appraisal.yml} in {@code jobs}; a bad file is refused here, before anything is written. */
    AppraisalMonthSettings(JdbcTemplate jdbc, Path jobs, LocalDate asOf, boolean restate) {
        this(jdbc, jobs, asOf, restate, false);
        current();
    }

    private AppraisalMonthSettings(JdbcTemplate jdbc, Path jobs, LocalDate asOf, boolean restate, boolean recordedFirst) {
        this.jdbc = jdbc;
        this.file = jobs.resolve(AppraisalSettings.FILE);
        this.asOf = asOf;
        this.restate = restate;
        this.recordedFirst = recordedFirst;
    }

    /**
     * The settings of the appraisals a night left to the scorecard ({@link LeftForTheReport}):
     * those the nights recorded for the month, open or not, as that night would have scored it
     * with them; the file is read only for a month without a record.
     */
    static AppraisalMonthSettings asRecorded(JdbcTemplate jdbc, Path jobs, LocalDate asOf) {
        return new AppraisalMonthSettings(jdbc, jobs, asOf, false, true);
    }

    private AppraisalSettings current() {
        if (current == null) {
            currentText = ConfigFile.text(file);
            current = AppraisalSettings.parse(file, currentText);
            recorded.put(currentText, current);
        }
        return current;
    }

    /**
     * Whether the month starting on {@code month} is closed by {@code asOf}: that date (the last day
     * rolled up, for a run) is after its last day.
     */
    static boolean closed(LocalDate month, LocalDate asOf) {
        return asOf.isAfter(YearMonth.from(month).atEndOfMonth());
    }

    /** The settings to score the month starting on {@code month} with, recorded for it when they are the file's. */
    AppraisalSettings forMonth(LocalDate month, Timestamp now) {
        Date m = Date.valueOf(month);
        if ((recordedFirst || closed(month, asOf)) && !restate) {
            List<String> texts = jdbc.queryForList("SELECT settings_text FROM appraisal_month_settings WHERE month_start = ?",
                    String.class, m);
            if (!texts.isEmpty()) {
                String text = texts.get(0);
                AppraisalSettings settings = recorded.computeIfAbsent(text, t -> AppraisalSettings.parseRecorded(
                        Path.of(AppraisalSettings.FILE + " as recorded for " + YearMonth.from(month)), t));
                if (!recordedFirst && !settings.equals(current())) {
                    keptOther.add(month);
                }
                return settings;
            }
        }
        jdbc.update("DELETE FROM appraisal_month_settings WHERE month_start = ?", m);
        AppraisalSettings file = current();
        jdbc.update("INSERT INTO appraisal_month_settings (month_start, settings_text, computed_at) VALUES (?,?,?)", m,
                currentText, now);
        return file;
    }

    /**
     * One line naming the closed months this run scored with recorded settings other than the
     * file's, and how to rescore them with the file (a full recompute for {@code lastDay}, the last
     * day with figures after the run); empty when there are none.
     */
    String notice(LocalDate lastDay) {
        if (keptOther.isEmpty()) {
            return "";
        }
        return "appraisals of " + months() + " keep the settings they were scored with (" + file + " changed since);"
                + " kam rollup --date " + lastDay + " --restate-appraisals (a full recompute) rescores them with the current file";
    }

    /** The kept months as runs of consecutive months: 2026-04..2026-06, 2026-09. */
    private String months() {
        List<String> runs = new ArrayList<>();
        YearMonth first = null;
        YearMonth last = null;
        for (LocalDate d : keptOther) {
            YearMonth m = YearMonth.from(d);
            if (last != null && m.equals(last.plusMonths(1))) {
                last = m;
                continue;
            }
            if (first != null) {
                runs.add(first.equals(last) ? first.toString() : first + ".." + last);
            }
            first = m;
            last = m;
        }
        runs.add(first.equals(last) ? first.toString() : first + ".." + last);
        return String.join(", ", runs);
    }
}
