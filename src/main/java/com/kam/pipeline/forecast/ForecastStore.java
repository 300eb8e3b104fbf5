package com.kam.pipeline.forecast;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Writes forecast runs and their rows; a run is never updated once done, only read. */
@Component
class ForecastStore {

    static final String NIGHTLY = "NIGHTLY";
    static final String BACKTEST = "BACKTEST";
    private static final int BATCH = 2000;
    /** A run's deal detail, which the funnel report reads: removed after a while, unlike its forecasts. */
    static final List<String> DETAIL_TABLES = List.of("forecast_contributor", "funnel_stage", "funnel_summary",
            "funnel_flagged", "ideal_funnel");

    private final JdbcTemplate jdbc;
    private final com.kam.pipeline.system.KamProperties properties;

    ForecastStore(JdbcTemplate jdbc, com.kam.pipeline.system.KamProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    long startRun(LocalDate asOf, LocalDate snapshot, String kind, Long jobInstanceId, String configSha) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO forecast_run (as_of_date, snapshot_date, run_kind,"
                    + " job_instance_id, config_sha256, generated_at, status) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setDate(1, Date.valueOf(asOf));
            ps.setDate(2, snapshot == null ? null : Date.valueOf(snapshot));
            ps.setString(3, kind);
            ps.setObject(4, jobInstanceId);
            ps.setString(5, configSha);
            // in the company's zone: the finance extract prints it, and the PDFs print theirs so too
            ps.setTimestamp(6, Timestamp.valueOf(properties.now()));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void finishRun(long runId) {
        jdbc.update("UPDATE forecast_run SET status = 'DONE' WHERE run_id = ?", runId);
    }

    /** Removes a run and everything it wrote (a failed run's leftovers, or a backtest replaced by a new one). */
    void deleteRun(long runId) {
        for (String table : DETAIL_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
        for (String table : List.of("forecast_accuracy", "forecast", "forecast_run")) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }

    /**
     * Removes the runs' deal detail ({@link #DETAIL_TABLES}), keeping their forecasts, and notes the
     * date it was removed on (see {@link ForecastDetailRetention}).
     */
    void removeDetail(List<Long> runIds, LocalDate on) {
        for (Long runId : runIds) {
            for (String table : DETAIL_TABLES) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
            }
            jdbc.update("UPDATE forecast_run SET detail_removed_on = ? WHERE run_id = ?", Date.valueOf(on), runId);
        }
    }

    void writeForecasts(long runId, ForecastCalculator.Result result) {
        List<Object[]> rows = new ArrayList<>();
        for (ForecastRow r : result.forecasts()) {
            rows.add(new Object[] {runId, r.horizon().name(), r.horizon().periodType(), Date.valueOf(r.horizon().start()),
                    Date.valueOf(r.horizon().end()), r.entity().type(), r.entity().id(), r.entityName(), r.method().name(),
                    r.closedWon(), r.p10(), r.p50(), r.p90(), r.target()});
        }
        insert("INSERT INTO forecast (run_id, horizon, period_type, period_start, period_end, entity_type, entity_id,"
                + " entity_name, method, closed_won, p10, p50, p90, target) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        rows.clear();
        for (ContributorRow c : result.contributors()) {
            Deal d = c.deal();
            rows.add(new Object[] {runId, c.horizon().name(), c.entity().type(), c.entity().id(), c.method().name(), c.rank(),
                    d.id(), d.name(), d.ownerId(), d.stage(), d.amount(), c.contribution(),
                    d.expectedClose() == null ? null : Date.valueOf(d.expectedClose())});
        }
        insert("INSERT INTO forecast_contributor (run_id, horizon, entity_type, entity_id, method, rank_no, opportunity_id,"
                + " opportunity_name, owner_id, stage, amount, contribution, expected_close_date)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    void writeFunnel(long runId, FunnelSnapshot.Result funnel, List<Object[]> ideal) {
        insert("INSERT INTO funnel_stage (run_id, entity_type, entity_id, product_line, stage, stage_order, open_count,"
                + " open_amount, weighted_amount, conversion_rate, win_rate, days_in_stage_mean, days_in_stage_median,"
                + " aging_days_mean, stalled_count, slipped_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                withRun(runId, funnel.stages()));
        insert("INSERT INTO funnel_summary (run_id, entity_type, entity_id, entity_name, product_line, open_count, open_amount,"
                + " weighted_amount, closed_count, won_count, win_rate, avg_won_amount, cycle_days_mean, cycle_days_median,"
                + " velocity_per_day, aging_days_mean, stalled_count, slipped_count, month_target, month_won, month_remaining,"
                + " month_coverage, month_weighted_coverage, quarter_target, quarter_won, quarter_remaining, quarter_coverage,"
                + " quarter_weighted_coverage, month_due_amount, month_due_coverage, month_due_weighted_coverage,"
                + " quarter_due_amount, quarter_due_coverage, quarter_due_weighted_coverage)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                withRun(runId, funnel.summaries()));
        insert("INSERT INTO funnel_flagged (run_id, opportunity_id, flag, owner_id, team_code, region_code, customer_id,"
                + " opportunity_name, product_line, stage, amount, stage_entered_on, days_in_stage, threshold_days,"
                + " expected_close_date, first_expected_close_date, push_count, reason)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", withRun(runId, funnel.flagged()));
        insert("INSERT INTO ideal_funnel (run_id, horizon, entity_type, entity_id, stage, stage_order, remaining_target,"
                + " win_rate, reachable, needed_count, needed_amount, actual_count, actual_amount, gap_count, gap_amount)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", withRun(runId, ideal));
    }

    private static List<Object[]> withRun(long runId, List<Object[]> rows) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] o = new Object[r.length + 1];
            o[0] = runId;
            System.arraycopy(r, 0, o, 1, r.length);
            out.add(o);
        }
        return out;
    }

    private void insert(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }
}
