package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
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
    private final com.kam.pipeline.system.KamProperties properties;

    ForecastAccuracy(JdbcTemplate jdbc, AsOfDataReader reader, com.kam.pipeline.system.KamProperties properties) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.properties = properties;
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
        // in the company's zone, as the run's generated_at (finance sets the two side by side)
        Timestamp computed = Timestamp.valueOf(properties.now());
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

    /** A measured period. */
    private record Period(String periodType, LocalDate start) {

        LocalDate end() {
            return start.plusMonths("QUARTER".equals(periodType) ? 3 : 1).minusDays(1);
        }
    }

    /**
     * Scores again every stored row whose actual the data now put differently: all its methods and runs, against the
     * new actual (the forecasts stay as they were made); logs each period's company actual that changed. Only periods
     * the data cover to their end, and only rows measured from the same snapshot or an earlier one: a night rerun
     * for a past date never scores them back against what it knew then. A year of nights stores a period's rows
     * many times over, so each period is first checked by one grouped query on the actuals that do not depend on
     * an as-of date's organisation, the company's and each rep's (what the rep owned); only a period whose actual
     * changed is read row by row, with the organisation of each of its as-of dates.
     */
    private void rescore(Actuals actuals, String runKind, LocalDate covered, Date actualSnapshot, Timestamp computed) {
        List<Period> periods = new ArrayList<>();
        jdbc.query("SELECT a.period_type, a.period_start FROM forecast_accuracy a JOIN forecast_run r ON r.run_id = a.run_id"
                + " WHERE r.run_kind = ? AND a.period_start <= ? AND a.actual_snapshot_date <= ? GROUP BY a.period_type,"
                + " a.period_start", rs -> {
            Period p = new Period(rs.getString(1), rs.getObject(2, LocalDate.class));
            if (!p.end().isAfter(covered)) {
                periods.add(p);
            }
        }, runKind, Date.valueOf(covered), actualSnapshot);
        Map<String, String> companyChanges = new LinkedHashMap<>();
        int changedPeriods = 0;
        int rescored = 0;
        for (Period p : periods) {
            String companyChange = changed(actuals, runKind, p, actualSnapshot);
            if (companyChange == null) {
                continue;
            }
            changedPeriods++;
            if (!companyChange.isEmpty()) {
                companyChanges.put(p.periodType() + " " + p.start(), companyChange);
            }
            rescored += rescore(actuals, runKind, p, actualSnapshot, computed);
        }
        if (rescored > 0) {
            log.info("forecast accuracy ({}): the actual of {} period(s) changed since measured{}; {} stored row(s) scored"
                    + " again against the new actual", runKind, changedPeriods,
                    companyChanges.isEmpty() ? "" : " (company: " + companyChanges + ")", rescored);
        }
    }

    /**
     * Whether a period's actual changed since measured, by the company's and the reps' stored actuals against the
     * won per owner now: null when not, else the company's change ("was -> now", empty when only a rep's changed).
     */
    private String changed(Actuals actuals, String runKind, Period p, Date actualSnapshot) {
        Map<String, BigDecimal> owners = actuals.byOwner(p.start(), p.end());
        BigDecimal company = owners.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String[] change = {null};
        jdbc.query("SELECT a.entity_type, a.entity_id, MIN(a.actual), MAX(a.actual) FROM forecast_accuracy a JOIN forecast_run r"
                + " ON r.run_id = a.run_id WHERE r.run_kind = ? AND a.period_type = ? AND a.period_start = ?"
                + " AND a.actual_snapshot_date <= ? AND a.entity_type IN ('" + EntityKey.REP + "', '" + EntityKey.ALL.type() + "') GROUP BY a.entity_type,"
                + " a.entity_id", rs -> {
            boolean isCompany = EntityKey.ALL.type().equals(rs.getString(1));
            BigDecimal now = isCompany ? company : owners.getOrDefault(rs.getString(2), BigDecimal.ZERO);
            BigDecimal min = rs.getBigDecimal(3);
            BigDecimal max = rs.getBigDecimal(4);
            if (now.compareTo(min) != 0 || now.compareTo(max) != 0) {
                change[0] = !isCompany ? (change[0] == null ? "" : change[0]) : String.format(java.util.Locale.ROOT,
                        "%,.2f -> %,.2f", now.compareTo(min) != 0 ? min : max, now);
            }
        }, runKind, p.periodType(), Date.valueOf(p.start()), actualSnapshot);
        return change[0];
    }

    /** Scores a changed period's rows again, each against the actual with its as-of date's organisation; returns how many. */
    private int rescore(Actuals actuals, String runKind, Period p, Date actualSnapshot, Timestamp computed) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("SELECT a.run_id, a.horizon, a.entity_type, a.entity_id, a.method, a.forecast_p50, f.p10, f.p90,"
                + " a.as_of_date, a.actual FROM forecast_accuracy a JOIN forecast_run r ON r.run_id = a.run_id LEFT JOIN forecast f"
                + " ON f.run_id = a.run_id AND f.horizon = a.horizon AND f.entity_type = a.entity_type"
                + " AND f.entity_id = a.entity_id AND f.method = a.method WHERE r.run_kind = ? AND a.period_type = ?"
                + " AND a.period_start = ? AND a.actual_snapshot_date <= ?", rs -> {
            EntityKey e = new EntityKey(rs.getString(3), rs.getString(4));
            BigDecimal a = actuals.of(rs.getObject(9, LocalDate.class), p.start(), p.end()).getOrDefault(e, BigDecimal.ZERO);
            if (a.compareTo(rs.getBigDecimal(10)) != 0) {
                BigDecimal p50 = rs.getBigDecimal(6);
                rows.add(new Object[] {a, ape(p50, a), bias(p50, a), within(rs.getBigDecimal(7), rs.getBigDecimal(8), a),
                        actualSnapshot, computed, rs.getLong(1), rs.getString(2), e.type(), e.id(), rs.getString(5)});
            }
        }, runKind, p.periodType(), Date.valueOf(p.start()), actualSnapshot);
        jdbc.batchUpdate("UPDATE forecast_accuracy SET actual = ?, abs_pct_error = ?, bias = ?, within_p10_p90 = ?,"
                + " actual_snapshot_date = ?, computed_at = ? WHERE run_id = ? AND horizon = ? AND entity_type = ?"
                + " AND entity_id = ? AND method = ?", rows);
        return rows.size();
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

        /** Won per owner in the period, whatever the organisation. */
        Map<String, BigDecimal> byOwner(LocalDate start, LocalDate end) {
            return byOwner.computeIfAbsent(List.of(start, end), p -> wonByOwner(closed, start, end));
        }

        Map<EntityKey, BigDecimal> of(LocalDate asOf, LocalDate start, LocalDate end) {
            return byEntity.computeIfAbsent(List.of(asOf, start, end), k -> {
                Map<String, OrgEntry> org = orgs.computeIfAbsent(asOf, reader::org);
                Map<EntityKey, BigDecimal> won = new HashMap<>();
                byOwner(start, end).forEach((owner, amount) -> {
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
