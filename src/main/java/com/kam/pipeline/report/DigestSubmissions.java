package com.kam.pipeline.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the digest says about the daily reports themselves besides who filed none: who filed late,
 * and who was away. Late is the rollup's rule (RepDayFacts: submitted after the day's deadline in
 * calendar_day, rollup.yml's {@code report-deadline}), so the digest and the on-time rate agree.
 */
final class DigestSubmissions {

    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter LATER_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    /** Attendance codes that explain a day without visits (sources/README: 请假, 病假, 缺勤). */
    private static final List<String> AWAY = List.of("LEAVE", "SICK", "ABSENT");

    private DigestSubmissions() {
    }

    /** The team's reps who submitted the day's report after its deadline, with the time (and date when a later day). */
    static List<Map<String, ?>> late(JdbcTemplate jdbc, String team, LocalDate day) {
        return jdbc.query("SELECT r.rep_id, a.name, r.submitted_at FROM report_day r"
                + " JOIN calendar_day c ON c.cal_date = r.report_date"
                + " JOIN org_assignment a ON a.employee_id = r.rep_id AND a.valid_from <= r.report_date"
                + "   AND (a.valid_to IS NULL OR a.valid_to >= r.report_date)"
                + " WHERE r.report_date = ? AND a.team_code = ? AND c.working_day = TRUE AND r.submitted_at > c.deadline_at"
                + " ORDER BY r.submitted_at, r.rep_id", (rs, n) -> {
                    LocalDateTime at = rs.getTimestamp("submitted_at").toLocalDateTime();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("rep_id", rs.getString("rep_id"));
                    row.put("rep_name", rs.getString("name"));
                    row.put("submitted", shown(at, day));
                    return row;
                }, day, team);
    }

    /** The day's report deadline as the digest prints it (HH:mm, with the date when a later day); null without one. */
    static String deadline(JdbcTemplate jdbc, LocalDate day) {
        List<java.sql.Timestamp> deadline = jdbc.queryForList("SELECT deadline_at FROM calendar_day WHERE cal_date = ?",
                java.sql.Timestamp.class, day);
        if (deadline.isEmpty() || deadline.get(0) == null) {
            return null;
        }
        return shown(deadline.get(0).toLocalDateTime(), day);
    }

    /** A time of the day's report: HH:mm on the day itself, MM-dd HH:mm on a later one (10-31 08:15 for 10-30's report). */
    private static String shown(LocalDateTime at, LocalDate day) {
        return at.format(at.toLocalDate().equals(day) ? SAME_DAY : LATER_DAY);
    }

    /**
     * By rep, the day's attendance code and note when the report says the rep was away (leave,
     * sick, absent): the reason a row shows no visits.
     */
    static Map<String, String[]> away(JdbcTemplate jdbc, LocalDate day) {
        Map<String, String[]> away = new HashMap<>();
        jdbc.query("SELECT rep_id, attendance, notes FROM report_day WHERE report_date = ? AND attendance IN ('"
                + String.join("','", AWAY) + "')", rs -> {
                    away.put(rs.getString("rep_id"), new String[] {rs.getString("attendance"), rs.getString("notes")});
                }, day);
        return away;
    }
}
