package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Next week's targets and plan (下周目标与计划), the last item of the weekly report: for each rep,
 * and for each team over the reps it has on each day, in the week after the one that holds the
 * business date,
 * <ul>
 * <li>the target: the shares of the month targets of next week's working days, spread as the
 * rep-days spread them ({@link MonthTargets});</li>
 * <li>what is needed: what each month's target still lacks (the target less the orders or
 * collections up to the business date, never below zero), spread over the working days left in
 * that month after the business date, taken for next week's days;</li>
 * <li>the visits planned so far for next week, and how many customers they go to;</li>
 * <li>the key customers to visit next week: those that, without a visit before its last day, will
 * by then have gone longer than their class allows (the overdue ones too), for their owner (an
 * owner not assigned next week is listed with them alone, under the team last worked in).</li>
 * </ul>
 * Rewritten each night for the current week, so a week's rows stay as they were when it was
 * reported (on its last day).
 */
class NextWeekTargets {

    private final JdbcTemplate jdbc;

    NextWeekTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One rep's or team's figures for next week, summed at the share scale. */
    private static final class Plan {
        String team;
        int workingDays;
        boolean hasTarget;
        BigDecimal salesTarget = BigDecimal.ZERO;
        BigDecimal salesNeeded = BigDecimal.ZERO;
        BigDecimal collectionTarget = BigDecimal.ZERO;
        BigDecimal collectionNeeded = BigDecimal.ZERO;
        int visits;
        final Set<String> customers = new HashSet<>();
        int keyCustomersDue;

        void addDay(Month month, String rep) {
            if (!month.targets().has(rep)) {
                return;
            }
            hasTarget = true;
            salesTarget = salesTarget.add(month.targets().share(rep, MonthTargets.SALES, true));
            salesNeeded = salesNeeded.add(month.needed(rep, MonthTargets.SALES));
            collectionTarget = collectionTarget.add(month.targets().share(rep, MonthTargets.COLLECTIONS, true));
            collectionNeeded = collectionNeeded.add(month.needed(rep, MonthTargets.COLLECTIONS));
        }

        void addVisit(String customer) {
            visits++;
            customers.add(customer);
        }

        Object[] row(LocalDate week, String type, String id, String teamCode, Timestamp now) {
            return new Object[] {Date.valueOf(week), type, id, teamCode, Date.valueOf(week.plusDays(7)), workingDays,
                    money(salesTarget), money(salesNeeded), money(collectionTarget), money(collectionNeeded), visits,
                    customers.size(), keyCustomersDue, now};
        }

        private BigDecimal money(BigDecimal amount) {
            return hasTarget ? Ratio.money(amount) : null;
        }
    }

    /**
     * A month that next week's days fall in: its targets, and per rep what the target still lacks
     * on the business date and the working days left in the month after it.
     */
    private record Month(MonthTargets targets, Map<String, BigDecimal[]> done, Map<String, Integer> daysLeft) {

        static Month read(JdbcTemplate jdbc, LocalDate month, LocalDate asOf, List<RepAssignment> assignments,
                          RollupSettings settings) {
            MonthTargets targets = MonthTargets.read(jdbc, month, assignments, settings::workingDay);
            Map<String, BigDecimal[]> done = new HashMap<>();
            if (!month.isAfter(asOf)) {
                LocalDate monthEnd = month.withDayOfMonth(month.lengthOfMonth());
                jdbc.query("SELECT rep_id, SUM(orders_amount), SUM(collections) FROM rollup_rep_day"
                        + " WHERE work_date BETWEEN ? AND ? GROUP BY rep_id", rs -> {
                    BigDecimal[] amounts = new BigDecimal[PeriodFigures.TARGETS];
                    amounts[MonthTargets.SALES] = rs.getBigDecimal(2);
                    amounts[MonthTargets.COLLECTIONS] = rs.getBigDecimal(3);
                    done.put(rs.getString(1), amounts);
                }, Date.valueOf(month), Date.valueOf(monthEnd.isBefore(asOf) ? monthEnd : asOf));
            }
            LocalDate after = month.isAfter(asOf) ? month : asOf.plusDays(1);
            Map<String, Integer> daysLeft = RepAssignment.workingDays(assignments, after,
                    month.withDayOfMonth(month.lengthOfMonth()), settings::workingDay);
            return new Month(targets, done, daysLeft);
        }

        /** One working day's part of what the rep's target {@code i} still lacks. */
        BigDecimal needed(String rep, int i) {
            BigDecimal target = targets.target(rep, i);
            if (target == null) {
                return BigDecimal.ZERO;
            }
            BigDecimal[] amounts = done.get(rep);
            BigDecimal lacking = amounts == null || amounts[i] == null ? target : target.subtract(amounts[i]);
            return MonthTargets.spread(lacking.max(BigDecimal.ZERO), daysLeft.getOrDefault(rep, 0));
        }
    }

    /** Rewrites the rows of the week holding the key customers' as-of date; returns the rows written. */
    int write(KeyCustomerVisits keyCustomers, RollupSettings settings, Timestamp now) {
        LocalDate asOf = keyCustomers.asOf();
        LocalDate week = CalendarTable.weekStart(asOf, settings);
        LocalDate next = week.plusDays(7);
        jdbc.update("DELETE FROM next_week_target WHERE week_start = ?", Date.valueOf(week));
        List<RepAssignment> assignments = RepAssignment.all(jdbc);
        Map<String, Plan> reps = new TreeMap<>();
        Map<String, Plan> teams = new TreeMap<>();
        Map<LocalDate, Month> months = new HashMap<>();
        int workingDays = 0;
        for (LocalDate day = next; day.isBefore(next.plusDays(7)); day = day.plusDays(1)) {
            boolean working = settings.workingDay(day);
            workingDays += working ? 1 : 0;
            Month month = months.computeIfAbsent(day.withDayOfMonth(1), m -> Month.read(jdbc, m, asOf, assignments, settings));
            for (RepAssignment a : assignments) {
                if (a.covers(day)) {
                    Plan rep = reps.computeIfAbsent(a.rep(), r -> new Plan());
                    rep.team = a.team();
                    if (a.team() != null) {
                        teams.computeIfAbsent(a.team(), t -> new Plan());
                    }
                    if (working) {
                        rep.workingDays++;
                        rep.addDay(month, a.rep());
                        if (a.team() != null) {
                            teams.get(a.team()).addDay(month, a.rep());
                        }
                    }
                }
            }
        }
        // the plans filed so far, of reps on days they are assigned (as the rep-days count them)
        Map<String, List<RepAssignment>> byRep = assignments.stream()
                .collect(java.util.stream.Collectors.groupingBy(RepAssignment::rep));
        jdbc.query("SELECT plan_date, rep_id, customer_id FROM visit_plan WHERE plan_date BETWEEN ? AND ?", rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            String rep = rs.getString(2);
            for (RepAssignment a : byRep.getOrDefault(rep, List.of())) {
                if (a.covers(day)) {
                    reps.get(rep).addVisit(rs.getString(3));
                    if (a.team() != null) {
                        teams.get(a.team()).addVisit(rs.getString(3));
                    }
                }
            }
        }, Date.valueOf(next), Date.valueOf(next.plusDays(6)));
        // the key customers to visit next week: those that would have gone longer than their class
        // allows by its last day, counted for their owner and the owner's team; an owner not assigned
        // next week (one who has left, say) gets a row of their own, without days or targets, under
        // the team last worked in, so that the customers left behind are counted
        for (KeyCustomerVisits.Customer customer : keyCustomers.customers()) {
            if (!customer.overdueOn(next.plusDays(6))) {
                continue;
            }
            Plan rep = reps.get(customer.owner());
            if (rep == null) {
                String team = keyCustomers.teamOf(customer.owner());
                if (team == null) {
                    continue;
                }
                rep = new Plan();
                rep.team = team;
                reps.put(customer.owner(), rep);
            }
            rep.keyCustomersDue++;
            if (rep.team != null) {
                teams.computeIfAbsent(rep.team, t -> new Plan()).keyCustomersDue++;
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Plan> team : teams.entrySet()) {
            team.getValue().workingDays = workingDays;
            rows.add(team.getValue().row(week, "TEAM", team.getKey(), team.getKey(), now));
        }
        reps.forEach((rep, plan) -> rows.add(plan.row(week, "REP", rep, plan.team, now)));
        jdbc.batchUpdate("INSERT INTO next_week_target (week_start, entity_type, entity_id, team_code, next_week_start,"
                + " working_days, sales_target, sales_needed, collection_target, collection_needed, visits_planned,"
                + " customers_planned, key_customers_due, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        return rows.size();
    }
}
