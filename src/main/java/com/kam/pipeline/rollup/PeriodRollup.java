package com.kam.pipeline.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the {@code rollup} rows of one period type over a range of whole periods, for every
 * entity level, with set-based INSERT ... SELECT statements over {@code rollup_rep_day} and
 * {@code rollup_line_day}. Rates are computed here, from the sums, by {@link Ratio}'s one rule.
 */
class PeriodRollup {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PeriodRollup.class);

    private static final String COLUMNS = "period_type, period_start, period_end, entity_type, entity_id, entity_name,"
            + " team_code, region_code, reps, rep_days, orders_amount, gross_margin, collections, expenses, cost_per_visit,"
            + " visits_planned, planned_visits_made, visits, effective_visits, order_visits, plan_adherence,"
            + " effective_visit_rate, transaction_rate, customers_visited, visits_per_customer, customers_on_frequency,"
            + " frequency_attainment, new_customers, complaints_received, complaints_resolved, complaint_resolution_rate,"
            + " reports_due, reports_submitted, reports_on_time, reports_complete, report_submission_rate,"
            + " report_on_time_rate, report_completeness, sales_target, margin_target, collection_target,"
            + " new_customer_target, visit_target, sales_attainment, margin_attainment, collection_attainment,"
            + " new_customer_attainment, visit_attainment, avg_sales_per_rep_week, computed_at";

    /** The measures among the columns: all but the five keys, name, team, region and computed_at. */
    static final int MEASURES = COLUMNS.split(",").length - 9;

    /** The additive rep-day columns, summed alike from rollup_rep_day and rollup_rep_month. */
    private static final String REP_SUMS = "orders_amount, gross_margin, collections, expenses, visits_planned,"
            + " planned_visits_made, visits, effective_visits, order_visits, new_customers, complaints_received,"
            + " complaints_resolved, report_due, report_submitted, report_on_time, report_complete, sales_target_share,"
            + " margin_target_share, collection_target_share, new_customer_target_share, visit_target_share, has_target";

    private final JdbcTemplate jdbc;

    PeriodRollup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the rows of {@code type} for the periods that start in {@code from..to}. For the
     * to-date kinds, {@code from} is the period's start and {@code to} the as-of date.
     */
    int write(PeriodType type, LocalDate from, LocalDate to, Timestamp now) {
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(to);
        // the rep-days and report lines of those periods run to the end of the last one
        Date last = type.toDate() ? t : Date.valueOf(type.endOf(to));
        if (type.toDate()) {
            // only the latest as-of date is kept: the figures "so far" of the last run
            jdbc.update("DELETE FROM rollup WHERE period_type = ?", type.name());
        } else {
            jdbc.update("DELETE FROM rollup WHERE period_type = ? AND period_start BETWEEN ? AND ?", type.name(), f, t);
        }
        String end = type.toDate() ? "DATE '" + to + "'" : "c." + type.endColumn;
        // the report lines of the periods, read once per rep, customer and period for every level
        jdbc.update("DELETE FROM rollup_visit_work");
        long t0 = System.nanoTime();
        boolean fromMonths = type == PeriodType.QUARTER || type == PeriodType.YEAR || type == PeriodType.QTD
                || type == PeriodType.YTD;
        int work = jdbc.update(fromMonths ? visitWorkFromMonths(type, end) : visitWork(type, end), f, last);
        if (type == PeriodType.MONTH) {
            jdbc.update("DELETE FROM rollup_rep_month WHERE ps BETWEEN ? AND ?", f, t);
            jdbc.update("INSERT INTO rollup_rep_month (ps, rep_id, team_code, region_code, rep_days, last_day, " + REP_SUMS + ")"
                    + " SELECT c.month_start, f.rep_id, f.team_code, f.region_code, COUNT(*), MAX(f.work_date), "
                    + sums("f", REP_SUMS) + " FROM rollup_rep_day f JOIN calendar_day c ON c.cal_date = f.work_date"
                    + " WHERE f.work_date BETWEEN ? AND ? GROUP BY c.month_start, f.rep_id, f.team_code, f.region_code", f, last);
            jdbc.update("DELETE FROM rollup_visit_month WHERE ps BETWEEN ? AND ?", f, t);
            jdbc.update("INSERT INTO rollup_visit_month (ps, rep_id, team_code, region_code, customer_id, visits, effective_visits,"
                    + " order_visits, orders_amount, gross_margin, collections, expenses) SELECT ps, rep_id, team_code, region_code,"
                    + " customer_id, visits, effective_visits, order_visits, orders_amount, gross_margin, collections, expenses"
                    + " FROM rollup_visit_work");
        }
        log.debug("{} {}..{}: {} visit work rows in {} ms", type, from, to, work, (System.nanoTime() - t0) / 1_000_000);
        int rows = 0;
        for (EntityLevel level : EntityLevel.values()) {
            long started = System.nanoTime();
            int written = level.byCustomer
                    ? jdbc.update(byCustomer(type, level), now, f, last)
                    : jdbc.update(byOrganisation(type, level, end, fromMonths), now, f, last);
            log.debug("{} {} {}..{}: {} rows in {} ms", type, level, from, to, written, (System.nanoTime() - started) / 1_000_000);
            rows += written;
        }
        jdbc.update("DELETE FROM rollup_visit_work");
        return rows;
    }

    /** The report lines of the periods summed per period, rep (with the day's team and region) and customer. */
    private static String visitWork(PeriodType type, String end) {
        return "INSERT INTO rollup_visit_work (ps, pe, rep_id, team_code, region_code, customer_id, visits, effective_visits,"
                + " order_visits, orders_amount, gross_margin, collections, expenses)"
                + " SELECT c." + type.startColumn + ", " + end + ", f.rep_id, f.team_code, f.region_code, l.customer_id,"
                + " SUM(l.visits), SUM(l.effective_visits), SUM(l.order_visits), SUM(l.orders_amount), SUM(l.gross_margin),"
                + " SUM(l.collections), SUM(l.expenses)"
                + " FROM rollup_line_day l JOIN rollup_rep_day f ON f.work_date = l.report_date AND f.rep_id = l.rep_id"
                + " JOIN calendar_day c ON c.cal_date = l.report_date"
                + " WHERE l.report_date BETWEEN ? AND ?"
                + groupBy(type, "f.rep_id, f.team_code, f.region_code, l.customer_id");
    }

    /** The same for quarters and years, summed from the kept month rows (months are rolled up first). */
    private static String visitWorkFromMonths(PeriodType type, String end) {
        return "INSERT INTO rollup_visit_work (ps, pe, rep_id, team_code, region_code, customer_id, visits, effective_visits,"
                + " order_visits, orders_amount, gross_margin, collections, expenses)"
                + " SELECT c." + type.startColumn + ", " + end + ", m.rep_id, m.team_code, m.region_code, m.customer_id,"
                + " SUM(m.visits), SUM(m.effective_visits), SUM(m.order_visits), SUM(m.orders_amount), SUM(m.gross_margin),"
                + " SUM(m.collections), SUM(m.expenses)"
                + " FROM rollup_visit_month m JOIN calendar_day c ON c.cal_date = m.ps WHERE m.ps BETWEEN ? AND ?"
                + groupBy(type, "m.rep_id, m.team_code, m.region_code, m.customer_id");
    }

    private static String groupBy(PeriodType type, String id) {
        return " GROUP BY c." + type.startColumn + (type.toDate() ? "" : ", c." + type.endColumn) + ", " + id;
    }

    /** REP, TEAM, REGION and COMPANY rows from the rep-days, with the customers visited from the report lines. */
    private static String byOrganisation(PeriodType type, EntityLevel level, String end, boolean fromMonths) {
        // quarters and years sum the kept month rows, the other periods the rep-days themselves
        String source = fromMonths ? " FROM rollup_rep_month f JOIN calendar_day c ON c.cal_date = f.ps WHERE f.ps BETWEEN ? AND ?"
                : " FROM rollup_rep_day f JOIN calendar_day c ON c.cal_date = f.work_date WHERE f.work_date BETWEEN ? AND ?";
        String id = level.id("f");
        String teamAndRegion = switch (level) {
            case REP -> "lf.team_code, lf.region_code";
            case TEAM -> "NULL, a.region_code";
            default -> "NULL, NULL";
        };
        return "INSERT INTO rollup (" + COLUMNS + ") SELECT '" + type.name() + "', a.ps, a.pe, '" + level.name() + "', a.eid,"
                + " e.entity_name, " + teamAndRegion + ", a.reps, a.rep_days,"
                + " a.orders_amount, a.gross_margin, a.collections, a.expenses, " + Ratio.money("a.expenses", "a.visits") + ","
                + " a.visits_planned, a.planned_visits_made, a.visits, a.effective_visits, a.order_visits,"
                + Ratio.rate("a.planned_visits_made", "a.visits_planned") + ", "
                + Ratio.rate("a.effective_visits", "a.visits") + ", " + Ratio.rate("a.order_visits", "a.visits") + ","
                + " COALESCE(v.customers_visited, 0), " + Ratio.sql("a.visits", "v.customers_visited", 2) + ","
                + " v.on_frequency, " + Ratio.rate("v.on_frequency", "v.customers_visited") + ","
                + " a.new_customers, a.complaints_received, a.complaints_resolved,"
                + Ratio.rate("a.complaints_resolved", "a.complaints_received") + ","
                + " a.reports_due, a.reports_submitted, a.reports_on_time, a.reports_complete,"
                + Ratio.rate("a.reports_submitted", "a.reports_due") + ", " + Ratio.rate("a.reports_on_time", "a.reports_due") + ", "
                + Ratio.rate("a.reports_complete", "a.reports_submitted") + ","
                + " a.sales_target, a.margin_target, a.collection_target, a.new_customer_target, a.visit_target,"
                + Ratio.rate("a.orders_amount", "a.sales_target") + ", " + Ratio.rate("a.gross_margin", "a.margin_target") + ", "
                + Ratio.rate("a.collections", "a.collection_target") + ", " + Ratio.rate("a.new_customers", "a.new_customer_target")
                + ", " + Ratio.rate("a.visits", "a.visit_target") + ","
                // average sales per rep per week: orders over rep-weeks (7 assigned rep-days make one)
                + Ratio.money("a.orders_amount * 7", "a.rep_days") + ", ?"
                + " FROM (SELECT c." + type.startColumn + " AS ps, " + end + " AS pe, " + id + " AS eid,"
                + " MAX(f.region_code) AS region_code, COUNT(DISTINCT f.rep_id) AS reps,"
                + (fromMonths ? " SUM(f.rep_days) AS rep_days, MAX(f.last_day) AS last_day,"
                : " COUNT(*) AS rep_days, MAX(f.work_date) AS last_day,")
                + " SUM(f.orders_amount) AS orders_amount, SUM(f.gross_margin) AS gross_margin, SUM(f.collections) AS collections,"
                + " SUM(f.expenses) AS expenses, SUM(f.visits_planned) AS visits_planned,"
                + " SUM(f.planned_visits_made) AS planned_visits_made, SUM(f.visits) AS visits,"
                + " SUM(f.effective_visits) AS effective_visits, SUM(f.order_visits) AS order_visits,"
                + " SUM(f.new_customers) AS new_customers, SUM(f.complaints_received) AS complaints_received,"
                + " SUM(f.complaints_resolved) AS complaints_resolved, SUM(f.report_due) AS reports_due,"
                + " SUM(f.report_submitted) AS reports_submitted, SUM(f.report_on_time) AS reports_on_time,"
                + " SUM(f.report_complete) AS reports_complete,"
                + target("sales_target") + ", " + target("margin_target") + ", " + target("collection_target") + ", "
                + target("new_customer_target") + ", " + target("visit_target")
                + source + (level == EntityLevel.TEAM ? " AND f.team_code IS NOT NULL" : "")
                + groupBy(type, id) + ") a"
                + " LEFT JOIN (" + customersVisited(type, level) + ") v ON v.ps = a.ps AND v.eid = a.eid"
                + " LEFT JOIN org_entity e ON e.entity_type = '" + level.name() + "' AND e.entity_id = a.eid"
                + (level == EntityLevel.REP ? " LEFT JOIN rollup_rep_day lf ON lf.rep_id = a.eid AND lf.work_date = a.last_day" : "");
    }

    private static String sums(String alias, String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(",")).map(c -> "SUM(" + alias + "." + c.trim() + ")").toList());
    }

    /** A period's target: the sum of its rep-days' shares; empty when no rep in it has a target row. */
    private static String target(String name) {
        return "CASE WHEN SUM(f.has_target) = 0 THEN NULL ELSE " + Ratio.moneySum("f." + name + "_share") + " END AS " + name;
    }

    /** Customers visited per period and entity, and how many of them as often as their class asks. */
    private static String customersVisited(PeriodType type, EntityLevel level) {
        String id = level.id("w");
        return "SELECT x.ps, x.eid, COUNT(*) AS customers_visited,"
                + " SUM(CASE WHEN q.required_visits IS NULL THEN NULL WHEN x.n >= q.required_visits THEN 1 ELSE 0 END)"
                + " AS on_frequency"
                + " FROM (SELECT w.ps, " + id + " AS eid, w.customer_id, SUM(w.visits) AS n FROM rollup_visit_work w"
                + (level == EntityLevel.TEAM ? " WHERE w.team_code IS NOT NULL" : "")
                + " GROUP BY w.ps, " + id + ", w.customer_id) x"
                + " JOIN customer cu ON cu.customer_id = x.customer_id"
                + " LEFT JOIN visit_frequency q ON q.abc_class = cu.abc_class AND q.period_type = '" + type.name() + "'"
                + " GROUP BY x.ps, x.eid";
    }

    /** CUSTOMER_CLASS, ABC_CLASS and SEGMENT rows: the visits, orders and new customers of customers of each class. */
    private static String byCustomer(PeriodType type, EntityLevel level) {
        String id = level.id("cu");
        return "INSERT INTO rollup (" + COLUMNS + ") SELECT '" + type.name() + "', a.ps, a.pe, '" + level.name() + "', a.eid,"
                + " a.eid, NULL, NULL, a.reps, NULL, a.orders_amount, a.gross_margin, a.collections, a.expenses,"
                + Ratio.money("a.expenses", "a.visits") + ", NULL, NULL, a.visits, a.effective_visits, a.order_visits, NULL,"
                + Ratio.rate("a.effective_visits", "a.visits") + ", " + Ratio.rate("a.order_visits", "a.visits") + ","
                + " a.customers_visited, " + Ratio.sql("a.visits", "a.customers_visited", 2) + ", NULL, NULL,"
                + " COALESCE(n.new_customers, 0), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?"
                + " FROM (SELECT w.ps, w.pe, " + id + " AS eid, COUNT(DISTINCT w.rep_id) AS reps,"
                + " SUM(w.orders_amount) AS orders_amount, SUM(w.gross_margin) AS gross_margin, SUM(w.collections) AS collections,"
                + " SUM(w.expenses) AS expenses, SUM(w.visits) AS visits, SUM(w.effective_visits) AS effective_visits,"
                + " SUM(w.order_visits) AS order_visits, COUNT(DISTINCT w.customer_id) AS customers_visited"
                + " FROM rollup_visit_work w JOIN customer cu ON cu.customer_id = w.customer_id"
                + " GROUP BY w.ps, w.pe, " + id + ") a"
                + " LEFT JOIN (SELECT c." + type.startColumn + " AS ps, " + id + " AS eid, COUNT(*) AS new_customers"
                + " FROM customer_new_day nc JOIN rollup_rep_day f ON f.work_date = nc.order_date AND f.rep_id = nc.rep_id"
                + " JOIN calendar_day c ON c.cal_date = nc.order_date JOIN customer cu ON cu.customer_id = nc.customer_id"
                + " WHERE nc.order_date BETWEEN ? AND ? GROUP BY c." + type.startColumn + ", " + id + ") n ON n.ps = a.ps AND n.eid = a.eid";
    }
}
