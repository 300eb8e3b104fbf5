package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BulkInsert;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        if (settings.abnormalClasses().isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        for (KeyCustomerVisits.Customer c : keyCustomers.customers()) {
            if (c.overdueOn(asOf)) {
                Integer days = c.daysSince(asOf);
                String allows = " (class " + c.abcClass() + " allows " + c.allowedDays() + ")";
                String reason = days == null ? "not visited in the last " + keyCustomers.lookback() + " days" + allows
                        : "not visited for " + days + " days" + allows;
                rows.add(new Object[] {week, c.id(), "NOT_VISITED", c.name(), c.customerClass(), c.abcClass(),
                        c.owner(), keyCustomers.teamOf(c.owner()), c.lastVisit(), days,
                        c.allowedDays(), null, null, reason});
            }
        }

        LocalDate recentFrom = asOf.minusDays(RECENT_DAYS - 1);
        LocalDate baselineFrom = recentFrom.minusDays(BASELINE_DAYS);
        Date firstData = jdbc.queryForObject("SELECT MIN(report_date) FROM report_line", Date.class);
        if (firstData != null && !firstData.toLocalDate().isAfter(baselineFrom)) {
            BigDecimal periods = BigDecimal.valueOf(BASELINE_DAYS / RECENT_DAYS);
            Map<String, Orders> orders = ordersByCustomer(recentFrom, baselineFrom, asOf);
            // the key customers are those of the classes (each has its days without a visit: RollupSettings)
            for (KeyCustomerVisits.Customer c : keyCustomers.customers()) {
                Orders o = orders.get(c.id());
                if (o == null) {
                    continue;
                }
                BigDecimal baseline = Ratio.of(o.earlier, periods, Ratio.MONEY_SCALE);
                if (baseline.signum() > 0 && o.activeBlocks() >= settings.ordersDownActiveBlocks()
                        && o.recent.compareTo(baseline.multiply(settings.ordersDownShare())) < 0) {
                    rows.add(new Object[] {week, c.id(), "ORDERS_DOWN", c.name(), c.customerClass(), c.abcClass(),
                            c.owner(), keyCustomers.teamOf(c.owner()), null, null, null, o.recent, baseline,
                            "orders of the last 4 weeks " + o.recent.toPlainString() + " against an average of "
                                    + baseline.toPlainString() + " per 4 weeks before"});
                }
            }
        }
        BulkInsert.insert(jdbc, "abnormal_customer", List.of("week_start", "customer_id", "reason_code", "customer_name",
                "customer_class", "abc_class", "rep_id", "team_code", "last_visit", "days_since", "allowed_days", "actual",
                "baseline", "reason"), rows, row -> row);
        return rows.size();
    }

    /** A customer's orders of the last 4 weeks and of the 12 before, and in which of those weeks' three 4-week blocks. */
    private static final class Orders {
        /** Money's scale, as the sums the database gave. */
        private static final BigDecimal NONE = BigDecimal.ZERO.setScale(Ratio.MONEY_SCALE);

        BigDecimal recent = NONE;
        BigDecimal earlier = NONE;
        final boolean[] blocks = new boolean[BASELINE_DAYS / RECENT_DAYS];

        int activeBlocks() {
            int active = 0;
            for (boolean block : blocks) {
                active += block ? 1 : 0;
            }
            return active;
        }
    }

    /**
     * Each customer's orders of {@code baselineFrom..asOf}, summed here from the order days read by
     * date (from the date index alone, V31): the database grouped them by customer by reading the
     * whole table in customer order, the largest part of this list's time.
     */
    private Map<String, Orders> ordersByCustomer(LocalDate recentFrom, LocalDate baselineFrom, LocalDate asOf) {
        Map<String, Orders> orders = new HashMap<>();
        jdbc.query("SELECT customer_id, order_date, orders_amount FROM customer_order_day WHERE order_date BETWEEN ? AND ?", rs -> {
            Orders o = orders.computeIfAbsent(rs.getString(1), c -> new Orders());
            LocalDate day = rs.getObject(2, LocalDate.class);
            BigDecimal amount = rs.getBigDecimal(3);
            if (day.isBefore(recentFrom)) {
                o.earlier = o.earlier.add(amount);
                o.blocks[(int) (ChronoUnit.DAYS.between(baselineFrom, day) / RECENT_DAYS)] = true;
            } else {
                o.recent = o.recent.add(amount);
            }
        }, Date.valueOf(baselineFrom), Date.valueOf(asOf));
        return orders;
    }
}
