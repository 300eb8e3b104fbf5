package com.kam.pipeline.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily digest for a team lead, about the business date: who has not filed a daily report
 * and who filed it late, each rep's day against the month-to-date figures (DAY and MTD rollups)
 * with the leave or absence that explains a day without visits, and the complaints reps received
 * or resolved. A team with no rollup, nobody missing and no complaint has nothing to report,
 * and so has a team on a day no report is due (a weekend, a holiday) when none of its reps
 * reported anyway: managers do not get a page of zeros every Saturday and Sunday.
 */
@Component
class DigestContent implements ReportContent {

    private final JdbcTemplate jdbc;

    DigestContent(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReportType type() {
        return ReportType.DIGEST;
    }

    @Override
    public EntityQuery candidates(ReportPeriod period, LocalDate asOf) {
        return new EntityQuery("SELECT 'TEAM' AS entity_type, team_code AS entity_id, MAX(team_name) AS entity_name"
                + " FROM org_assignment WHERE role = 'TEAM_LEAD' AND team_code IS NOT NULL AND valid_from <= ?"
                + " AND (valid_to IS NULL OR valid_to >= ?) GROUP BY team_code ORDER BY team_code", asOf, asOf);
    }

    /**
     * Why no digest can be drawn for the day, or null: when the month has daily reports up to the
     * day but the rollup has no figures of the day (its DAY rows), the rollup has not run for it, and
     * the digest would show blank figures and an empty rep table. (A month without reports has
     * nothing to roll up: its digest names who has not reported.)
     */
    String refusal(LocalDate day) {
        boolean reported = jdbc.queryForObject("SELECT COUNT(*) FROM report_line WHERE report_date BETWEEN ? AND ?",
                Integer.class, day.withDayOfMonth(1), day) > 0;
        boolean rolledUp = jdbc.queryForObject("SELECT COUNT(*) FROM rollup_row WHERE period_type = 'DAY' AND period_start = ?"
                + " AND period_end = ?", Integer.class, day, day) > 0;
        return !reported || rolledUp ? null : "no daily digest for " + day + ": the rollup has no figures of that day;"
                + " run `kam rollup --date " + day + "` first, then the report again";
    }

    @Override
    public Optional<ReportData> read(ReportEntity team, ReportPeriod period, LocalDate day) {
        LocalDate monthStart = day.withDayOfMonth(1);
        // the month to date is stored as of the rollup's last date only: for an earlier day it is
        // summed from the kept rep-days, by the rollup's rule
        boolean stored = jdbc.queryForObject("SELECT COUNT(*) FROM rollup WHERE period_type = 'MTD' AND period_start = ?"
                + " AND period_end = ?", Integer.class, monthStart, day) > 0;
        List<Map<String, ?>> reps = stored ? Rows.query(jdbc, "SELECT m.entity_id AS rep_id, m.entity_name AS rep_name,"
                + " d.orders_amount AS day_orders, d.visits AS day_visits, d.effective_visits AS day_effective,"
                + " d.collections AS day_collections, m.orders_amount AS mtd_orders, m.sales_target AS mtd_target,"
                + " m.sales_attainment AS mtd_attainment, m.collections AS mtd_collections"
                + " FROM rollup m LEFT JOIN rollup d ON d.period_type = 'DAY' AND d.period_start = ? AND d.period_end = ?"
                + "   AND d.entity_type = 'REP' AND d.entity_id = m.entity_id"
                + " WHERE m.period_type = 'MTD' AND m.period_start = ? AND m.period_end = ? AND m.entity_type = 'REP'"
                + "   AND m.team_code = ? ORDER BY m.entity_name, m.entity_id", day, day, monthStart, day, team.id())
                : MonthToDate.reps(jdbc, team.id(), day);
        boolean working = workingDay(day);
        List<Map<String, ?>> missing = working ? Rows.query(jdbc, "SELECT a.employee_id AS rep_id, a.name AS rep_name"
                + " FROM org_assignment a WHERE a.role = 'REP' AND a.team_code = ? AND a.valid_from <= ?"
                + " AND (a.valid_to IS NULL OR a.valid_to >= ?)"
                + " AND NOT EXISTS (SELECT 1 FROM report_day r WHERE r.rep_id = a.employee_id AND r.report_date = ?)"
                + " ORDER BY a.name", team.id(), day, day, day) : List.of();
        List<Map<String, ?>> late = DigestSubmissions.late(jdbc, team.id(), day);
        List<Map<String, ?>> complaints = DigestComplaints.read(jdbc, team.id(), day);
        if (!working && complaints.isEmpty() && !reportedOn(day, team.id())) {
            return Optional.empty();
        }
        List<Map<String, ?>> teamDay = figures("DAY", day, day, team.id());
        List<Map<String, ?>> teamMtd = stored ? figures("MTD", monthStart, day, team.id()) : MonthToDate.team(jdbc, team.id(), day);
        if (reps.isEmpty() && teamDay.isEmpty() && teamMtd.isEmpty() && missing.isEmpty() && complaints.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>();
        if (!teamDay.isEmpty()) {
            teamDay.get(0).forEach((column, value) -> parameters.put("DAY_" + column.toUpperCase(java.util.Locale.ROOT), value));
        }
        if (!teamMtd.isEmpty()) {
            teamMtd.get(0).forEach((column, value) -> parameters.put("MTD_" + column.toUpperCase(java.util.Locale.ROOT), value));
        }
        parameters.put("LEAD_NAME", jdbc.queryForList("SELECT name FROM org_assignment WHERE role = 'TEAM_LEAD' AND team_code = ?"
                + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY employee_id", String.class,
                team.id(), day, day).stream().findFirst().orElse(""));
        parameters.put("NOT_REPORTED", missing);
        parameters.put("LATE", late);
        parameters.put("DEADLINE", DigestSubmissions.deadline(jdbc, day));
        parameters.put("COMPLAINTS", complaints);
        return Optional.of(new ReportData(parameters, withAway(reps, DigestSubmissions.away(jdbc, day))));
    }

    /** The team's daily reports of the day, submitted against due (its DAY rollup), and how many the digest lists as late. */
    @Override
    public ReportHeadline headline(ReportData data) {
        Map<String, Object> shown = data.parameters();
        return ReportHeadline.of(ReportHeadline.REPORTS_SUBMITTED, shown.get("DAY_REPORTS_SUBMITTED"),
                ReportHeadline.REPORTS_DUE, shown.get("DAY_REPORTS_DUE"),
                ReportHeadline.REPORTS_LATE, ((List<?>) shown.get("LATE")).size());
    }

    /** Each rep row with the day's leave or absence and its note, where the report gives one. */
    private static List<Map<String, ?>> withAway(List<Map<String, ?>> reps, Map<String, String[]> away) {
        return reps.stream().<Map<String, ?>>map(rep -> {
            Map<String, Object> row = new HashMap<>(rep);
            String[] reason = away.get((String) rep.get("rep_id"));
            row.put("attendance", reason == null ? null : reason[0]);
            row.put("attendance_note", reason == null ? null : reason[1]);
            return row;
        }).toList();
    }

    private List<Map<String, ?>> figures(String periodType, LocalDate start, LocalDate end, String team) {
        return Rows.query(jdbc, "SELECT orders_amount, sales_target, sales_attainment, collections, collection_target,"
                + " collection_attainment, visits, effective_visits, new_customers, complaints_received, reports_due,"
                + " reports_submitted FROM rollup WHERE period_type = ? AND period_start = ? AND period_end = ?"
                + " AND entity_type = 'TEAM' AND entity_id = ?", periodType, start, end, team);
    }

    /** Whether a rep of the team filed a daily report for the day. */
    private boolean reportedOn(LocalDate day, String team) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM report_day r JOIN org_assignment a ON a.employee_id = r.rep_id"
                + " AND a.valid_from <= r.report_date AND (a.valid_to IS NULL OR a.valid_to >= r.report_date)"
                + " WHERE r.report_date = ? AND a.team_code = ?", Integer.class, day, team) > 0;
    }

    /** A day reps must report: the rollup calendar says so, or, before it has the day, Monday to Friday. */
    private boolean workingDay(LocalDate day) {
        List<Boolean> calendar = jdbc.queryForList("SELECT working_day FROM calendar_day WHERE cal_date = ?", Boolean.class, day);
        if (!calendar.isEmpty()) {
            return Boolean.TRUE.equals(calendar.get(0));
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
