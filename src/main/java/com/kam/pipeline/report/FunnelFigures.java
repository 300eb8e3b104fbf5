package com.kam.pipeline.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place the reports read pipeline figures: the funnel by stage and the stalled deals of an
 * owner, a team or a region as of a date. Until the forecast job's tables carry them, they come
 * from the stored nightly opportunity snapshot (the latest one on or before the as-of date) and
 * the stage-change history; swapping in the forecast tables changes only this class.
 */
@Component
class FunnelFigures {

    static final String OPEN_STAGES = "'IDENTIFIED','CONTACTED','QUALIFIED','DEVELOPED','COMMITTED'";

    /** Which owners a scope covers: one rep, the reps of a team, or of a region, on the as-of date. */
    enum Scope {
        REP("o.owner_id = ?"),
        TEAM("o.owner_id IN (SELECT a.employee_id FROM org_assignment a WHERE a.team_code = ?"
                + " AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?))"),
        REGION("o.owner_id IN (SELECT a.employee_id FROM org_assignment a WHERE a.region_code = ?"
                + " AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?))");

        private final String condition;

        Scope(String condition) {
            this.condition = condition;
        }

        Object[] args(LocalDate snapshot, String id, LocalDate asOf) {
            return this == REP ? new Object[] {snapshot, id} : new Object[] {snapshot, id, asOf, asOf};
        }
    }

    private final JdbcTemplate jdbc;
    private final ReportProperties properties;

    FunnelFigures(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The latest snapshot on or before the date, or null when there is none. */
    LocalDate snapshotOn(LocalDate asOf) {
        return jdbc.queryForObject("SELECT MAX(snapshot_date) FROM opportunity_snapshot WHERE snapshot_date <= ?",
                LocalDate.class, asOf);
    }

    /** Open deals per stage (stage, deals, amount), in funnel order. */
    List<Map<String, ?>> funnel(Scope scope, String id, LocalDate asOf) {
        LocalDate snapshot = snapshotOn(asOf);
        if (snapshot == null) {
            return List.of();
        }
        return Rows.query(jdbc, "SELECT o.stage AS stage, COUNT(*) AS deals, SUM(o.amount) AS amount,"
                + " CASE o.stage WHEN 'IDENTIFIED' THEN 1 WHEN 'CONTACTED' THEN 2 WHEN 'QUALIFIED' THEN 3"
                + " WHEN 'DEVELOPED' THEN 4 ELSE 5 END AS stage_order"
                + " FROM opportunity_snapshot o WHERE o.snapshot_date = ? AND " + scope.condition
                + " AND o.stage IN (" + OPEN_STAGES + ") GROUP BY o.stage ORDER BY stage_order", scope.args(snapshot, id, asOf));
    }

    /**
     * Open deals whose stage has not moved for more than kam.report.stalled-days, longest first:
     * opportunity, customer, owner, stage, amount, the date the stage was entered, days in it.
     */
    List<Map<String, ?>> stalled(Scope scope, String id, LocalDate asOf) {
        LocalDate snapshot = snapshotOn(asOf);
        if (snapshot == null) {
            return List.of();
        }
        List<Map<String, ?>> rows = Rows.query(jdbc, "SELECT o.opportunity_id AS opportunity_id, o.name AS name,"
                + " c.name AS customer_name, p.name AS owner_name, o.stage AS stage, o.amount AS amount,"
                + " o.expected_close_date AS expected_close,"
                + " COALESCE((SELECT MAX(s.changed_on) FROM opportunity_stage_change s WHERE s.opportunity_id = o.opportunity_id"
                + "   AND s.changed_on <= o.snapshot_date), o.created_date) AS stage_since"
                + " FROM opportunity_snapshot o LEFT JOIN customer c ON c.customer_id = o.customer_id"
                + " LEFT JOIN (SELECT employee_id, MAX(name) AS name FROM org_assignment GROUP BY employee_id) p"
                + "   ON p.employee_id = o.owner_id"
                + " WHERE o.snapshot_date = ? AND " + scope.condition + " AND o.stage IN (" + OPEN_STAGES + ")",
                scope.args(snapshot, id, asOf));
        return rows.stream()
                .<Map<String, ?>>map(row -> withDays(row, asOf))
                .filter(row -> ((java.math.BigDecimal) row.get("days_in_stage")).intValue() > properties.stalledDays())
                .sorted((a, b) -> ((java.math.BigDecimal) b.get("days_in_stage")).compareTo((java.math.BigDecimal) a.get("days_in_stage")))
                .toList();
    }

    private static Map<String, ?> withDays(Map<String, ?> row, LocalDate asOf) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(row);
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse((String) row.get("stage_since")), asOf);
        out.put("days_in_stage", java.math.BigDecimal.valueOf(days));
        return out;
    }
}
