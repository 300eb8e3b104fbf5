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
        String in = String.join(",", Collections.nCopies(classes.size(), "?"));
        jdbc.query("SELECT customer_id, name, customer_class, abc_class, owner_id FROM customer WHERE abc_class IN (" + in + ")"
                + " ORDER BY customer_id", rs -> {
                    Integer allowed = settings.maxDaysWithoutVisit().get(rs.getString("abc_class"));
                    if (allowed != null) {
                        customers.add(new Customer(rs.getString("customer_id"), rs.getString("name"),
                                rs.getString("customer_class"), rs.getString("abc_class"), rs.getString("owner_id"), allowed, null));
                    }
                }, classes.toArray());
        Map<String, LocalDate> lastVisits = lastVisits(jdbc, since, asOf);
        customers.replaceAll(c -> {
            LocalDate visit = lastVisits.get(c.id());
            return visit == null || visit.isBefore(since) ? c : new Customer(c.id(), c.name(), c.customerClass(), c.abcClass(),
                    c.owner(), c.allowedDays(), visit);
        });
        return new KeyCustomerVisits(asOf, lookback, customers, ownerTeams);
    }

    /**
     * Each customer's last visit in {@code since..asOf} (or a little before {@code since}): read
     * from the kept month sums, and from the lines of the days after those the as-of month's sums
     * cover (a month keeps its sums on its week's last night: see {@link PeriodRollup}); only from
     * the lines when the month sums hold days after the as-of date (a run for an earlier date).
     * The latest is taken here rather than grouped by the database, which sorts the month sums of
     * the lookback into a temporary table for it (a third of a night's abnormal-customer list at
     * 1,000 reps).
     */
    private static Map<String, LocalDate> lastVisits(JdbcTemplate jdbc, LocalDate since, LocalDate asOf) {
        LocalDate lastRepDay = RepDayFacts.lastDay(jdbc);
        Map<String, LocalDate> last = new HashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler latest = rs -> {
            LocalDate visit = rs.getObject(2, LocalDate.class);
            last.merge(rs.getString(1), visit, (a, b) -> a.isAfter(b) ? a : b);
        };
        LocalDate linesFrom = since;
        if (lastRepDay == null || !lastRepDay.isAfter(asOf)) {
            jdbc.query("SELECT customer_id, last_visit FROM rollup_visit_sum WHERE period_type = 'MONTH' AND ps BETWEEN ? AND ?",
                    latest, Date.valueOf(since.withDayOfMonth(1)), Date.valueOf(asOf));
            LocalDate kept = PeriodRollup.monthSumsKeptThrough(jdbc, asOf.withDayOfMonth(1));
            linesFrom = kept == null ? asOf.withDayOfMonth(1) : kept.plusDays(1);
        }
        if (!linesFrom.isAfter(asOf)) {
            jdbc.query("SELECT l.customer_id, l.report_date FROM report_line l JOIN rollup_rep_day f"
                    + " ON f.work_date = l.report_date AND f.rep_id = l.rep_id WHERE l.customer_id IS NOT NULL"
                    + " AND l.report_date BETWEEN ? AND ?", latest, Date.valueOf(linesFrom), Date.valueOf(asOf));
        }
        return last;
    }
}
