package com.kam.pipeline.report;

import com.kam.pipeline.rollup.Ratio;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The weekly sales management report (销售管理报告书) of a team, for the week Monday..Sunday: the
 * team's WEEK rollup (seed 004's figures), one row per rep, abnormal customers, warnings, the
 * competitor notes reps filed that week, and next week's targets and plan. A team without a WEEK
 * rollup has nothing to report. A rep who moved team in the week is listed in each of its teams, marked
 * ({@link WeekMoves}).
 */
@Component
class WeeklyContent implements ReportContent {

    private final JdbcTemplate jdbc;

    WeeklyContent(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Column {@code rep_left}: 1 when the employee has no assignment in a span of days (two
     * parameters: its last day, its first), such as the owner of a customer who has left and whose
     * customers the customer data has not yet given to someone else; the report marks the name.
     */
    private static String notInPost(String employeeColumn) {
        return "CASE WHEN EXISTS (SELECT 1 FROM org_assignment p WHERE p.employee_id = " + employeeColumn
                + " AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to >= ?)) THEN 0 ELSE 1 END AS rep_left";
    }

    @Override
    public ReportType type() {
        return ReportType.WEEKLY;
    }

    @Override
    public EntityQuery candidates(ReportPeriod period, LocalDate asOf) {
        return new EntityQuery("SELECT 'TEAM' AS entity_type, team_code AS entity_id, MAX(team_name) AS entity_name"
                + " FROM org_assignment WHERE team_code IS NOT NULL AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)"
                + " GROUP BY team_code ORDER BY team_code", period.end(), period.start());
    }

    /** A week's warning with its departure from the baseline (the mean of the weeks before), as a rate. */
    private static Map<String, ?> withDeparture(Map<String, ?> warning) {
        Map<String, Object> out = new HashMap<>(warning);
        BigDecimal actual = (BigDecimal) warning.get("actual");
        BigDecimal baseline = (BigDecimal) warning.get("baseline");
        out.put("departure", actual == null ? null : Ratio.change(actual, baseline));
        return out;
    }

    @Override
    public Optional<ReportData> read(ReportEntity team, ReportPeriod week, LocalDate asOf) {
        List<Map<String, ?>> totals = Rows.query(jdbc, "SELECT region_code, reps, orders_amount, sales_target, sales_attainment,"
                + " collections, collection_target, collection_attainment, new_customers, visits, effective_visit_rate,"
                + " transaction_rate, avg_sales_per_rep_week, report_on_time_rate, expenses, cost_per_visit,"
                + " (SELECT MAX(o.region_name) FROM org_assignment o WHERE o.region_code = rollup.region_code) AS region_name"
                + " FROM rollup WHERE period_type = 'WEEK' AND period_start = ? AND period_end = ? AND entity_type = 'TEAM'"
                + " AND entity_id = ?", week.start(), week.end(), team.id());
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>();
        totals.get(0).forEach((column, value) -> parameters.put("TEAM_" + column.toUpperCase(java.util.Locale.ROOT), value));
        String region = (String) totals.get(0).get("region_code");
        List<Map<String, ?>> abnormal = Rows.query(jdbc, "SELECT c.customer_id, c.customer_name, c.customer_class, c.abc_class,"
                + " c.reason_code, c.last_visit, c.days_since, c.allowed_days, c.actual, c.baseline, c.reason,"
                + " (SELECT MAX(p.name) FROM org_assignment p WHERE p.employee_id = c.rep_id) AS rep_name, " + notInPost("c.rep_id")
                + " FROM abnormal_customer c WHERE c.week_start = ? AND c.team_code = ?"
                // the worst first: never visited in the lookback, then the longest unvisited; the largest fall in orders
                + " ORDER BY c.reason_code, CASE WHEN c.reason_code = 'NOT_VISITED' AND c.days_since IS NULL THEN 0 ELSE 1 END,"
                + " c.days_since DESC, c.baseline - c.actual DESC, c.customer_id", week.end(), week.end(), week.start(), team.id());
        parameters.put("ABNORMAL", abnormal);
        // a customer can be listed for two reasons (no visits and no orders): the heading counts customers and rows
        parameters.put("ABNORMAL_CUSTOMERS", abnormal.stream().map(row -> row.get("customer_id")).distinct().count());
        List<Map<String, ?>> warnings = new java.util.ArrayList<>(Rows.query(jdbc, "SELECT entity_type, entity_id, measure, actual, baseline, reason"
                + " FROM rollup_warning WHERE period_type = 'WEEK' AND period_start = ?"
                + " AND ((entity_type = 'TEAM' AND entity_id = ?) OR (entity_type = 'REGION' AND entity_id = ?))"
                + " ORDER BY entity_type DESC, measure", week.start(), team.id(), region).stream()
                .map(WeeklyContent::withDeparture).toList());
        // then the expenses over their budget of the week's months (the last one so far): the team's, its
        // region's and those of the reps each month's figures count in the team
        for (LocalDate month = week.start().withDayOfMonth(1); !month.isAfter(asOf); month = month.plusMonths(1)) {
            warnings.addAll(Rows.query(jdbc, "SELECT w.entity_type, w.entity_id, r.entity_name, w.measure, w.actual, w.baseline,"
                    + " w.reason, w.period_type, w.period_start FROM rollup_warning w JOIN rollup_row r ON r.period_type = w.period_type"
                    + " AND r.period_start = w.period_start AND r.period_end = ? AND r.entity_type = w.entity_type AND r.entity_id = w.entity_id"
                    + " WHERE w.period_type = 'MONTH' AND w.period_start = ? AND w.measure = 'expenses'"
                    + " AND ((w.entity_type = 'TEAM' AND w.entity_id = ?) OR (w.entity_type = 'REGION' AND w.entity_id = ?)"
                    + " OR (w.entity_type = 'REP' AND r.team_code = ?))"
                    + " ORDER BY CASE w.entity_type WHEN 'TEAM' THEN 0 WHEN 'REGION' THEN 1 ELSE 2 END, w.actual - w.baseline DESC,"
                    + " w.entity_id", month.withDayOfMonth(month.lengthOfMonth()), month, team.id(), region, team.id()));
        }
        parameters.put("WARNINGS", warnings);
        parameters.put("COMPETITORS", Rows.query(jdbc, "SELECT d.report_date, a.name AS rep_name, d.competitor_info"
                + " FROM report_day d JOIN org_assignment a ON a.employee_id = d.rep_id AND a.valid_from <= d.report_date"
                + "   AND (a.valid_to IS NULL OR a.valid_to >= d.report_date)"
                + " WHERE d.report_date BETWEEN ? AND ? AND a.team_code = ? AND d.competitor_info IS NOT NULL"
                + "   AND d.competitor_info <> '' ORDER BY d.report_date, a.name", week.start(), week.end(), team.id()));
        // 下周目标与计划: the team's total first, then its reps
        parameters.put("NEXT_WEEK_START", week.start().plusDays(7).toString());
        parameters.put("NEXT_WEEK_END", week.end().plusDays(7).toString());
        parameters.put("NEXT_WEEK", Rows.query(jdbc, "SELECT n.entity_type, n.entity_id,"
                + " (SELECT MAX(p.name) FROM org_assignment p WHERE p.employee_id = n.entity_id) AS rep_name, n.working_days,"
                + " n.sales_target, n.sales_needed, n.collection_target, n.collection_needed, n.visits_planned, n.customers_planned,"
                + " n.key_customers_due, " + notInPost("n.entity_id")
                + " FROM next_week_target n WHERE n.week_start = ? AND n.team_code = ?"
                + " ORDER BY CASE WHEN n.entity_type = 'TEAM' THEN 0 ELSE 1 END, n.entity_id", week.end().plusDays(7),
                week.start().plusDays(7), week.start(), team.id()));
        List<Map<String, ?>> reps = reps(team, week);
        Map<String, WeekMoves.Move> moves = WeekMoves.in(jdbc, week, team.id());
        parameters.put("MOVES", reps.stream().filter(rep -> moves.containsKey(rep.get("rep_id")))
                .map(rep -> moves.get(rep.get("rep_id")).footnote(rep)).toList());
        return Optional.of(new ReportData(parameters, reps.stream()
                .<Map<String, ?>>map(rep -> marked(rep, moves.containsKey(rep.get("rep_id")))).toList()));
    }

    /** The team's orders against target (the header's boxes) and the customers its abnormal list names. */
    @Override
    public ReportHeadline headline(ReportData data) {
        Map<String, Object> shown = data.parameters();
        return ReportHeadline.of(ReportHeadline.ORDERS, shown.get("TEAM_ORDERS_AMOUNT"), ReportHeadline.TARGET,
                shown.get("TEAM_SALES_TARGET"), ReportHeadline.ATTAINMENT, shown.get("TEAM_SALES_ATTAINMENT"),
                ReportHeadline.ABNORMAL_CUSTOMERS, shown.get("ABNORMAL_CUSTOMERS"));
    }

    /**
     * The reps' WEEK rows, each the rep's whole week: those whose week ended in the team (a rep's row carries the team
     * of its last day) and those who spent days of it in the team before moving on, whose days the team's total counts.
     */
    private List<Map<String, ?>> reps(ReportEntity team, ReportPeriod week) {
        return Rows.query(jdbc, "SELECT entity_id AS rep_id, entity_name AS rep_name, orders_amount,"
                + " sales_target, sales_attainment, collections, visits, effective_visit_rate, transaction_rate, new_customers,"
                + " report_on_time_rate FROM rollup WHERE period_type = 'WEEK' AND period_start = ? AND entity_type = 'REP'"
                + " AND (team_code = ? OR entity_id IN (" + WeekMoves.REPS_WITH_DAYS_IN_TEAM + "))"
                + " ORDER BY orders_amount DESC, entity_id", week.start(), team.id(), week.start(), week.end(), team.id());
    }

    /** A rep's row with {@code moved}: the rep spent only part of the week in the team, which the report marks. */
    private static Map<String, ?> marked(Map<String, ?> rep, boolean moved) {
        Map<String, Object> out = new HashMap<>(rep);
        out.put("moved", moved);
        return out;
    }
}
