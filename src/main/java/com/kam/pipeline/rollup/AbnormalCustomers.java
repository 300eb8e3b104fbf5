package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key customers the weekly report lists as abnormal, as of the business date: not visited
 * for longer than their A/B/C class allows, or ordering far less in the last 4 weeks than on
 * average in the 12 weeks before while having ordered in enough of those weeks' three 4-week
 * blocks to count as a regular buyer. Each is listed under the team of the customer's owner on that
 * date, or the team the owner was last in ({@link KeyCustomerVisits#teamOf}). The list of a week
 * is kept as it stood when that week was reported.
 */
class AbnormalCustomers {

    private static final int RECENT_DAYS = 28;
    private static final int BASELINE_DAYS = 84;

    private final JdbcTemplate jdbc;

    AbnormalCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites the list of the week holding the key customers' as-of date; returns the customers listed. */
    int write(KeyCustomerVisits keyCustomers, RollupSettings settings) {
        LocalDate asOf = keyCustomers.asOf();
        LocalDate week = CalendarTable.weekStart(asOf, settings);
        jdbc.update("DELETE FROM abnormal_customer WHERE week_start = ?", Date.valueOf(week));
        List<String> classes = new ArrayList<>(settings.abnormalClasses());
        if (classes.isEmpty()) {
            return 0;
        }
        String in = String.join(",", Collections.nCopies(classes.size(), "?"));
        List<Object[]> rows = new ArrayList<>();
        for (KeyCustomerVisits.Customer c : keyCustomers.customers()) {
            if (c.overdueOn(asOf)) {
                Integer days = c.daysSince(asOf);
                String allows = " (class " + c.abcClass() + " allows " + c.allowedDays() + ")";
                String reason = days == null ? "not visited in the last " + keyCustomers.lookback() + " days" + allows
                        : "not visited for " + days + " days" + allows;
                rows.add(new Object[] {Date.valueOf(week), c.id(), "NOT_VISITED", c.name(), c.customerClass(), c.abcClass(),
                        c.owner(), keyCustomers.teamOf(c.owner()), c.lastVisit() == null ? null : Date.valueOf(c.lastVisit()), days,
                        c.allowedDays(), null, null, reason});
            }
        }

        LocalDate recentFrom = asOf.minusDays(RECENT_DAYS - 1);
        LocalDate baselineFrom = recentFrom.minusDays(BASELINE_DAYS);
        Date firstData = jdbc.queryForObject("SELECT MIN(report_date) FROM report_line", Date.class);
        if (firstData != null && !firstData.toLocalDate().isAfter(baselineFrom)) {
            // the 12 weeks before are three 4-week blocks; a regular buyer ordered in enough of them
            LocalDate secondBlock = baselineFrom.plusDays(RECENT_DAYS);
            LocalDate thirdBlock = secondBlock.plusDays(RECENT_DAYS);
            List<Object> orderArgs = new ArrayList<>(List.of(Date.valueOf(recentFrom), Date.valueOf(recentFrom),
                    Date.valueOf(secondBlock), Date.valueOf(secondBlock), Date.valueOf(thirdBlock),
                    Date.valueOf(thirdBlock), Date.valueOf(recentFrom), Date.valueOf(baselineFrom), Date.valueOf(asOf)));
            orderArgs.addAll(classes);
            BigDecimal periods = BigDecimal.valueOf(BASELINE_DAYS / RECENT_DAYS);
            jdbc.query("SELECT cu.customer_id, cu.name, cu.customer_class, cu.abc_class, cu.owner_id, o.recent, o.earlier,"
                    + " o.first_block + o.second_block + o.third_block AS active_blocks"
                    + " FROM (SELECT customer_id, SUM(CASE WHEN order_date >= ? THEN orders_amount ELSE 0 END) AS recent,"
                    + " SUM(CASE WHEN order_date < ? THEN orders_amount ELSE 0 END) AS earlier,"
                    + " MAX(CASE WHEN order_date < ? THEN 1 ELSE 0 END) AS first_block,"
                    + " MAX(CASE WHEN order_date >= ? AND order_date < ? THEN 1 ELSE 0 END) AS second_block,"
                    + " MAX(CASE WHEN order_date >= ? AND order_date < ? THEN 1 ELSE 0 END) AS third_block"
                    + " FROM customer_order_day WHERE order_date BETWEEN ? AND ? GROUP BY customer_id) o"
                    + " JOIN customer cu ON cu.customer_id = o.customer_id WHERE cu.abc_class IN (" + in + ")"
                    + " ORDER BY cu.customer_id", rs -> {
                        BigDecimal baseline = Ratio.of(rs.getBigDecimal("earlier"), periods, Ratio.MONEY_SCALE);
                        BigDecimal recent = rs.getBigDecimal("recent");
                        if (baseline.signum() > 0 && rs.getInt("active_blocks") >= settings.ordersDownActiveBlocks()
                                && recent.compareTo(baseline.multiply(settings.ordersDownShare())) < 0) {
                            String owner = rs.getString("owner_id");
                            rows.add(new Object[] {Date.valueOf(week), rs.getString("customer_id"), "ORDERS_DOWN", rs.getString("name"),
                                    rs.getString("customer_class"), rs.getString("abc_class"), owner, keyCustomers.teamOf(owner), null, null,
                                    null, recent, baseline, "orders of the last 4 weeks " + recent.toPlainString()
                                    + " against an average of " + baseline.toPlainString() + " per 4 weeks before"});
                        }
                    }, orderArgs.toArray());
        }
        jdbc.batchUpdate("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class,"
                + " abc_class, rep_id, team_code, last_visit, days_since, allowed_days, actual, baseline, reason)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        return rows.size();
    }
}
