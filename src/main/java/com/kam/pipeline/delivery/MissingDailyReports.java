package com.kam.pipeline.delivery;

import com.kam.pipeline.ingest.ArrivalWarnings;
import com.kam.pipeline.ingest.InputKind;
import com.kam.pipeline.rollup.RollupSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The working days (rollup.yml's calendar) of a daily digest's or weekly report's period, up to
 * the date it was rendered for, for which no daily report arrived at all: a stopped export, not a
 * team that did not report. Their mail says so in its subject and first lines, since the report
 * itself would show everyone as not having reported and every figure as 0. The other reports
 * (scorecards, funnel) are of a month and of the pipeline, and the ingest's warning covers them.
 */
final class MissingDailyReports {

    /** The report types whose figures are the daily reports of their days. */
    private static final Set<String> OF_DAILY_REPORTS = Set.of("DIGEST", "WEEKLY");

    private final JdbcTemplate jdbc;
    private final Supplier<RollupSettings> calendar;
    private final Map<List<LocalDate>, List<LocalDate>> known = new HashMap<>();

    MissingDailyReports(JdbcTemplate jdbc, Supplier<RollupSettings> calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The days the mail's reports lack, in order; none for a report type not made of daily reports. */
    List<LocalDate> of(MailPlan mail) {
        if (!OF_DAILY_REPORTS.contains(mail.reportType()) || mail.reports().isEmpty()) {
            return List.of();
        }
        LocalDate asOf = mail.reports().get(0).businessDate();
        LocalDate end = asOf.isBefore(mail.periodEnd()) ? asOf : mail.periodEnd();
        return known.computeIfAbsent(List.of(mail.periodStart(), end), key -> {
            RollupSettings days = calendar.get();
            Set<LocalDate> arrived = ArrivalWarnings.arrivedBetween(jdbc, InputKind.DAILY_REPORT, mail.periodStart(), end);
            List<LocalDate> missing = new ArrayList<>();
            for (LocalDate day = mail.periodStart(); !day.isAfter(end); day = day.plusDays(1)) {
                if (days.workingDay(day) && !arrived.contains(day)) {
                    missing.add(day);
                }
            }
            return List.copyOf(missing);
        });
    }

    /** Days as a reader takes them in: runs of consecutive days as first..last. */
    static String text(List<LocalDate> days) {
        return text(days, (first, last) -> first + ".." + last);
    }

    /** As {@link #text(List)}, with each run of days written by {@code range}. */
    static String text(List<LocalDate> days, java.util.function.BinaryOperator<String> range) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < days.size(); ) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
                j++;
            }
            runs.add(i == j ? days.get(i).toString() : range.apply(days.get(i).toString(), days.get(j).toString()));
            i = j + 1;
        }
        return String.join(", ", runs);
    }
}
