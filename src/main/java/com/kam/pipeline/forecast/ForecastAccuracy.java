package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures stored forecasts whose period has closed against what was won in it: absolute
 * percentage error |P50 - actual| / actual and bias (P50 - actual) / actual, per run, horizon,
 * entity and method. The actual comes from the deals closed as the measuring date's data show
 * them, attributed to entities by the organisation on the forecast's own as-of date.
 */
@Component
class ForecastAccuracy {

    private final JdbcTemplate jdbc;
    private final AsOfDataReader reader;

    ForecastAccuracy(JdbcTemplate jdbc, AsOfDataReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** Measures every not yet measured forecast of the given run kind whose period ended before {@code now.asOf()}. */
    int measure(AsOfData now, String runKind) {
        List<Map<String, Object>> pending = jdbc.queryForList("SELECT DISTINCT f.run_id, r.as_of_date, f.horizon,"
                + " f.period_start, f.period_end FROM forecast f JOIN forecast_run r ON r.run_id = f.run_id"
                + " WHERE r.status = 'DONE' AND r.run_kind = ? AND f.period_end < ? AND NOT EXISTS (SELECT 1 FROM"
                + " forecast_accuracy a WHERE a.run_id = f.run_id AND a.horizon = f.horizon)", runKind, Date.valueOf(now.asOf()));
        Map<LocalDate, Map<String, OrgEntry>> orgs = new HashMap<>();
        int written = 0;
        for (Map<String, Object> p : pending) {
            long runId = ((Number) p.get("run_id")).longValue();
            LocalDate asOf = ((Date) p.get("as_of_date")).toLocalDate();
            String horizon = (String) p.get("horizon");
            LocalDate start = ((Date) p.get("period_start")).toLocalDate();
            LocalDate end = ((Date) p.get("period_end")).toLocalDate();
            Map<EntityKey, BigDecimal> actual = actuals(now.closed(), orgs.computeIfAbsent(asOf, reader::org), start, end);
            List<Object[]> rows = new ArrayList<>();
            Timestamp computed = Timestamp.valueOf(LocalDateTime.now());
            jdbc.query("SELECT entity_type, entity_id, method, period_type, p10, p50, p90 FROM forecast"
                    + " WHERE run_id = ? AND horizon = ?", rs -> {
                EntityKey e = new EntityKey(rs.getString(1), rs.getString(2));
                BigDecimal a = actual.getOrDefault(e, BigDecimal.ZERO);
                BigDecimal p50 = rs.getBigDecimal(6);
                BigDecimal p10 = rs.getBigDecimal(5);
                BigDecimal p90 = rs.getBigDecimal(7);
                rows.add(new Object[] {runId, horizon, e.type(), e.id(), rs.getString(3), Date.valueOf(asOf), rs.getString(4),
                        Date.valueOf(start), p50, a, ape(p50, a), bias(p50, a),
                        p10 == null || p90 == null ? null : a.compareTo(p10) >= 0 && a.compareTo(p90) <= 0,
                        Date.valueOf(now.snapshotDate() == null ? now.asOf() : now.snapshotDate()), computed});
            }, runId, horizon);
            jdbc.batchUpdate("INSERT INTO forecast_accuracy (run_id, horizon, entity_type, entity_id, method, as_of_date,"
                    + " period_type, period_start, forecast_p50, actual, abs_pct_error, bias, within_p10_p90,"
                    + " actual_snapshot_date, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
            written += rows.size();
        }
        return written;
    }

    static BigDecimal ape(BigDecimal forecast, BigDecimal actual) {
        BigDecimal b = bias(forecast, actual);
        return b == null ? null : b.abs();
    }

    static BigDecimal bias(BigDecimal forecast, BigDecimal actual) {
        return actual.signum() == 0 ? null : forecast.subtract(actual).divide(actual, 4, RoundingMode.HALF_UP);
    }

    /** Won in [start, end] per entity, with the team and region of the owner in {@code org}. */
    static Map<EntityKey, BigDecimal> actuals(List<Deal> closed, Map<String, OrgEntry> org, LocalDate start, LocalDate end) {
        Map<EntityKey, BigDecimal> won = new HashMap<>();
        for (Deal d : closed) {
            if (d.won() && !d.closed().isBefore(start) && !d.closed().isAfter(end)) {
                OrgEntry o = org.get(d.ownerId());
                for (EntityKey e : EntityKey.of(d.ownerId(), o == null ? null : o.teamCode(), o == null ? null : o.regionCode())) {
                    won.merge(e, d.amount(), BigDecimal::add);
                }
            }
        }
        return won;
    }
}
