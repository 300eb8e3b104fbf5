package com.kam.pipeline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The digest's complaint rows: each rep of the team who received or resolved complaints on the
 * day, with the counts from the daily report and, one row each, the complaint-handling visits
 * (purpose 客诉处理) of that day: the customer and the visit's outcome. The daily report has no
 * complaint text of its own; the customer feedback is a day field about any visit, so it is not
 * shown as the complaint. A rep with counts but no such visit gets one row without a customer.
 */
final class DigestComplaints {

    private DigestComplaints() {
    }

    static List<Map<String, ?>> read(JdbcTemplate jdbc, String team, LocalDate day) {
        List<Map<String, ?>> reps = Rows.query(jdbc, "SELECT r.rep_id, a.name AS rep_name, r.complaints_received,"
                + " r.complaints_resolved FROM report_day r JOIN org_assignment a ON a.employee_id = r.rep_id"
                + "   AND a.valid_from <= r.report_date AND (a.valid_to IS NULL OR a.valid_to >= r.report_date)"
                + " WHERE r.report_date = ? AND a.team_code = ?"
                + "   AND (r.complaints_received > 0 OR r.complaints_resolved > 0) ORDER BY a.name, r.rep_id", day, team);
        Map<String, List<Map<String, ?>>> visits = new HashMap<>();
        for (Map<String, ?> visit : Rows.query(jdbc, "SELECT l.rep_id, COALESCE(c.name, l.customer_id) AS customer, l.outcome"
                + " FROM report_line l LEFT JOIN customer c ON c.customer_id = l.customer_id"
                + " WHERE l.report_date = ? AND l.purpose = 'COMPLAINT' ORDER BY l.rep_id, l.visit_time, l.line_no", day)) {
            visits.computeIfAbsent((String) visit.get("rep_id"), rep -> new ArrayList<>()).add(visit);
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Map<String, ?> rep : reps) {
            List<Map<String, ?>> own = visits.getOrDefault((String) rep.get("rep_id"), List.of());
            if (own.isEmpty()) {
                rows.add(row(rep, null, null));
            }
            for (int i = 0; i < own.size(); i++) {
                // the rep and the day's counts once, on the first of the rep's visits
                rows.add(row(i == 0 ? rep : null, own.get(i).get("customer"), own.get(i).get("outcome")));
            }
        }
        return rows;
    }

    private static Map<String, ?> row(Map<String, ?> rep, Object customer, Object outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rep_name", rep == null ? null : rep.get("rep_name"));
        row.put("complaints_received", rep == null ? null : rep.get("complaints_received"));
        row.put("complaints_resolved", rep == null ? null : rep.get("complaints_resolved"));
        row.put("customer", customer);
        row.put("outcome", outcome);
        row.put("no_visit", customer == null && outcome == null);
        return row;
    }
}
