package com.kam.pipeline.rollup;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshes the growth of periods that were not recomputed but follow a recomputed one (the week
 * after a corrected week, the same month next year), whose comparison base changed. Recomputed
 * periods get their growth when they are summed ({@link PeriodFigures}). The work table keeps the
 * SQL portable (MariaDB cannot update a table from a subquery on itself; H2 has no multi-table
 * UPDATE).
 */
class GrowthPass {

    private static final String KEY = "g.period_type = r.period_type AND g.period_start = r.period_start"
            + " AND g.period_end = r.period_end AND g.entity_type = r.entity_type AND g.entity_id = r.entity_id";

    private final JdbcTemplate jdbc;

    GrowthPass(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Recomputes the growth of the rows of {@code type} whose periods start in {@code from..to}. */
    void run(PeriodType type, LocalDate from, LocalDate to) {
        if (type.toDate() || type == PeriodType.DAY) {
            return;  // a day is not compared with the day before; the to-date kinds have no growth
        }
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(to);
        jdbc.update("DELETE FROM rollup_growth");
        jdbc.update("DELETE FROM rollup_growth_orders");
        // the periods compared with start at most a year and a period before the first one
        jdbc.update("INSERT INTO rollup_growth_orders (period_type, entity_type, entity_id, period_start, orders_amount)"
                + " SELECT period_type, entity_type, entity_id, period_start, orders_amount FROM " + PeriodRollup.TABLE
                + " WHERE period_type = ? AND period_start BETWEEN ? AND ?", type.name(),
                Date.valueOf(from.minusYears(1).minusMonths(3).minusDays(7)), t);
        jdbc.update("INSERT INTO rollup_growth (period_type, period_start, period_end, entity_type, entity_id, prev_orders,"
                + " ly_orders) SELECT r.period_type, r.period_start, r.period_end, r.entity_type, r.entity_id,"
                + " p.orders_amount, y.orders_amount FROM " + PeriodRollup.TABLE + " r JOIN calendar_day c ON c.cal_date = r.period_start"
                + " LEFT JOIN rollup_growth_orders p ON p.period_type = r.period_type AND p.entity_type = r.entity_type"
                + " AND p.entity_id = r.entity_id AND p.period_start = c." + type.previousStartColumn
                + " LEFT JOIN rollup_growth_orders y ON y.period_type = r.period_type AND y.entity_type = r.entity_type"
                + " AND y.entity_id = r.entity_id AND y.period_start = c." + type.lastYearStartColumn
                + " WHERE r.period_type = ? AND r.period_start BETWEEN ? AND ?", type.name(), f, t);
        jdbc.update("UPDATE " + PeriodRollup.TABLE + " r SET orders_prev_period = (SELECT g.prev_orders FROM rollup_growth g WHERE " + KEY + "),"
                + " orders_last_year = (SELECT g.ly_orders FROM rollup_growth g WHERE " + KEY + ")"
                + " WHERE r.period_type = ? AND r.period_start BETWEEN ? AND ?", type.name(), f, t);
        jdbc.update("UPDATE " + PeriodRollup.TABLE + " SET orders_growth = " + Ratio.rate("orders_amount - orders_prev_period", "orders_prev_period")
                + ", orders_yoy_growth = " + Ratio.rate("orders_amount - orders_last_year", "orders_last_year")
                + " WHERE period_type = ? AND period_start BETWEEN ? AND ?", type.name(), f, t);
        jdbc.update("DELETE FROM rollup_growth");
        jdbc.update("DELETE FROM rollup_growth_orders");
    }
}
