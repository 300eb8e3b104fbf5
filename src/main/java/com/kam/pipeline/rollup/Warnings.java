package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Early warnings for the reports: a team's or region's week whose orders, visits or expenses
 * depart strongly from the mean of its own previous weeks, and a month whose expenses exceed
 * the budget (a configured share of the month's sales target).
 */
class Warnings {

    /** The weekly measures watched: name in jobs/rollup.yml, rollup column. */
    private static final Map<String, String> WEEKLY_MEASURES = Map.of("orders", "orders_amount", "visits", "visits",
            "expenses", "expenses");

    private final JdbcTemplate jdbc;

    Warnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites the week warnings of the weeks starting in {@code from..to}; returns how many were raised. */
    int writeWeeks(LocalDate from, LocalDate to, RollupSettings settings) {
        jdbc.update("DELETE FROM rollup_warning WHERE period_type = 'WEEK' AND period_start BETWEEN ? AND ?",
                Date.valueOf(from), Date.valueOf(to));
        Map<String, Map<LocalDate, Map<String, Object>>> weeks = new HashMap<>();
        // week by week, naming the whole key up to the entity type: a range over the starts alone would
        // read every rep's and customer class's row of those weeks to find the teams and regions
        for (LocalDate week = from.minusWeeks(settings.historyWeeks()); !week.isAfter(to); week = week.plusWeeks(1)) {
            jdbc.queryForList("SELECT entity_type, entity_id, period_start, orders_amount, visits, expenses FROM " + PeriodRollup.TABLE
                            + " WHERE period_type = 'WEEK' AND period_start = ? AND period_end = ? AND entity_type IN ('TEAM', 'REGION')",
                    Date.valueOf(week), Date.valueOf(PeriodType.WEEK.endOf(week))).forEach(r ->
                    weeks.computeIfAbsent(r.get("entity_type") + "|" + r.get("entity_id"), k -> new HashMap<>())
                            .put(((Date) r.get("period_start")).toLocalDate(), r));
        }
        List<Object[]> raised = new ArrayList<>();
        weeks.forEach((entity, byWeek) -> byWeek.forEach((week, row) -> {
            if (week.isBefore(from)) {
                return;
            }
            for (Map.Entry<String, BigDecimal> watched : settings.departureShare().entrySet()) {
                String measure = WEEKLY_MEASURES.get(watched.getKey());
                List<BigDecimal> history = new ArrayList<>();
                for (int i = 1; i <= settings.historyWeeks(); i++) {
                    Map<String, Object> earlier = byWeek.get(week.minusWeeks(i));
                    if (earlier != null) {
                        history.add(new BigDecimal(earlier.get(measure).toString()));
                    }
                }
                if (history.size() < settings.minHistoryWeeks()) {
                    continue;
                }
                BigDecimal mean = Ratio.money(history.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(history.size()), 6, Ratio.ROUNDING));
                BigDecimal actual = new BigDecimal(row.get(measure).toString());
                BigDecimal departure = Ratio.change(actual, mean);
                if (departure != null && departure.abs().compareTo(watched.getValue()) > 0) {
                    String[] key = entity.split("\\|");
                    raised.add(new Object[] {"WEEK", Date.valueOf(week), key[0], key[1], measure, actual, mean,
                            String.format("%s %s %s%% against the mean of the previous %d weeks", watched.getKey(),
                                    departure.signum() > 0 ? "up" : "down",
                                    departure.abs().movePointRight(2).stripTrailingZeros().toPlainString(), history.size())});
                }
            }
        }));
        insert(raised);
        return raised.size();
    }

    /** Rewrites the expense-budget warnings of the months starting in {@code from..to}. */
    int writeMonths(LocalDate from, LocalDate to, RollupSettings settings) {
        jdbc.update("DELETE FROM rollup_warning WHERE period_type = 'MONTH' AND period_start BETWEEN ? AND ?",
                Date.valueOf(from), Date.valueOf(to));
        List<Object[]> raised = new ArrayList<>();
        jdbc.queryForList("SELECT entity_type, entity_id, period_start, expenses, sales_target FROM " + PeriodRollup.TABLE
                        + " WHERE period_type = 'MONTH' AND entity_type IN ('REP', 'TEAM', 'REGION') AND period_start BETWEEN ? AND ?"
                        + " AND sales_target IS NOT NULL", Date.valueOf(from), Date.valueOf(to)).forEach(r -> {
            BigDecimal budget = Ratio.money(((BigDecimal) r.get("sales_target")).multiply(settings.expenseBudgetShare()));
            BigDecimal expenses = (BigDecimal) r.get("expenses");
            // a zero target sets no budget, as it sets no attainment: a rep without one, or a month's
            // days so far before its first working day, have nothing to be over
            if (budget.signum() > 0 && expenses.compareTo(budget) > 0) {
                raised.add(new Object[] {"MONTH", r.get("period_start"), r.get("entity_type"), r.get("entity_id"), "expenses",
                        expenses, budget, "expenses over budget (" + settings.expenseBudgetShare().movePointRight(2)
                        .stripTrailingZeros().toPlainString() + "% of the sales target)"});
            }
        });
        insert(raised);
        return raised.size();
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO rollup_warning (period_type, period_start, entity_type, entity_id, measure, actual,"
                + " baseline, reason) VALUES (?,?,?,?,?,?,?,?)", rows);
    }
}
