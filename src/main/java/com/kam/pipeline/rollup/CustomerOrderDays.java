package com.kam.pipeline.rollup;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code customer_order_day}, the days on which each customer ordered and how much. "New customer" is
 * defined once, here: a customer is new on a day it orders when it has no order day in the 12
 * months before ({@code calendar_day.year_ago} up to the day before). The order is credited to
 * the rep who took it (the smallest rep id when several did that day).
 */
class CustomerOrderDays {

    /**
     * The new-customer order days in a date range that count: customer_id, order_date, rep_id,
     * where the rep who took the order was assigned as a rep that day (as a rep-day is; see
     * {@link RepAssignment}). Two parameters: from, to.
     */
    private static final String NEW_CUSTOMER_DAYS = "SELECT cod.customer_id, cod.order_date, cod.rep_id FROM customer_order_day cod"
            + " JOIN calendar_day cy ON cy.cal_date = cod.order_date WHERE cod.order_date BETWEEN ? AND ?"
            + " AND NOT EXISTS (SELECT 1 FROM customer_order_day e WHERE e.customer_id = cod.customer_id"
            + " AND e.order_date >= cy.year_ago AND e.order_date < cod.order_date)"
            + " AND EXISTS (SELECT 1 FROM org_assignment a WHERE a.employee_id = cod.rep_id AND a.role = 'REP'"
            + " AND a.valid_from <= cod.order_date AND (a.valid_to IS NULL OR a.valid_to >= cod.order_date))";

    private static final int IN_LIST = 500;

    private record OrderDay(String customer, LocalDate date) {
    }

    /** A new customer's order day, with the rep credited. */
    private record NewCustomerDay(String customer, LocalDate date, String rep) {
        static NewCustomerDay of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new NewCustomerDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3));
        }
    }

    private final JdbcTemplate jdbc;

    CustomerOrderDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rewrites {@code customer_new_day} for {@code from..to} from the order days (which must be
     * current up to {@code to}): the new customers that count, those a rep assigned that day took.
     */
    void markNewCustomers(LocalDate from, LocalDate to) {
        jdbc.update("DELETE FROM customer_new_day WHERE order_date BETWEEN ? AND ?", Date.valueOf(from), Date.valueOf(to));
        jdbc.update("INSERT INTO customer_new_day (customer_id, order_date, rep_id) " + NEW_CUSTOMER_DAYS,
                Date.valueOf(from), Date.valueOf(to));
    }

    /**
     * Rewrites the order days of {@code from..to} from the report lines, and returns the later
     * dates whose new customers changed with them: for the customers that gained or lost an order
     * day in the range (an amount changed makes no customer new or not), their new-customer days of
     * the following 12 months as they are now against those stored.
     */
    Set<LocalDate> refresh(LocalDate from, LocalDate to, boolean findLaterDates) {
        // (a night's new day has no order day after it: nothing later to look for)
        boolean lookLater = findLaterDates && jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM customer_order_day"
                + " WHERE order_date > ? LIMIT 1) x", Integer.class, Date.valueOf(to)) > 0;
        Set<OrderDay> daysBefore = lookLater ? orderDays(from, to) : Set.of();
        jdbc.update("DELETE FROM customer_order_day WHERE order_date BETWEEN ? AND ?", Date.valueOf(from), Date.valueOf(to));
        jdbc.update("INSERT INTO customer_order_day (customer_id, order_date, rep_id, orders_amount) SELECT customer_id,"
                + " report_date, MIN(rep_id), SUM(order_amount) FROM report_line WHERE report_date BETWEEN ? AND ?"
                + " AND customer_id IS NOT NULL AND order_amount > 0 GROUP BY customer_id, report_date",
                Date.valueOf(from), Date.valueOf(to));
        Set<LocalDate> later = new TreeSet<>();
        if (!lookLater) {
            return later;
        }
        Set<OrderDay> daysAfter = orderDays(from, to);
        Set<String> customers = new TreeSet<>();
        daysBefore.stream().filter(day -> !daysAfter.contains(day)).forEach(day -> customers.add(day.customer()));
        daysAfter.stream().filter(day -> !daysBefore.contains(day)).forEach(day -> customers.add(day.customer()));
        List<String> all = new ArrayList<>(customers);
        Date firstLater = Date.valueOf(to.plusDays(1));
        // (and a day more: the year before a leap day starts on the 28th of February)
        Date yearOn = Date.valueOf(to.plusMonths(12).plusDays(1));
        for (int i = 0; i < all.size(); i += IN_LIST) {
            List<String> part = all.subList(i, Math.min(all.size(), i + IN_LIST));
            String in = " IN (" + String.join(",", part.stream().map(c -> "?").toList()) + ")";
            List<Object> args = new ArrayList<>(List.of(firstLater, yearOn));
            args.addAll(part);
            Set<NewCustomerDay> now = new java.util.HashSet<>(jdbc.query(NEW_CUSTOMER_DAYS + " AND cod.customer_id" + in,
                    NewCustomerDay::of, args.toArray()));
            Set<NewCustomerDay> stored = new java.util.HashSet<>(jdbc.query("SELECT customer_id, order_date, rep_id FROM"
                    + " customer_new_day WHERE order_date BETWEEN ? AND ? AND customer_id" + in, NewCustomerDay::of, args.toArray()));
            now.stream().filter(day -> !stored.contains(day)).forEach(day -> later.add(day.date()));
            stored.stream().filter(day -> !now.contains(day)).forEach(day -> later.add(day.date()));
        }
        return later;
    }

    private Set<OrderDay> orderDays(LocalDate from, LocalDate to) {
        Set<OrderDay> days = new java.util.HashSet<>();
        jdbc.query("SELECT customer_id, order_date FROM customer_order_day WHERE order_date BETWEEN ? AND ?", rs -> {
            days.add(new OrderDay(rs.getString(1), rs.getObject(2, LocalDate.class)));
        }, Date.valueOf(from), Date.valueOf(to));
        return days;
    }
}
