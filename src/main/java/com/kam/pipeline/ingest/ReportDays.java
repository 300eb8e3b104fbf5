package com.kam.pipeline.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds one {@code report_day} row per rep and day from the report lines of some loads, in one
 * set-based statement. The day fields may be repeated on every line or given on one line; where
 * the lines of a day disagree, the largest value is kept, so the result does not depend on order.
 */
final class ReportDays {

    private static final String DAY_FIELDS = "submitted_at, attendance, complaints_received, complaints_resolved,"
            + " competitor_info, customer_feedback, notes";

    private ReportDays() {
    }

    /** @param loadIds comma-separated load ids */
    static void rebuild(JdbcTemplate jdbc, String loadIds) {
        jdbc.update("DELETE FROM report_day WHERE load_id IN (" + loadIds + ")");
        jdbc.update("INSERT INTO report_day (rep_id, report_date, load_id, source_name, visits, " + DAY_FIELDS + ")"
                + " SELECT rep_id, report_date, load_id, MAX(source_name), COUNT(customer_id), MAX(submitted_at),"
                + " MAX(attendance), MAX(complaints_received), MAX(complaints_resolved), MAX(competitor_info),"
                + " MAX(customer_feedback), MAX(notes) FROM report_line WHERE load_id IN (" + loadIds + ")"
                + " GROUP BY rep_id, report_date, load_id");
    }
}
