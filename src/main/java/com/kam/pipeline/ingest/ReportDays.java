package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds one {@code report_day} row per rep and day from the report lines of a load. The day
 * fields may be repeated on every line or given on one: the first non-empty value by line wins.
 */
final class ReportDays {

    private static final String[] DAY_FIELDS = {"submitted_at", "attendance", "complaints_received", "complaints_resolved",
            "competitor_info", "customer_feedback", "notes"};

    private ReportDays() {
    }

    static void rebuild(JdbcTemplate jdbc, long loadId) {
        jdbc.update("DELETE FROM report_day WHERE load_id = ?", loadId);
        List<Object[]> days = new ArrayList<>();
        Object[][] current = {null};
        jdbc.query("SELECT rep_id, report_date, source_name, customer_id, " + String.join(", ", DAY_FIELDS)
                + " FROM report_line WHERE load_id = ? ORDER BY rep_id, report_date, line_no", rs -> {
            Object[] day = current[0];
            if (day == null || !day[0].equals(rs.getString(1)) || !day[1].equals(rs.getDate(2))) {
                day = new Object[5 + DAY_FIELDS.length];
                day[0] = rs.getString(1);
                day[1] = rs.getDate(2);
                day[2] = loadId;
                day[3] = rs.getString(3);
                day[4] = 0;
                days.add(day);
                current[0] = day;
            }
            if (rs.getString(4) != null) {
                day[4] = (Integer) day[4] + 1;
            }
            for (int f = 0; f < DAY_FIELDS.length; f++) {
                Object value = rs.getObject(5 + f);
                if (day[5 + f] == null && value != null && !value.toString().isBlank()) {
                    day[5 + f] = value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value;
                }
            }
        }, loadId);
        jdbc.batchUpdate("INSERT INTO report_day (rep_id, report_date, load_id, source_name, visits, "
                + String.join(", ", DAY_FIELDS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", days);
    }
}
