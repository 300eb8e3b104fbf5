package com.kam.pipeline.report;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small company written straight into the tables the reports read (the rollup and forecast jobs
 * are built elsewhere): business date Sunday 2026-05-31, a make-up working day. Team SH (上海办事处)
 * has everything; team HZ has a lead and one rep who did not report; region EAST has no figures.
 */
final class ReportFixture {

    static final LocalDate DATE = LocalDate.of(2026, 5, 31);
    static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    static final LocalDate WEEK = LocalDate.of(2026, 5, 25);

    /** Tables the fixture fills, children first, emptied before each test. */
    static final List<String> TABLES = List.of("report_archive", "forecast_accuracy", "forecast_contributor", "forecast",
            "funnel_stage", "funnel_summary", "funnel_flagged", "ideal_funnel", "forecast_run", "appraisal_item", "appraisal",
            "rollup_warning", "abnormal_customer", "next_week_target", "rollup_to_date", "rollup_row", "rollup_rep_day", "rollup_run", "ingest_load", "calendar_day", "report_line", "opportunity_version", "opportunity_snapshot", "customer",
            "org_assignment", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

    private final JdbcTemplate jdbc;

    ReportFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Next week's figures of the week reported (rollup/NextWeekTargets): 5 working days, from 06-01. */
    private void nextWeek(String type, String id, String target, String needed, int visits, int keyCustomersDue) {
        jdbc.update("INSERT INTO next_week_target (week_start, entity_type, entity_id, team_code, next_week_start, working_days,"
                + " sales_target, sales_needed, collection_target, collection_needed, visits_planned, customers_planned,"
                + " key_customers_due, computed_at) VALUES (?, ?, ?, 'SH', ?, 5, ?, ?, NULL, NULL, ?, ?, ?, CURRENT_TIMESTAMP)",
                WEEK, type, id, WEEK.plusDays(7), new BigDecimal(target), new BigDecimal(needed), visits, visits - 1,
                keyCustomersDue);
    }

    static void empty(JdbcTemplate jdbc) {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    void write() {
        person("D001", "赵总", "DIRECTOR", "zh", null, null, "HQ", "总部");
        person("L001", "孙主管", "TEAM_LEAD", "zh", "SH", "上海办事处", "EAST", "华东区");
        person("L002", "李主管", "TEAM_LEAD", "en", "HZ", "杭州办事处", "EAST", "华东区");
        person("R001", "王小明", "REP", "zh", "SH", "上海办事处", "EAST", "华东区");
        person("R002", "周晓燕", "REP", "zh", "SH", "上海办事处", "EAST", "华东区");
        person("R003", "吴昊", "REP", "zh", "HZ", "杭州办事处", "EAST", "华东区");
        jdbc.update("INSERT INTO customer (customer_id, name, segment, region_code, annual_potential, share_of_wallet, owner_id,"
                + " customer_class, abc_class, source_name, load_id) VALUES ('C001', '山东省电力公司', '党政机关', 'EAST',"
                + " 1200000, 0.35, 'R001', 'R1', 'A', 'fixture', 1)");
        LocalDate quarter = LocalDate.of(2026, 4, 1);
        LocalDate year = LocalDate.of(2026, 1, 1);
        jdbc.update("INSERT INTO calendar_day (cal_date, week_start, week_end, month_start, month_end, quarter_start, quarter_end,"
                + " year_start, year_end, year_ago, working_day, holiday, deadline_at, prev_day, ly_day, prev_week_start,"
                + " ly_week_start, prev_month_start, ly_month_start, prev_quarter_start, ly_quarter_start, prev_year_start)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                DATE, WEEK, WEEK.plusDays(6), MAY, MAY.plusMonths(1).minusDays(1), quarter, quarter.plusMonths(3).minusDays(1),
                year, year.plusYears(1).minusDays(1), DATE.minusYears(1), DATE.atTime(21, 0), DATE.minusDays(1),
                DATE.minusYears(1), WEEK.minusWeeks(1), WEEK.minusWeeks(52), MAY.minusMonths(1), MAY.minusYears(1),
                quarter.minusMonths(3), quarter.minusYears(1), year.minusYears(1));

        // sales capped at 1, collections, new customers (a count) and reports on time (a rate)
        appraisal("R001", "王小明", "92.11", "优秀", 1);
        item("R001", "sales", "1250000.0000", "1000000.0000", "1.0000", "40", "40.00");
        item("R001", "collections", "830000.5000", "900000.0000", "0.9222", "30", "27.67");
        item("R001", "new_customers", "3.0000", "4.0000", "0.7500", "20", "15.00");
        item("R001", "report_on_time_rate", "0.9444", "1.0000", "0.9444", "10", "9.44");
        appraisal("R002", "周晓燕", "78.25", "中等", 2);
        // 周晓燕's item as a sales director labelled it in appraisal.yml
        item("R002", "sales", "760000.0000", "1000000.0000", "0.7600", "100", "78.25");
        jdbc.update("UPDATE appraisal_item SET label = '年度销售额达成 | Annual sales attainment' WHERE rep_id = 'R002'");
        for (int m = 5; m >= 0; m--) {
            LocalDate month = MAY.minusMonths(m);
            rollup("MONTH", month, month.plusMonths(1).minusDays(1), "REP", "R001", "王小明", "SH",
                    new BigDecimal(1000000 + 50000 * (5 - m)).add(new BigDecimal("0.25")), new BigDecimal("1000000.00"));
        }
        rollup("MONTH", MAY, DATE, "REP", "R002", "周晓燕", "SH", new BigDecimal("760000.00"), new BigDecimal("1000000.00"));
        rollup("MONTH", MAY, DATE, "TEAM", "SH", "上海办事处", null, new BigDecimal("2010000.25"), new BigDecimal("2000000.00"));

        rollup("WEEK", WEEK, DATE, "TEAM", "SH", "上海办事处", null, new BigDecimal("412345.67"), new BigDecimal("460000.00"));
        rollup("WEEK", WEEK, DATE, "REP", "R001", "王小明", "SH", new BigDecimal("300000.00"), new BigDecimal("230000.00"));
        rollup("WEEK", WEEK, DATE, "REP", "R002", "周晓燕", "SH", new BigDecimal("112345.67"), new BigDecimal("230000.00"));
        jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                + " rep_id, team_code, last_visit, days_since, allowed_days, reason) VALUES (?, 'C001', 'NOT_VISITED', '山东省电力公司',"
                + " 'R1', 'A', 'R001', 'SH', ?, 45, 30, 'not visited for 45 days (class A allows 30)')", WEEK, LocalDate.of(2026, 4, 16));
        jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                + " rep_id, team_code, actual, baseline, reason) VALUES (?, 'C002', 'ORDERS_DOWN', '济南市第一人民医院', 'D1', 'B',"
                + " 'R002', 'SH', 12000.00, 98765.43, 'orders of the last 4 weeks 12000.00 against an average of 98765.43 per 4 weeks before')",
                WEEK);
        jdbc.update("INSERT INTO rollup_warning (period_type, period_start, entity_type, entity_id, measure, actual, baseline, reason)"
                + " VALUES ('WEEK', ?, 'TEAM', 'SH', 'expenses', 52000.00, 30000.00,"
                + " 'expenses up 73.33% against the mean of the previous 8 weeks')", WEEK);
        nextWeek("TEAM", "SH", "143478.26", "210000.50", 7, 3);
        nextWeek("REP", "R001", "71739.13", "123456.78", 4, 2);
        nextWeek("REP", "R002", "71739.13", "86543.72", 3, 1);

        rollup("DAY", DATE, DATE, "TEAM", "SH", "上海办事处", null, new BigDecimal("12500.00"), new BigDecimal("66666.67"));
        rollup("DAY", DATE, DATE, "REP", "R001", "王小明", "SH", new BigDecimal("12500.00"), new BigDecimal("33333.33"));
        rollup("MTD", MAY, DATE, "TEAM", "SH", "上海办事处", null, new BigDecimal("2010000.25"), new BigDecimal("2000000.00"));
        rollup("MTD", MAY, DATE, "REP", "R001", "王小明", "SH", new BigDecimal("1250000.25"), new BigDecimal("1000000.00"));
        rollup("MTD", MAY, DATE, "REP", "R002", "周晓燕", "SH", new BigDecimal("760000.00"), new BigDecimal("1000000.00"));

        reportLine("R001", LocalDate.of(2026, 5, 27), 1, 0, null, "华为在推新方案，报价低10%");
        reportLine("R001", DATE, 2, 2, "客户投诉交货延迟", null);

        long run = forecastRun();
        funnelStage(run, "TEAM", "SH", "DEVELOPED", 4, 3, "2300000.00", "1150000.00");
        funnelStage(run, "TEAM", "SH", "COMMITTED", 5, 2, "900000.00", "720000.00");
        funnelStage(run, "REP", "R001", "DEVELOPED", 4, 2, "1500000.00", "750000.00");
        funnelStage(run, "COMPANY", "ALL", "DEVELOPED", 4, 7, "4100000.00", "2050000.00");
        // on the month's last day the report shows next month's ideal funnel, not this month's
        idealStage(run, "CURRENT_MONTH", "COMMITTED", null, null);
        idealStage(run, "NEXT_MONTH", "COMMITTED", "3333333.33", "1213333.33");
        jdbc.update("INSERT INTO funnel_summary (run_id, entity_type, entity_id, entity_name, product_line, open_count, open_amount,"
                + " weighted_amount, closed_count, won_count, win_rate, avg_won_amount, cycle_days_mean, velocity_per_day,"
                + " stalled_count, slipped_count, month_target, month_won, month_remaining, month_coverage, month_due_amount,"
                + " month_due_coverage, month_due_weighted_coverage)"
                + " VALUES (?, 'TEAM', 'SH', '上海办事处', '*', 5, 3200000.00, 1870000.00, 20, 8, 0.4000, 350000.00, 92.5,"
                + " 6054.05, 1, 0, 2000000.00, 1900000.00, 100000.00, 32.0000, 1500000.00, 15.0000, 7.5000)", run);
        jdbc.update("INSERT INTO forecast (run_id, horizon, period_type, period_start, period_end, entity_type, entity_id,"
                + " entity_name, method, closed_won, p10, p50, p90, target) VALUES (?, 'NEXT_MONTH', 'MONTH', ?, ?, 'TEAM', 'SH',"
                + " '上海办事处', 'COMBINED', 0, 1500000.00, 2345678.00, 3100000.00, 2000000.00)",
                run, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
        jdbc.update("INSERT INTO forecast_contributor VALUES (?, 'NEXT_MONTH', 'TEAM', 'SH', 'COMBINED', 1, 'O001', '电力云平台',"
                + " 'R001', 'DEVELOPED', 1500000.00, 600000.00, ?)", run, LocalDate.of(2026, 6, 30));
        jdbc.update("INSERT INTO funnel_flagged (run_id, opportunity_id, flag, owner_id, team_code, region_code, customer_id,"
                + " opportunity_name, product_line, stage, amount, stage_entered_on, days_in_stage, threshold_days, expected_close_date,"
                + " reason) VALUES (?, 'O001', 'STALLED', 'R001', 'SH', 'EAST', 'C001', '电力云平台', '云服务', 'DEVELOPED',"
                + " 1500000.00, ?, 61, 40, ?, '61 days in DEVELOPED')", run, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30));
        jdbc.update("INSERT INTO forecast_accuracy VALUES (?, 'NEXT_MONTH', 'TEAM', 'SH', 'COMBINED', ?, 'MONTH', ?, 1800000.00,"
                + " 2010000.25, 0.1045, -0.1045, TRUE, ?, ?, FALSE)", run, LocalDate.of(2026, 4, 30), MAY, DATE,
                Timestamp.valueOf(LocalDateTime.of(2026, 5, 31, 23, 0)));
    }

    /**
     * 郑凯 left team SH on 05-20 and the customer data still names him as the owner of 青岛港集团,
     * not visited since: listed under SH, and in next week's plan with no days of his own.
     */
    void ownerWhoLeft() {
        rep("R009", "郑凯", "L001", "SH", "上海办事处", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 5, 20));
        jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                + " rep_id, team_code, last_visit, days_since, allowed_days, reason) VALUES (?, 'C009', 'NOT_VISITED', '青岛港集团',"
                + " 'R2', 'A', 'R009', 'SH', ?, 38, 30, 'not visited for 38 days (class A allows 30)')", WEEK, LocalDate.of(2026, 4, 23));
        jdbc.update("INSERT INTO next_week_target (week_start, entity_type, entity_id, team_code, next_week_start, working_days,"
                + " visits_planned, customers_planned, key_customers_due, computed_at)"
                + " VALUES (?, 'REP', 'R009', 'SH', ?, 0, 0, 0, 1, CURRENT_TIMESTAMP)", WEEK, WEEK.plusDays(7));
    }

    /**
     * 陈磊 moved from team HZ to SH on Thursday 05-28, as the rollup keeps it: his rep-days of Monday to Wednesday
     * count for HZ (whose WEEK total now exists), those of Thursday to Sunday for SH, and his own WEEK row, the whole
     * week, carries SH, the team of its last day. 王小明 (SH) and 吴昊 (HZ) stayed all week.
     */
    void repMovedMidWeek() {
        LocalDate moved = WEEK.plusDays(3);
        rep("R004", "陈磊", "L002", "HZ", "杭州办事处", LocalDate.of(2025, 1, 1), moved.minusDays(1));
        rep("R004", "陈磊", "L001", "SH", "上海办事处", moved, null);
        String share = "10000.00";
        for (LocalDate day = WEEK; !day.isAfter(DATE); day = day.plusDays(1)) {
            repDay(day, "R004", day.isBefore(moved) ? "HZ" : "SH", "10000.00", share);
            repDay(day, "R001", "SH", "40000.00", share);
            repDay(day, "R003", "HZ", "5000.00", share);
        }
        rollup("WEEK", WEEK, DATE, "REP", "R004", "陈磊", "SH", new BigDecimal("70000.00"), new BigDecimal("70000.00"));
        rollup("WEEK", WEEK, DATE, "REP", "R003", "吴昊", "HZ", new BigDecimal("35000.00"), new BigDecimal("70000.00"));
        rollup("WEEK", WEEK, DATE, "TEAM", "HZ", "杭州办事处", null, new BigDecimal("65000.00"), new BigDecimal("100000.00"));
    }

    /** Enough customers not visited for too long to run the weekly list over more than one page. */
    void manyAbnormalCustomers(int customers) {
        for (int i = 1; i <= customers; i++) {
            jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                    + " rep_id, team_code, last_visit, days_since, allowed_days, reason) VALUES (?, ?, 'NOT_VISITED', ?, 'R2', 'A',"
                    + " 'R001', 'SH', ?, 40, 30, 'not visited for 40 days (class A allows 30)')", WEEK, String.format("X%03d", i),
                    String.format("客户%03d", i), WEEK.minusDays(34));
        }
    }

    private void person(String id, String name, String role, String language, String team, String teamName, String region,
                        String regionName) {
        jdbc.update("INSERT INTO org_assignment (employee_id, valid_from, valid_to, name, role, email, language, manager_id,"
                + " team_code, team_name, region_code, region_name, source_name, load_id)"
                + " VALUES (?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?, ?, ?, 'fixture', 1)", id, LocalDate.of(2025, 1, 1), name, role,
                id.toLowerCase() + "@example.com", language, team, teamName, region, regionName);
    }

    /** A rep's assignment to a team of region EAST, from one day to another (null: still is). */
    private void rep(String id, String name, String manager, String team, String teamName, LocalDate from, LocalDate to) {
        jdbc.update("INSERT INTO org_assignment (employee_id, valid_from, valid_to, name, role, email, language, manager_id,"
                + " team_code, team_name, region_code, region_name, source_name, load_id)"
                + " VALUES (?, ?, ?, ?, 'REP', ?, 'zh', ?, ?, ?, 'EAST', '华东区', 'fixture', 1)", id, from, to, name,
                id.toLowerCase() + "@example.com", manager, team, teamName);
    }

    private void appraisal(String rep, String name, String score, String grade, int rank) {
        jdbc.update("INSERT INTO appraisal (month_start, rep_id, rep_name, team_code, region_code, score, points_total, grade,"
                + " rank_in_team, team_size, computed_at) VALUES (?, ?, ?, 'SH', 'EAST', ?, ?, ?, ?, 2, ?)", MAY, rep, name,
                new BigDecimal(score), new BigDecimal(score), grade, rank, Timestamp.valueOf(LocalDateTime.now()));
    }

    private void item(String rep, String item, String actual, String goal, String attainment, String weight, String points) {
        // every item counted: the weights, making 100, are applied as configured
        jdbc.update("INSERT INTO appraisal_item (month_start, rep_id, item, actual, goal, attainment, weight, applied_weight,"
                + " points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", MAY, rep, item, new BigDecimal(actual), new BigDecimal(goal),
                new BigDecimal(attainment), new BigDecimal(weight), new BigDecimal(weight), new BigDecimal(points));
    }

    /** A rollup row whose attainment and rates are consistent with its orders and target. */
    void rollup(String periodType, LocalDate start, LocalDate end, String entityType, String id, String name, String team,
                BigDecimal orders, BigDecimal target) {
        BigDecimal attainment = orders.divide(target, 4, java.math.RoundingMode.HALF_UP);
        jdbc.update("INSERT INTO rollup_row (period_type, period_start, period_end, entity_type, entity_id, entity_name, team_code,"
                + " region_code, reps, rep_days, orders_amount, gross_margin, collections, expenses, cost_per_visit, visits,"
                + " effective_visits, order_visits, effective_visit_rate, transaction_rate, customers_visited, new_customers,"
                + " complaints_open, complaints_received, complaints_resolved, complaint_resolution_days, report_on_time_rate,"
                + " sales_target, sales_attainment, avg_sales_per_rep_week, computed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'EAST', 2, 10, ?, ?, ?, 5200.00, 208.00, 25, 20, 8, 0.8000, 0.3200, 12, 1, 1,"
                + " 2, 3, 1.67, 0.9500, ?, ?, 206172.84, ?)",
                periodType, start, end, entityType, id, name, team, orders, orders.multiply(new BigDecimal("0.25")).setScale(2, java.math.RoundingMode.HALF_UP),
                orders.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP), target, attainment,
                Timestamp.valueOf(LocalDateTime.now()));
    }

    private void reportLine(String rep, LocalDate day, int line, int complaints, String feedback, String competitor) {
        jdbc.update("INSERT INTO report_line (load_id, source_name, line_no, rep_id, report_date, customer_id, purpose, effective,"
                + " order_amount, submitted_at, attendance, complaints_received, complaints_resolved, competitor_info,"
                + " customer_feedback) VALUES (1, 'fixture', ?, ?, ?, 'C001', 'SERVICE', TRUE, 0, ?, 'PRESENT', ?, 0, ?, ?)",
                line, rep, day, Timestamp.valueOf(day.atTime(19, 30)), complaints, competitor, feedback);
    }

    /** A customer the daily reports can name. */
    void customer(String id, String name) {
        jdbc.update("INSERT INTO customer (customer_id, name, segment, region_code, annual_potential, share_of_wallet, owner_id,"
                + " customer_class, abc_class, source_name, load_id) VALUES (?, ?, '大型企业', 'EAST', 600000, 0.2, 'R002', 'D2',"
                + " 'B', 'fixture', 1)", id, name);
    }

    /**
     * A line of a daily report as filed: a visit (customer given) or a day without visits, with the
     * day fields (submission time, attendance code, complaints, feedback, notes) on it.
     */
    void reportLine(String rep, LocalDate day, int line, String customer, String purpose, String outcome, LocalDateTime submitted,
                    String attendance, Integer received, Integer resolved, String feedback, String notes) {
        jdbc.update("INSERT INTO report_line (load_id, source_name, line_no, rep_id, report_date, customer_id, purpose, outcome,"
                + " effective, order_amount, submitted_at, attendance, complaints_received, complaints_resolved, customer_feedback,"
                + " notes) VALUES (1, 'fixture', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)", line, rep, day, customer, purpose,
                outcome, customer != null, Timestamp.valueOf(submitted), attendance, received, resolved, feedback, notes);
    }

    /** A rep-day as the rollup keeps it: its orders and its share of the month's sales target (has_target when a share). */
    void repDay(LocalDate day, String rep, String team, String orders, String salesShare) {
        jdbc.update("INSERT INTO rollup_rep_day (work_date, rep_id, team_code, region_code, orders_amount, gross_margin,"
                + " collections, expenses, visits_planned, planned_visits_made, visits, effective_visits, order_visits,"
                + " new_customers, complaints_received, complaints_resolved, report_due, report_submitted, report_on_time,"
                + " report_complete, sales_target_share, margin_target_share, collection_target_share,"
                + " new_customer_target_share, visit_target_share, has_target) VALUES (?, ?, ?, 'EAST', ?, 0, 0, 0, 0, 0, 0, 0, 0,"
                + " 0, 0, 0, 1, 1, 1, 1, ?, 0, 0, 0, 0, ?)", day, rep, team, new BigDecimal(orders), new BigDecimal(salesShare),
                new BigDecimal(salesShare).signum() == 0 ? 0 : 1);
    }

    private long forecastRun() {
        jdbc.update("INSERT INTO forecast_run (as_of_date, snapshot_date, run_kind, config_sha256, generated_at, status)"
                + " VALUES (?, ?, 'NIGHTLY', ?, ?, 'DONE')", DATE, DATE, "0".repeat(64), Timestamp.valueOf(LocalDateTime.now()));
        return jdbc.queryForObject("SELECT MAX(run_id) FROM forecast_run", Long.class);
    }

    /** An ideal-funnel row of team SH: 2,000,000 to close at a 0.6 win rate; today 5 deals, 2,120,000.00 (null: unreachable). */
    private void idealStage(long run, String horizon, String stage, String needed, String gap) {
        jdbc.update("INSERT INTO ideal_funnel (run_id, horizon, entity_type, entity_id, stage, stage_order, remaining_target,"
                + " win_rate, reachable, needed_count, needed_amount, actual_count, actual_amount, gap_count, gap_amount)"
                + " VALUES (?, ?, 'TEAM', 'SH', ?, 5, 2000000.00, 0.6000, ?, ?, ?, 5, 2120000.00, ?, ?)", run, horizon, stage,
                needed != null, needed == null ? null : new BigDecimal("9.5"), needed == null ? null : new BigDecimal(needed),
                needed == null ? null : new BigDecimal("4.5"), gap == null ? null : new BigDecimal(gap));
    }

    private void funnelStage(long run, String type, String id, String stage, int order, int count, String amount, String weighted) {
        jdbc.update("INSERT INTO funnel_stage (run_id, entity_type, entity_id, product_line, stage, stage_order, open_count,"
                + " open_amount, weighted_amount, conversion_rate, win_rate, days_in_stage_mean, aging_days_mean, stalled_count,"
                + " slipped_count) VALUES (?, ?, ?, '*', ?, ?, ?, ?, ?, 0.5500, 0.4000, 30.5, 41.0, 1, 0)",
                run, type, id, stage, order, count, new BigDecimal(amount), new BigDecimal(weighted));
    }

    static Date sql(LocalDate date) {
        return Date.valueOf(date);
    }
}
