package com.kam.pipeline.report;

import com.kam.pipeline.rollup.Ratio;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Month-to-date figures of a past day, for a digest drawn after later nights: the rollup stores
 * them only as of its last date, but keeps every rep-day (rollup_rep_day). Summed here by the
 * rollup's own rule (PeriodFigures): money summed, the target the sum of the day shares rounded
 * once, empty when no rep-day had a target, attainment by {@link Ratio}: what
 * {@code kam rollup --date D} would store as MTD.
 */
final class MonthToDate {

    private static final String SUMS = "SUM(orders_amount) AS orders, SUM(collections) AS collections,"
            + " SUM(sales_target_share) AS target_share, SUM(has_target) AS has_target";

    private MonthToDate() {
    }

    /** The team's month to the day, as the MTD columns the digest's header reads; empty without rep-days. */
    static List<Map<String, ?>> team(JdbcTemplate jdbc, String team, LocalDate day) {
        List<Map<String, ?>> sums = Rows.query(jdbc, "SELECT " + SUMS + " FROM rollup_rep_day"
                + " WHERE team_code = ? AND work_date BETWEEN ? AND ?", team, day.withDayOfMonth(1), day);
        if (sums.isEmpty() || sums.get(0).get("orders") == null) {
            return List.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, ?> s = sums.get(0);
        BigDecimal target = target(s);
        out.put("orders_amount", s.get("orders"));
        out.put("sales_target", target);
        out.put("sales_attainment", Ratio.rate((BigDecimal) s.get("orders"), target));
        out.put("collections", s.get("collections"));
        return List.of(out);
    }

    /** The team's reps of the day (their DAY rows) with each one's month to the day, as the digest's rep table reads. */
    static List<Map<String, ?>> reps(JdbcTemplate jdbc, String team, LocalDate day) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Map<String, ?> r : Rows.query(jdbc, "SELECT d.entity_id AS rep_id, d.entity_name AS rep_name,"
                + " d.orders_amount AS day_orders, d.visits AS day_visits, d.effective_visits AS day_effective,"
                + " d.collections AS day_collections, s.orders, s.collections, s.target_share, s.has_target"
                + " FROM rollup d LEFT JOIN (SELECT rep_id, " + SUMS + " FROM rollup_rep_day WHERE work_date BETWEEN ? AND ?"
                + "   GROUP BY rep_id) s ON s.rep_id = d.entity_id"
                + " WHERE d.period_type = 'DAY' AND d.period_start = ? AND d.period_end = ? AND d.entity_type = 'REP'"
                + "   AND d.team_code = ? ORDER BY d.entity_name, d.entity_id", day.withDayOfMonth(1), day, day, day, team)) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            BigDecimal target = target(r);
            row.put("mtd_orders", r.get("orders"));
            row.put("mtd_target", target);
            row.put("mtd_attainment", Ratio.rate((BigDecimal) r.get("orders"), target));
            row.put("mtd_collections", r.get("collections"));
            rows.add(row);
        }
        return rows;
    }

    private static BigDecimal target(Map<String, ?> sums) {
        BigDecimal has = (BigDecimal) sums.get("has_target");
        return has == null || has.signum() == 0 ? null : Ratio.money((BigDecimal) sums.get("target_share"));
    }
}
