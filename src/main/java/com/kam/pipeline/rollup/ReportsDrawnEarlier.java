package com.kam.pipeline.rollup;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports another night rendered from figures a run has just recomputed (a late or corrected
 * report for a day of last month changes the month's scorecards, already mailed). They are named
 * under the run's summary with what renders and mails them again: nothing else would tell the
 * operator that managers hold figures that have since changed.
 */
final class ReportsDrawnEarlier {

    private ReportsDrawnEarlier() {
    }

    /**
     * The reports, per night, type and period, whose period holds a recomputed date and whose
     * data reached it, rendered for another business date than {@code asOf} (the night's own are
     * rendered after its rollup). Empty after a full recompute, which recomputes every date.
     */
    static List<String> of(JdbcTemplate jdbc, RollupService.Result result, LocalDate asOf) {
        if (result.ranges().isEmpty()) {  // a full recompute lists no dates: it recomputes them all
            return List.of();
        }
        List<String> holds = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (LocalDate[] range : result.ranges()) {
            holds.add("(period_start <= ? AND period_end >= ? AND as_of >= ?)");
            args.addAll(List.of(Date.valueOf(range[1]), Date.valueOf(range[0]), Date.valueOf(range[0])));
        }
        args.add(Date.valueOf(asOf));
        return jdbc.query("SELECT business_date, report_type, period_start, period_end, COUNT(*) FROM report_archive"
                        + " WHERE (" + String.join(" OR ", holds) + ") AND business_date <> ?"
                        + " GROUP BY business_date, report_type, period_start, period_end"
                        + " ORDER BY business_date, report_type, period_start",
                (rs, i) -> rs.getString(2) + " " + rs.getDate(3) + ".." + rs.getDate(4) + " (" + rs.getInt(5)
                        + " PDF(s) of the night of " + rs.getDate(1) + ")", args.toArray());
    }

    /** The lines under the summary; empty when there is nothing to say. */
    static String notice(List<String> reports) {
        if (reports.isEmpty()) {
            return "";
        }
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder("  reports rendered on other nights from figures this run changed; to mail them"
                + " corrected, run `kam report --date <night> --force` and `kam deliver --date <night>` for each:" + nl);
        reports.forEach(r -> text.append("    ").append(r).append(nl));
        return text.toString();
    }
}
