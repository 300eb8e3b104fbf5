package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@link AsOfData} for a date. Every query is bounded by the as-of date (snapshot_date,
 * changed_on, closed_date, valid_from), which is what keeps a forecast free of look-ahead; the
 * deals (closed ones, stage history) by the date of the snapshot used, {@link AsOfData#knownOn}.
 */
@Component
class AsOfDataReader {

    private static final String COLUMNS = "s.opportunity_id, s.name, s.customer_id, s.owner_id, s.product_line, s.amount,"
            + " s.stage, s.expected_close_date, s.created_date, s.closed_date, s.forecast_category";

    /** opportunity_stage_change.origin of a row from the source's own stage-change log (the others: SNAPSHOT). */
    private static final String LOG = "LOG";

    private final JdbcTemplate jdbc;

    AsOfDataReader(javax.sql.DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000); // stream the large reads rather than hold whole result sets
    }

    AsOfData read(LocalDate asOf) {
        Date day = Date.valueOf(asOf);
        LocalDate snapshot = jdbc.queryForObject(
                "SELECT MAX(snapshot_date) FROM opportunity_snapshot WHERE snapshot_date <= ?", LocalDate.class, day);
        // the deals as the snapshot knows them: a stage change or close logged after it is not in its pipeline
        Date known = snapshot == null ? day : Date.valueOf(snapshot);
        Map<String, OrgEntry> org = org(asOf);
        Map<String, StageDates> history = stageHistory(known);
        List<Deal> open = new ArrayList<>();
        Map<String, Integer> openIndex = new HashMap<>();
        if (snapshot != null) {
            jdbc.query("SELECT " + COLUMNS + " FROM opportunity_snapshot s WHERE s.snapshot_date = ?"
                    + " AND s.stage NOT IN ('WON', 'LOST')", rs -> {
                if (!openIndex.containsKey(rs.getString(1))) {
                    openIndex.put(rs.getString(1), open.size());
                    open.add(deal(rs, org, history.get(rs.getString(1)), null, 0));
                }
            }, Date.valueOf(snapshot));
            addPushes(open, openIndex, known);
        }
        // each deal closed by the snapshot's date, as its latest snapshot row up to then shows it (its latest version:
        // ingest/OpportunityVersions, the snapshot rows in which it changed, hold the same). Streamed and
        // kept latest-first here: as a GROUP BY joined back to the table, MariaDB spilled to disk (50 s for 3M rows).
        Map<String, LocalDate> seen = new HashMap<>();
        Map<String, Deal> closedById = new HashMap<>();
        jdbc.query("SELECT " + COLUMNS + ", s.snapshot_date FROM opportunity_version s WHERE s.snapshot_date <= ?"
                + " AND s.stage IN ('WON', 'LOST') AND s.closed_date <= ?", rs -> {
            String id = rs.getString(1);
            LocalDate seenOn = rs.getObject(12, LocalDate.class);
            LocalDate earlier = seen.get(id);
            if (!openIndex.containsKey(id) && (earlier == null || seenOn.isAfter(earlier))) {
                seen.put(id, seenOn);
                closedById.put(id, deal(rs, org, history.get(id), null, 0));
            }
        }, known, known);
        List<Deal> closed = new ArrayList<>(closedById.values());
        closed.sort(java.util.Comparator.comparing(Deal::id));
        return new AsOfData(asOf, snapshot, open, closed, org, targets(asOf), joined(day));
    }

    /**
     * How often each open deal's expected close date moved: the distinct dates the snapshots up to
     * the as-of date showed for it (as its versions hold them), less one (as pushes: dates mostly
     * move later), and the earliest.
     */
    private void addPushes(List<Deal> open, Map<String, Integer> openIndex, Date day) {
        Map<String, Set<LocalDate>> dates = new HashMap<>();
        jdbc.query("SELECT opportunity_id, expected_close_date FROM opportunity_version WHERE snapshot_date <= ?"
                + " AND stage NOT IN ('WON', 'LOST') AND expected_close_date IS NOT NULL", rs -> {
            String id = rs.getString(1);
            if (openIndex.containsKey(id)) {
                dates.computeIfAbsent(id, k -> new HashSet<>(4)).add(rs.getObject(2, LocalDate.class));
            }
        }, day);
        dates.forEach((id, seen) -> {
            int i = openIndex.get(id);
            Deal d = open.get(i);
            open.set(i, new Deal(d.id(), d.name(), d.customerId(), d.ownerId(), d.teamCode(), d.regionCode(), d.productLine(),
                    d.amount(), d.stage(), d.expectedClose(), d.created(), d.closed(), d.forecastCategory(), d.entered(),
                    d.lastChange(), java.util.Collections.min(seen), seen.size() - 1));
        });
    }

    private static Deal deal(ResultSet rs, Map<String, OrgEntry> org, StageDates history, LocalDate firstClose, int pushes)
            throws SQLException {
        OrgEntry owner = org.get(rs.getString(4));
        return new Deal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                owner == null ? null : owner.teamCode(), owner == null ? null : owner.regionCode(),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
                history == null ? Map.of() : history.entered, history == null ? null : history.lastChange,
                firstClose, Math.max(0, pushes));
    }

    /**
     * When each deal last entered each stage, and its last stage change, up to the as-of date. Per stage the
     * stage-change log's date counts where the log has one (domain.md: the log where the source has one); a
     * snapshot's date is only when a later snapshot first showed the change, days or a week after it was made.
     */
    private Map<String, StageDates> stageHistory(Date day) {
        Map<String, Map<String, LocalDate>> fromLog = new HashMap<>();
        Map<String, Map<String, LocalDate>> fromSnapshots = new HashMap<>();
        jdbc.query("SELECT opportunity_id, to_stage, origin, MAX(changed_on) FROM opportunity_stage_change"
                + " WHERE changed_on <= ? GROUP BY opportunity_id, to_stage, origin", rs -> {
            Map<String, Map<String, LocalDate>> by = LOG.equals(rs.getString(3)) ? fromLog : fromSnapshots;
            by.computeIfAbsent(rs.getString(1), k -> new HashMap<>(8)).put(rs.getString(2), rs.getObject(4, LocalDate.class));
        }, day);
        Map<String, StageDates> result = new HashMap<>();
        fromLog.forEach((id, log) -> fromSnapshots.computeIfAbsent(id, k -> new HashMap<>(8)).putAll(log)); // the log wins
        fromSnapshots.forEach((id, toStage) -> {
            Map<Stage, LocalDate> entered = new EnumMap<>(Stage.class);
            LocalDate last = null;
            for (Map.Entry<String, LocalDate> e : toStage.entrySet()) {
                if (Stage.isOpen(e.getKey())) {
                    entered.put(Stage.of(e.getKey()), e.getValue());
                }
                last = last == null || e.getValue().isAfter(last) ? e.getValue() : last;
            }
            result.put(id, new StageDates(entered, last));
        });
        return result;
    }

    private record StageDates(Map<Stage, LocalDate> entered, LocalDate lastChange) {
    }

    /** Everyone's assignment valid on the day. */
    Map<String, OrgEntry> org(LocalDate date) {
        Date day = Date.valueOf(date);
        Map<String, OrgEntry> org = new HashMap<>();
        jdbc.query("SELECT employee_id, name, team_code, team_name, region_code, region_name FROM org_assignment"
                + " WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)", rs -> {
            org.put(rs.getString(1), new OrgEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6)));
        }, day, day);
        return org;
    }

    /** The first day of each person's first assignment up to the day: when they joined. */
    private Map<String, LocalDate> joined(Date day) {
        Map<String, LocalDate> joined = new HashMap<>();
        jdbc.query("SELECT employee_id, MIN(valid_from) FROM org_assignment WHERE valid_from <= ? GROUP BY employee_id",
                rs -> {
                    joined.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                }, day);
        return joined;
    }

    private Map<String, Map<LocalDate, BigDecimal>> targets(LocalDate asOf) {
        Map<String, Map<LocalDate, BigDecimal>> targets = new HashMap<>();
        LocalDate from = Horizon.quarterStart(asOf);
        jdbc.query("SELECT rep_id, month_start, sales_target FROM sales_target WHERE month_start >= ? AND month_start <= ?",
                rs -> {
                    targets.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
                }, Date.valueOf(from), Date.valueOf(from.plusMonths(6))); // to the next quarter, covered on a quarter's last day
        return targets;
    }
}
