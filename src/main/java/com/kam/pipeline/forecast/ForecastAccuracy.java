package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures stored forecasts whose period has closed against what was won in it: absolute
 * percentage error |P50 - actual| / actual and bias (P50 - actual) / actual, per run, horizon,
 * entity and method. The actual comes from the deals closed as the measuring date's data show
 * them, attributed to entities by the organisation on the forecast's own as-of date. When later
 * data change a period's actual (a corrected opportunities file, a win reported late), every row
 * already measured against the old one is scored again, so that a period has one actual.
 */
@Component
class ForecastAccuracy {

    private static final Logger log = LoggerFactory.getLogger(ForecastAccuracy.class);

    private final JdbcTemplate jdbc;
    private final AsOfDataReader reader;

    ForecastAccuracy(JdbcTemplate jdbc, AsOfDataReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /**
     * Measures every not yet measured forecast of the given run kind whose period the data now cover to its end
     * (ended before {@code now.asOf()} and on or before the snapshot's date), then scores again the rows measured
     * earlier whose actual has changed. Returns the rows newly measured.
     */
    int measure(AsOfData now, String runKind) {
        LocalDate covered = now.knownOn().isBefore(now.asOf()) ? now.knownOn() : now.asOf().minusDays(1);
        Actuals actuals = new Actuals(now.closed());
        Date actualSnapshot = Date.valueOf(now.knownOn());
        Timestamp computed = Timestamp.valueOf(LocalDateTime.now());
        List<Map<String, Object>> pending = jdbc.queryForList("SELECT DISTINCT f.run_id, r.as_of_date, f.horizon,"
                + " f.period_start, f.period_end, CASE WHEN f.period_end <= COALESCE(r.snapshot_date, r.as_of_date) THEN 1"
                + " ELSE 0 END AS by_construction FROM forecast f JOIN forecast_run r ON r.run_id = f.run_id"
                + " WHERE r.status = 'DONE' AND r.run_kind = ? AND f.period_end <= ? AND NOT EXISTS (SELECT 1 FROM"
                + " forecast_accuracy a WHERE a.run_id = f.run_id AND a.horizon = f.horizon)", runKind, Date.valueOf(covered));
        int written = 0;
        for (Map<String, Object> p : pending) {
            long runId = ((Number) p.get("run_id")).longValue();
            LocalDate asOf = ((Date) p.get("as_of_date")).toLocalDate();
            String horizon = (String) p.get("horizon");
            LocalDate start = ((Date) p.get("period_start")).toLocalDate();
            LocalDate end = ((Date) p.get("period_end")).toLocalDate();
            // made from data to the period's last day: nothing was left to forecast, its P50 is what was won
            boolean byConstruction = ((Number) p.get("by_construction")).intValue() == 1;
            Map<EntityKey, BigDecimal> actual = actuals.of(asOf, start, end);
            List<Object[]> rows = new ArrayList<>();
            jdbc.query("SELECT entity_type, entity_id, method, period_type, p10, p50, p90 FROM forecast"
                    + " WHERE run_id = ? AND horizon = ?", rs -> {
                EntityKey e = new EntityKey(rs.getString(1), rs.getString(2));
                BigDecimal a = actual.getOrDefault(e, BigDecimal.ZERO);
                BigDecimal p50 = rs.getBigDecimal(6);
                rows.add(new Object[] {runId, horizon, e.type(), e.id(), rs.getString(3), Date.valueOf(asOf), rs.getString(4),
                        Date.valueOf(start), p50, a, ape(p50, a), bias(p50, a), within(rs.getBigDecimal(5), rs.getBigDecimal(7), a),
                        actualSnapshot, computed, byConstruction});
            }, runId, horizon);
            jdbc.batchUpdate("INSERT INTO forecast_accuracy (run_id, horizon, entity_type, entity_id, method, as_of_date,"
                    + " period_type, period_start, forecast_p50, actual, abs_pct_error, bias, within_p10_p90,"
                    + " actual_snapshot_date, computed_at, actual_by_construction) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
            written += rows.size();
        }
        rescore(actuals, runKind, covered, actualSnapshot, computed);
        return written;
    }

    /** One forecast's period, as measured: the as-of date (whose organisation attributes the deals) and the period. */
    private record Measured(LocalDate asOf, String periodType, LocalDate start) {

        LocalDate end() {
            return start.plusMonths("QUARTER".equals(periodType) ? 3 : 1).minusDays(1);
        }
    }

    /**
     * Scores again every stored row whose actual the data now put differently: all its methods and runs, against the
     * new actual (the forecasts stay as they were made); logs each period's company actual that changed. Only periods
     * the data cover to their end, and only rows measured from the same snapshot or an earlier one: a night rerun
     * for a past date never scores them back against what it knew then.
     */
    private void rescore(Actuals actuals, String runKind, LocalDate covered, Date actualSnapshot, Timestamp computed) {
        List<Object[]> stored = new ArrayList<>();
        jdbc.query("SELECT DISTINCT a.as_of_date, a.period_type, a.period_start, a.entity_type, a.entity_id, a.actual"
                + " FROM forecast_accuracy a JOIN forecast_run r ON r.run_id = a.run_id WHERE r.run_kind = ?"
                + " AND a.period_start <= ? AND a.actual_snapshot_date <= ?", rs -> {
            Measured m = new Measured(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getObject(3, LocalDate.class));
            if (!m.end().isAfter(covered)) {
                stored.add(new Object[] {m, new EntityKey(rs.getString(4), rs.getString(5)), rs.getBigDecimal(6)});
            }
        }, runKind, Date.valueOf(covered), actualSnapshot);
        Map<Measured, Map<EntityKey, BigDecimal>> changed = new LinkedHashMap<>();
        Map<String, String> companyChanges = new LinkedHashMap<>();
        for (Object[] row : stored) {
            Measured m = (Measured) row[0];
            EntityKey e = (EntityKey) row[1];
            BigDecimal was = (BigDecimal) row[2];
            BigDecimal now = actuals.of(m.asOf(), m.start(), m.end()).getOrDefault(e, BigDecimal.ZERO);
            if (now.compareTo(was) != 0) {
                changed.computeIfAbsent(m, k -> new HashMap<>()).put(e, now);
                if (EntityKey.ALL.equals(e)) {
                    companyChanges.put(m.periodType() + " " + m.start(), String.format(java.util.Locale.ROOT, "%,.2f -> %,.2f",
                            was, now));
                }
            }
        }
        int rescored = 0;
        for (Map.Entry<Measured, Map<EntityKey, BigDecimal>> c : changed.entrySet()) {
            Measured m = c.getKey();
            List<Object[]> rows = new ArrayList<>();
            jdbc.query("SELECT a.run_id, a.horizon, a.entity_type, a.entity_id, a.method, a.forecast_p50, f.p10, f.p90"
                    + " FROM forecast_accuracy a JOIN forecast_run r ON r.run_id = a.run_id LEFT JOIN forecast f"
                    + " ON f.run_id = a.run_id AND f.horizon = a.horizon AND f.entity_type = a.entity_type"
                    + " AND f.entity_id = a.entity_id AND f.method = a.method WHERE r.run_kind = ? AND a.as_of_date = ?"
                    + " AND a.period_type = ? AND a.period_start = ? AND a.actual_snapshot_date <= ?", rs -> {
                BigDecimal a = c.getValue().get(new EntityKey(rs.getString(3), rs.getString(4)));
                if (a != null) {
                    BigDecimal p50 = rs.getBigDecimal(6);
                    rows.add(new Object[] {a, ape(p50, a), bias(p50, a), within(rs.getBigDecimal(7), rs.getBigDecimal(8), a),
                            actualSnapshot, computed, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }, runKind, Date.valueOf(m.asOf()), m.periodType(), Date.valueOf(m.start()), actualSnapshot);
            jdbc.batchUpdate("UPDATE forecast_accuracy SET actual = ?, abs_pct_error = ?, bias = ?, within_p10_p90 = ?,"
                    + " actual_snapshot_date = ?, computed_at = ? WHERE run_id = ? AND horizon = ? AND entity_type = ?"
                    + " AND entity_id = ? AND method = ?", rows);
            rescored += rows.size();
        }
        if (rescored > 0) {
            log.info("forecast accuracy ({}): the actual of {} period(s) changed since measured{}; {} stored row(s) scored"
                    + " again against the new actual", runKind, changed.keySet().stream().map(m -> m.periodType() + " "
                    + m.start()).distinct().count(), companyChanges.isEmpty() ? "" : " (company: " + companyChanges + ")",
                    rescored);
        }
    }

    static BigDecimal ape(BigDecimal forecast, BigDecimal actual) {
        BigDecimal b = bias(forecast, actual);
        return b == null ? null : b.abs();
    }

    static BigDecimal bias(BigDecimal forecast, BigDecimal actual) {
        return actual.signum() == 0 ? null : forecast.subtract(actual).divide(actual, 4, RoundingMode.HALF_UP);
    }

    static Boolean within(BigDecimal p10, BigDecimal p90, BigDecimal actual) {
        return p10 == null || p90 == null ? null : actual.compareTo(p10) >= 0 && actual.compareTo(p90) <= 0;
    }

    /**
     * Won per entity in a period with the organisation of an as-of date, from one set of closed deals: the deals are
     * summed per owner once a period, then attributed per as-of date (a year of nightly runs measures the same periods).
     */
    private final class Actuals {

        private final List<Deal> closed;
        private final Map<LocalDate, Map<String, OrgEntry>> orgs = new HashMap<>();
        private final Map<List<LocalDate>, Map<String, BigDecimal>> byOwner = new HashMap<>();
        private final Map<List<LocalDate>, Map<EntityKey, BigDecimal>> byEntity = new HashMap<>();

        Actuals(List<Deal> closed) {
            this.closed = closed;
        }

        Map<EntityKey, BigDecimal> of(LocalDate asOf, LocalDate start, LocalDate end) {
            return byEntity.computeIfAbsent(List.of(asOf, start, end), k -> {
                Map<String, OrgEntry> org = orgs.computeIfAbsent(asOf, reader::org);
                Map<EntityKey, BigDecimal> won = new HashMap<>();
                byOwner.computeIfAbsent(List.of(start, end), p -> wonByOwner(closed, start, end)).forEach((owner, amount) -> {
                    OrgEntry o = org.get(owner);
                    for (EntityKey e : EntityKey.of(owner, o == null ? null : o.teamCode(), o == null ? null : o.regionCode())) {
                        won.merge(e, amount, BigDecimal::add);
                    }
                });
                return won;
            });
        }
    }

    /** Won in [start, end] per owner. */
    static Map<String, BigDecimal> wonByOwner(List<Deal> closed, LocalDate start, LocalDate end) {
        Map<String, BigDecimal> won = new HashMap<>();
        for (Deal d : closed) {
            if (d.won() && !d.closed().isBefore(start) && !d.closed().isAfter(end)) {
                won.merge(d.ownerId(), d.amount(), BigDecimal::add);
            }
        }
        return won;
    }
}
