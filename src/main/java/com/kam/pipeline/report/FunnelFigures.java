package com.kam.pipeline.report;

import com.kam.pipeline.forecast.Horizon;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place the reports read the forecast job's tables (V4): the funnel by stage, its summary
 * (coverage, velocity), stalled and slipped deals, the forecasts per method with their range, the
 * deals behind them and past accuracy, all from the latest finished nightly run as of the date.
 * When no forecast run exists for the date, the funnel and stalled deals come from the stored
 * opportunity snapshot and stage history instead (so scorecards still show them).
 */
@Component
class FunnelFigures {

    private static final String OPEN_STAGES = "'IDENTIFIED','CONTACTED','QUALIFIED','DEVELOPED','COMMITTED'";
    private static final String STAGE_ORDER = "CASE o.stage WHEN 'IDENTIFIED' THEN 1 WHEN 'CONTACTED' THEN 2"
            + " WHEN 'QUALIFIED' THEN 3 WHEN 'DEVELOPED' THEN 4 ELSE 5 END";

    /** Whose deals: one rep (owner), a team or a region. */
    enum Scope {
        REP("owner_id"), TEAM("team_code"), REGION("region_code"), COMPANY(null);

        private final String flaggedColumn;

        Scope(String flaggedColumn) {
            this.flaggedColumn = flaggedColumn;
        }
    }

    private final JdbcTemplate jdbc;
    private final ReportProperties properties;

    FunnelFigures(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The latest finished nightly forecast run as of the date (exactly that date), or null. */
    Long run(LocalDate asOf) {
        return jdbc.queryForObject("SELECT MAX(run_id) FROM forecast_run WHERE as_of_date = ? AND run_kind = 'NIGHTLY'"
                + " AND status = 'DONE'", Long.class, asOf);
    }

    /**
     * Why a report as of the date that shows the forecast's deals (the funnel report, the
     * scorecard's funnel) cannot be made, or null: the deal detail of its forecast run was removed
     * (forecast/ForecastDetailRetention), and an empty funnel would look like one without deals.
     */
    String refusal(LocalDate asOf, ReportType type) {
        Long run = run(asOf);
        LocalDate removed = run == null ? null
                : jdbc.queryForObject("SELECT detail_removed_on FROM forecast_run WHERE run_id = ?", LocalDate.class, run);
        if (removed == null) {
            return null;
        }
        return "no " + type.folder() + " report as of " + asOf + ": the deal detail of that night's forecast, which it shows,"
                + " was removed by the night of " + removed + " (kam.forecast.keep-detail-days; each month's last run keeps"
                + " it, so the reports as of the month's last night can be made). The report made that night is in the archive"
                + " (kam resend --report ID)";
    }

    /**
     * The date the run's deals are known on: its snapshot's ({@code forecast_run.snapshot_date}, earlier than the
     * as-of date on a night without a new file), the date {@link Horizon} counts deals and coverage from; the as-of
     * date without a run.
     */
    LocalDate knownOn(LocalDate asOf) {
        Long run = run(asOf);
        LocalDate snapshot = run == null ? null
                : jdbc.queryForObject("SELECT snapshot_date FROM forecast_run WHERE run_id = ?", LocalDate.class, run);
        return snapshot == null ? asOf : snapshot;
    }

    /** Open deals per stage in funnel order: stage, deals, amount, weighted, conversion and win rates, days. */
    List<Map<String, ?>> funnel(Scope scope, String id, LocalDate asOf) {
        Long run = run(asOf);
        if (run != null) {
            return Rows.query(jdbc, "SELECT stage, stage_order, open_count AS deals, open_amount AS amount, weighted_amount,"
                    + " conversion_rate, win_rate, days_in_stage_mean, aging_days_mean, stalled_count, slipped_count"
                    + " FROM funnel_stage WHERE run_id = ? AND entity_type = ? AND entity_id = ? AND product_line = '*'"
                    + " ORDER BY stage_order", run, scope.name(), id);
        }
        LocalDate snapshot = snapshotOn(asOf);
        if (snapshot == null) {
            return List.of();
        }
        return Rows.query(jdbc, "SELECT o.stage AS stage, " + STAGE_ORDER + " AS stage_order, COUNT(*) AS deals,"
                + " SUM(o.amount) AS amount FROM opportunity_snapshot o WHERE o.snapshot_date = ? AND " + owners(scope)
                + " AND o.stage IN (" + OPEN_STAGES + ") GROUP BY o.stage ORDER BY stage_order", ownerArgs(scope, snapshot, id, asOf));
    }

    /** Funnel totals with coverage and velocity, or an empty map without a forecast run. */
    Map<String, ?> summary(Scope scope, String id, LocalDate asOf) {
        Long run = run(asOf);
        if (run == null) {
            return Map.of();
        }
        List<Map<String, ?>> rows = Rows.query(jdbc, "SELECT open_count, open_amount, weighted_amount, win_rate, avg_won_amount,"
                + " cycle_days_mean, velocity_per_day, aging_days_mean, stalled_count, slipped_count, month_target, month_won,"
                + " month_remaining, month_coverage, month_weighted_coverage, month_due_amount, month_due_coverage,"
                + " month_due_weighted_coverage FROM funnel_summary WHERE run_id = ?"
                + " AND entity_type = ? AND entity_id = ? AND product_line = '*'", run, scope.name(), id);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** Stalled deals, longest in stage first: opportunity, customer, owner, stage, amount, days in stage. */
    List<Map<String, ?>> stalled(Scope scope, String id, LocalDate asOf) {
        return flagged("STALLED", scope, id, asOf);
    }

    /** Deals whose expected close date keeps moving later. */
    List<Map<String, ?>> slipped(Scope scope, String id, LocalDate asOf) {
        return run(asOf) == null ? List.of() : flagged("SLIPPED", scope, id, asOf);
    }

    private List<Map<String, ?>> flagged(String flag, Scope scope, String id, LocalDate asOf) {
        Long run = run(asOf);
        if (run != null) {
            return Rows.query(jdbc, "SELECT f.opportunity_id, f.opportunity_name AS name, c.name AS customer_name,"
                    + " (SELECT MAX(p.name) FROM org_assignment p WHERE p.employee_id = f.owner_id) AS owner_name,"
                    + " f.stage, f.amount, f.stage_entered_on AS stage_since, f.days_in_stage, f.expected_close_date AS expected_close,"
                    + " f.first_expected_close_date AS first_expected_close, f.push_count, f.reason"
                    + " FROM funnel_flagged f LEFT JOIN customer c ON c.customer_id = f.customer_id"
                    + " WHERE f.run_id = ? AND f.flag = ? AND " + (scope == Scope.COMPANY ? "? = 'ALL'" : "f." + scope.flaggedColumn + " = ?")
                    + " ORDER BY f.days_in_stage DESC, f.amount DESC, f.opportunity_id", run, flag, id);
        }
        LocalDate snapshot = snapshotOn(asOf);
        if (snapshot == null) {
            return List.of();
        }
        List<Map<String, ?>> open = Rows.query(jdbc, "SELECT o.opportunity_id, o.name, c.name AS customer_name,"
                + " (SELECT MAX(p.name) FROM org_assignment p WHERE p.employee_id = o.owner_id) AS owner_name, o.stage, o.amount,"
                // the forecast's rule (AsOfDataReader.stageHistory, Deal.currentStageSince): the entry into the current
                // stage, the log's where it has one, else the snapshots'; else the created date (a change into another
                // stage says nothing about when this one began)
                + " COALESCE((SELECT MAX(s.changed_on) FROM opportunity_stage_change s WHERE s.opportunity_id = o.opportunity_id"
                + "   AND s.to_stage = o.stage AND s.origin = 'LOG' AND s.changed_on <= o.snapshot_date),"
                + " (SELECT MAX(s.changed_on) FROM opportunity_stage_change s WHERE s.opportunity_id = o.opportunity_id"
                + "   AND s.to_stage = o.stage AND s.origin <> 'LOG' AND s.changed_on <= o.snapshot_date), o.created_date)"
                + " AS stage_since, o.expected_close_date AS expected_close"
                + " FROM opportunity_snapshot o LEFT JOIN customer c ON c.customer_id = o.customer_id"
                + " WHERE o.snapshot_date = ? AND " + owners(scope) + " AND o.stage IN (" + OPEN_STAGES + ")",
                ownerArgs(scope, snapshot, id, asOf));
        return open.stream()
                .<Map<String, ?>>map(row -> withDaysInStage(row, asOf))
                .filter(row -> ((BigDecimal) row.get("days_in_stage")).intValue() > properties.stalledDays())
                .sorted((a, b) -> ((BigDecimal) b.get("days_in_stage")).compareTo((BigDecimal) a.get("days_in_stage")))
                .toList();
    }

    /** Forecasts of the current and next month per method: horizon, method, closed won, P10, P50, P90, target. */
    List<Map<String, ?>> forecasts(Scope scope, String id, LocalDate asOf) {
        Long run = run(asOf);
        if (run == null) {
            return List.of();
        }
        return Rows.query(jdbc, "SELECT horizon, period_start, method, closed_won, p10, p50, p90, target FROM forecast"
                + " WHERE run_id = ? AND entity_type = ? AND entity_id = ? AND horizon IN ('CURRENT_MONTH', 'NEXT_MONTH')"
                + " ORDER BY horizon, CASE method WHEN 'COMBINED' THEN 0 ELSE 1 END, method", run, scope.name(), id);
    }

    /**
     * The open deals contributing most to next month's combined forecast, each marked {@code elsewhere} when its
     * expected close date does not fall in that month ({@link Horizon#counts}, from the run's {@link #knownOn} as its
     * forecasts count it): the learned method, blended in, goes by
     * the stage's learned time to close instead, so such a deal adds its chance of closing in the month.
     */
    List<Map<String, ?>> contributors(Scope scope, String id, LocalDate asOf) {
        Long run = run(asOf);
        if (run == null) {
            return List.of();
        }
        Horizon next = nextMonth(asOf);
        LocalDate known = knownOn(asOf);
        return Rows.query(jdbc, "SELECT f.rank_no, f.opportunity_id, f.opportunity_name AS name,"
                + " (SELECT MAX(p.name) FROM org_assignment p WHERE p.employee_id = f.owner_id) AS owner_name, f.stage, f.amount,"
                + " f.contribution, f.expected_close_date AS expected_close FROM forecast_contributor f WHERE f.run_id = ?"
                + " AND f.horizon = 'NEXT_MONTH' AND f.entity_type = ? AND f.entity_id = ? AND f.method = 'COMBINED'"
                + " ORDER BY f.rank_no", run, scope.name(), id).stream().<Map<String, ?>>map(row -> {
                    Map<String, Object> out = new LinkedHashMap<>(row);
                    Object expected = row.get("expected_close");
                    out.put("elsewhere", expected == null || !next.counts(LocalDate.parse((String) expected), known, asOf));
                    return out;
                }).toList();
    }

    /** The month of the contributors listed (yyyy-MM). */
    static String contributorsMonth(LocalDate asOf) {
        return nextMonth(asOf).start().toString().substring(0, 7);
    }

    private static Horizon nextMonth(LocalDate asOf) {
        return Horizon.of(asOf).stream().filter(h -> h.name().equals(Horizon.NEXT_MONTH)).findFirst().orElseThrow();
    }

    /**
     * Seed 003's ideal funnel against today's, with the gap per stage: for the rest of the month,
     * or for the next month when the as-of date is the month's last day (as the monthly report's
     * is), since no deal can close in a month with no day left; by the run's {@link #knownOn}, as its
     * coverage (a run made from the day before's snapshot still has that last day: the rest of the month).
     * Deals needed are whole, rounded up (IdealFunnel stores them so; runs stored before it did kept
     * tenths, rounded up here alike).
     */
    List<Map<String, ?>> idealFunnel(Scope scope, String id, LocalDate asOf) {
        Long run = run(asOf);
        if (run == null) {
            return List.of();
        }
        return Rows.query(jdbc, "SELECT stage, stage_order, remaining_target, win_rate, reachable, CEILING(needed_count) AS needed_count,"
                + " needed_amount, actual_count, actual_amount, CEILING(gap_count) AS gap_count, gap_amount FROM ideal_funnel"
                + " WHERE run_id = ? AND horizon = ?"
                + " AND entity_type = ? AND entity_id = ? ORDER BY stage_order", run, idealHorizon(knownOn(asOf), asOf),
                scope.name(), id);
    }

    /**
     * The horizon of the ideal funnel the report shows for an as-of date, from a run whose deals are known on
     * {@code known}: the month the pipeline can still close into, the coverage's ({@link #coverageMonth}).
     */
    static String idealHorizon(LocalDate known, LocalDate asOf) {
        return Horizon.openMonth(known, asOf).name();
    }

    /**
     * The date the report's pipeline is as of, when it is not the as-of date (a night without a new snapshot, whose
     * run was made from the latest before it: {@link #knownOn}), else null: the report says so under its title.
     */
    static String pipelineAsOf(LocalDate known, LocalDate asOf) {
        return known.isBefore(asOf) ? known.toString() : null;
    }

    /**
     * The month the summary's coverage is against (yyyy-MM): the one the pipeline can still close into, as the run
     * measured it from the date its deals are known on ({@link #knownOn}).
     */
    static String coverageMonth(LocalDate known, LocalDate asOf) {
        return Horizon.openMonth(known, asOf).start().toString().substring(0, 7);
    }

    /** That month's last day (yyyy-MM-dd): the deals expected to close by it are what covers its target. */
    static String coverageEnd(LocalDate known, LocalDate asOf) {
        return Horizon.openMonth(known, asOf).end().toString();
    }

    /**
     * How accurate the month-ahead forecasts were for the months before the as-of month: per month
     * and method, the latest forecast made for it before it began, against what closed.
     */
    List<Map<String, ?>> accuracy(Scope scope, String id, LocalDate asOf) {
        LocalDate to = asOf.withDayOfMonth(1);
        return Rows.query(jdbc, "SELECT a.period_start, a.method, a.as_of_date, a.forecast_p50, a.actual, a.abs_pct_error, a.bias,"
                + " a.within_p10_p90 FROM forecast_accuracy a WHERE a.entity_type = ? AND a.entity_id = ? AND a.horizon = 'NEXT_MONTH'"
                + " AND a.period_start >= ? AND a.period_start <= ? AND a.run_id = (SELECT MAX(b.run_id) FROM forecast_accuracy b"
                + "   WHERE b.entity_type = a.entity_type AND b.entity_id = a.entity_id AND b.method = a.method"
                + "   AND b.horizon = a.horizon AND b.period_start = a.period_start)"
                + " ORDER BY a.period_start DESC, CASE a.method WHEN 'COMBINED' THEN 0 ELSE 1 END, a.method",
                scope.name(), id, to.minusMonths(6), to);
    }

    private LocalDate snapshotOn(LocalDate asOf) {
        return jdbc.queryForObject("SELECT MAX(snapshot_date) FROM opportunity_snapshot WHERE snapshot_date <= ?",
                LocalDate.class, asOf);
    }

    private static String owners(Scope scope) {
        return scope == Scope.REP ? "o.owner_id = ?" : scope == Scope.COMPANY ? "? = 'ALL'"
                : "o.owner_id IN (SELECT a.employee_id FROM org_assignment a WHERE a." + scope.flaggedColumn + " = ?"
                        + " AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?))";
    }

    private static Object[] ownerArgs(Scope scope, LocalDate snapshot, String id, LocalDate asOf) {
        return scope == Scope.REP || scope == Scope.COMPANY ? new Object[] {snapshot, id} : new Object[] {snapshot, id, asOf, asOf};
    }

    private static Map<String, ?> withDaysInStage(Map<String, ?> row, LocalDate asOf) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.put("days_in_stage", BigDecimal.valueOf(ChronoUnit.DAYS.between(LocalDate.parse((String) row.get("stage_since")), asOf)));
        return out;
    }
}
