package com.kam.pipeline.rollup;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key customers (the A/B/C classes the abnormal-customer settings name) with the days their
 * class allows between visits and their last visit as of a date, looked for over the longest
 * of those spans and a day. A visit is a visit line of a rep on a day the rep was assigned, as in
 * every figure. The weekly list of customers not visited for too long and next week's customers
 * to visit both read it, and file each customer under its owner's team ({@link #teamOf}).
 */
record KeyCustomerVisits(LocalDate asOf, int lookback, List<Customer> customers, Map<String, String> ownerTeams) {

    /**
     * The team of the employee's latest assignment started by the as-of date: an owner who has
     * left keeps the team last worked in, so that the customers left behind (until the customer
     * data names a new owner) still show in that team's report. Null for an unknown employee.
     */
    String teamOf(String owner) {
        return ownerTeams.get(owner);
    }

    /** A key customer; {@code lastVisit} null when none in the lookback. */
    record Customer(String id, String name, String customerClass, String abcClass, String owner, int allowedDays,
                    LocalDate lastVisit) {

        /** Days from the last visit to {@code day}; null without a visit. */
        Integer daysSince(LocalDate day) {
            return lastVisit == null ? null : (int) ChronoUnit.DAYS.between(lastVisit, day);
        }

        /** Whether, without a visit before {@code day}, the customer has gone longer than its class allows by then. */
        boolean overdueOn(LocalDate day) {
            Integer days = daysSince(day);
            return days == null || days > allowedDays;
        }
    }

    static KeyCustomerVisits read(JdbcTemplate jdbc, LocalDate asOf, RollupSettings settings) {
        List<String> classes = new ArrayList<>(settings.abnormalClasses());
        int lookback = settings.maxDaysWithoutVisit().values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<Customer> customers = new ArrayList<>();
        Map<String, String> ownerTeams = new HashMap<>();
        if (classes.isEmpty()) {
            return new KeyCustomerVisits(asOf, lookback, customers, ownerTeams);
        }
        jdbc.query("SELECT employee_id, team_code FROM org_assignment WHERE valid_from <= ? ORDER BY employee_id, valid_from",
                rs -> {
                    ownerTeams.put(rs.getString(1), rs.getString(2));
                }, Date.valueOf(asOf));
        LocalDate since = asOf.minusDays(lookback);
        LocalDate lastRepDay = jdbc.queryForObject("SELECT MAX(work_date) FROM rollup_rep_day", LocalDate.class);
        // each customer's last visit is read from the kept month sums, unless those hold days after
        // the as-of date (a run for an earlier date): then from the lines
        boolean laterDays = lastRepDay != null && lastRepDay.isAfter(asOf);
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(laterDays ? since : since.withDayOfMonth(1)),
                Date.valueOf(asOf)));
        args.addAll(classes);
        String lastVisits = laterDays
                ? "SELECT l.customer_id, MAX(l.report_date) AS last_visit FROM report_line l JOIN rollup_rep_day f"
                + " ON f.work_date = l.report_date AND f.rep_id = l.rep_id WHERE l.customer_id IS NOT NULL"
                + " AND l.report_date BETWEEN ? AND ? GROUP BY l.customer_id"
                : "SELECT customer_id, MAX(last_visit) AS last_visit FROM rollup_visit_sum WHERE period_type = 'MONTH'"
                + " AND ps BETWEEN ? AND ? GROUP BY customer_id";
        String in = String.join(",", Collections.nCopies(classes.size(), "?"));
        jdbc.query("SELECT cu.customer_id, cu.name, cu.customer_class, cu.abc_class, cu.owner_id, lv.last_visit FROM customer cu"
                + " LEFT JOIN (" + lastVisits + ") lv ON lv.customer_id = cu.customer_id"
                + " WHERE cu.abc_class IN (" + in + ") ORDER BY cu.customer_id", rs -> {
                    Integer allowed = settings.maxDaysWithoutVisit().get(rs.getString("abc_class"));
                    if (allowed == null) {
                        return;
                    }
                    Date visit = rs.getDate("last_visit");
                    LocalDate last = visit == null || visit.toLocalDate().isBefore(since) ? null : visit.toLocalDate();
                    customers.add(new Customer(rs.getString("customer_id"), rs.getString("name"), rs.getString("customer_class"),
                            rs.getString("abc_class"), rs.getString("owner_id"), allowed, last));
                }, args.toArray());
        return new KeyCustomerVisits(asOf, lookback, customers, ownerTeams);
    }
}
