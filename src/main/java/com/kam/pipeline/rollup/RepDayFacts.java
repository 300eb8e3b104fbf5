package com.kam.pipeline.rollup;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds {@code rollup_rep_day}: one row per rep per day the rep was assigned as a rep, with
 * that day's additive facts and the team and region of that day. Every period rollup sums these
 * rows, so a rep's figures follow the team the rep belonged to on each day.
 */
class RepDayFacts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RepDayFacts.class);

    private static final String INSERT = "INSERT INTO rollup_rep_day (work_date, rep_id, team_code, region_code, orders_amount,"
            + " gross_margin, collections, expenses, visits_planned, planned_visits_made, visits, effective_visits, order_visits,"
            + " new_customers, complaints_received, complaints_resolved, report_due, report_submitted, report_on_time,"
            + " report_complete, sales_target_share, margin_target_share, collection_target_share, new_customer_target_share,"
            + " visit_target_share, has_target)"
            + " SELECT c.cal_date, o.employee_id, o.team_code, o.region_code,"
            + " COALESCE(r.orders_amount, 0), COALESCE(r.gross_margin, 0), COALESCE(r.collections, 0), COALESCE(r.expenses, 0),"
            + " COALESCE(p.planned, 0), COALESCE(p.made, 0), COALESCE(r.visits, 0), COALESCE(r.effective_visits, 0),"
            + " COALESCE(r.order_visits, 0), COALESCE(n.new_customers, 0),"
            + " COALESCE(r.complaints_received, 0), COALESCE(r.complaints_resolved, 0),"
            + " CASE WHEN c.working_day THEN 1 ELSE 0 END,"
            + " CASE WHEN c.working_day AND r.submitted_at IS NOT NULL THEN 1 ELSE 0 END,"
            + " CASE WHEN c.working_day AND r.submitted_at <= c.deadline_at THEN 1 ELSE 0 END,"
            // complete: attendance given, and every visit line says its purpose, outcome and whether it was effective
            + " CASE WHEN c.working_day AND r.submitted_at IS NOT NULL AND r.attendance IS NOT NULL AND r.lines_complete = 1"
            + " THEN 1 ELSE 0 END,"
            + share("t.sales_target") + ", " + share("t.margin_target") + ", " + share("t.collection_target") + ", "
            + share("t.new_customer_target") + ", " + share("t.visit_target") + ","
            + " CASE WHEN t.rep_id IS NULL THEN 0 ELSE 1 END"
            + " FROM calendar_day c"
            + " JOIN org_assignment o ON o.role = 'REP' AND c.cal_date >= o.valid_from"
            + " AND (o.valid_to IS NULL OR c.cal_date <= o.valid_to)"
            + " LEFT JOIN rollup_report_day_work r ON r.report_date = c.cal_date AND r.rep_id = o.employee_id"
            + " LEFT JOIN rollup_plan_day_work p ON p.plan_date = c.cal_date AND p.rep_id = o.employee_id"
            + " LEFT JOIN (SELECT rep_id, order_date, COUNT(*) AS new_customers FROM customer_new_day"
            + " WHERE order_date BETWEEN ? AND ? GROUP BY rep_id, order_date) n"
            + " ON n.rep_id = o.employee_id AND n.order_date = c.cal_date"
            + " LEFT JOIN sales_target t ON t.rep_id = o.employee_id AND t.month_start = c.month_start"
            // the working days the rep was assigned in the month, over which the month's targets are spread
            + " LEFT JOIN (SELECT o2.employee_id, c2.month_start, COUNT(*) AS days FROM calendar_day c2"
            + " JOIN org_assignment o2 ON o2.role = 'REP' AND c2.cal_date >= o2.valid_from"
            + " AND (o2.valid_to IS NULL OR c2.cal_date <= o2.valid_to)"
            + " WHERE c2.working_day AND c2.month_start BETWEEN ? AND ? GROUP BY o2.employee_id, c2.month_start) w"
            + " ON w.employee_id = o.employee_id AND w.month_start = c.month_start"
            + " WHERE c.cal_date BETWEEN ? AND ?";

    private final JdbcTemplate jdbc;

    RepDayFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The report of each rep and day: the money of every line, the visits, and the day fields. */
    private static final String REPORT_DAYS = "INSERT INTO rollup_report_day_work (report_date, rep_id, orders_amount,"
            + " gross_margin, collections, expenses, visits, effective_visits, order_visits, complaints_received,"
            + " complaints_resolved, submitted_at, attendance, lines_complete)"
            + " SELECT report_date, rep_id, SUM(order_amount), SUM(gross_margin), SUM(payment_collected), SUM(expense),"
            + " COUNT(customer_id), SUM(CASE WHEN customer_id IS NOT NULL AND effective THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN customer_id IS NOT NULL AND order_amount > 0 THEN 1 ELSE 0 END),"
            + " MAX(complaints_received), MAX(complaints_resolved), MAX(submitted_at), MAX(attendance),"
            + " MIN(CASE WHEN customer_id IS NULL OR (purpose IS NOT NULL AND outcome IS NOT NULL AND effective IS NOT NULL)"
            + " THEN 1 ELSE 0 END)"
            + " FROM report_line WHERE report_date BETWEEN ? AND ? GROUP BY report_date, rep_id";

    /** Planned visits per rep and day, and how many of them were made: the customer was visited that day. */
    private static final String PLAN_DAYS = "INSERT INTO rollup_plan_day_work (plan_date, rep_id, planned, made)"
            + " SELECT vp.plan_date, vp.rep_id, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM report_line l"
            + " WHERE l.report_date = vp.plan_date AND l.rep_id = vp.rep_id AND l.customer_id = vp.customer_id)"
            + " THEN 1 ELSE 0 END) FROM visit_plan vp WHERE vp.plan_date BETWEEN ? AND ? GROUP BY vp.plan_date, vp.rep_id";

    /** Rewrites the rep-days of {@code from..to}; returns the rows written. */
    int rebuild(LocalDate from, LocalDate to) {
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(to);
        long t1 = System.nanoTime();
        jdbc.update("DELETE FROM rollup_report_day_work");
        jdbc.update("DELETE FROM rollup_plan_day_work");
        jdbc.update(REPORT_DAYS, f, t);
        long t2 = System.nanoTime();
        jdbc.update(PLAN_DAYS, f, t);
        long t3 = System.nanoTime();
        jdbc.update("DELETE FROM rollup_rep_day WHERE work_date BETWEEN ? AND ?", f, t);
        int rows = jdbc.update(INSERT, f, t, Date.valueOf(from.withDayOfMonth(1)), t, f, t);
        log.debug("rep-days {}..{}: reports {} ms, plans {} ms, rep-days {} ms", from, to, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        jdbc.update("DELETE FROM rollup_report_day_work");
        jdbc.update("DELETE FROM rollup_plan_day_work");
        return rows;
    }

    /** A working day's share of a monthly target; unrounded, so the month's shares sum back to the target. */
    private static String share(String target) {
        return "CASE WHEN c.working_day AND w.days > 0 AND " + target + " IS NOT NULL THEN CAST(" + target
                + " AS DECIMAL(24,10)) / w.days ELSE 0 END";
    }
}
