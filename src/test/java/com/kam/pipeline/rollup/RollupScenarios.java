package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.ingest.IngestService;
import com.kam.pipeline.support.SmallCompany;
import com.kam.pipeline.support.Tables;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rollup on {@link RollupFixture}, every expected value worked out by hand in the comments.
 * Run on H2 and on MariaDB by the subclasses.
 */
@SpringBootTest(properties = "kam.cli.enabled=false")
abstract class RollupScenarios {

    @Autowired
    IngestService ingest;

    @Autowired
    RollupCommand rollup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RollupService rollupService;

    @Autowired
    com.kam.pipeline.report.ReportService reports;

    @Autowired
    KamProperties kam;

    @TempDir
    Path work;

    Path inbox;

    /** A copy of jobs/ per context (under target/), whose appraisal.yml a test may edit; reset before each test. */
    @DynamicPropertySource
    static void jobsCopy(DynamicPropertyRegistry registry) throws java.io.IOException {
        Path copy = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target")),
                "rollup-jobs");
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("jobs"), copy);
        registry.add("kam.jobs", copy::toString);
    }

    @BeforeEach
    void emptyDatabase() throws java.io.IOException {
        java.nio.file.Files.copy(Path.of("jobs", AppraisalSettings.FILE), kam.jobs().resolve(AppraisalSettings.FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Tables.empty(jdbc);
        inbox = work.resolve("inbox");
        try {
            java.nio.file.Files.createDirectories(inbox);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyMeasureOfTheFixtureMatchesTheHandComputedValue() throws Exception {
        RollupFixture.writeAll(inbox);
        night(RollupFixture.LAST_DAY);

        // 王小明, December: orders 7,000 (12-31); 2 visits (12-01 not effective, 12-31 effective with an order)
        Map<String, Object> wang = figures("MONTH", "2026-12-01", "REP", "R001");
        assertMoney(wang, "orders_amount", "7000.00");
        assertMoney(wang, "collections", "20000.00");
        assertMoney(wang, "expenses", "110.00");          // 50 + 60
        assertMoney(wang, "cost_per_visit", "55.00");     // 110 / 2
        assertThat(wang).containsEntry("visits", 2).containsEntry("effective_visits", 1).containsEntry("order_visits", 1);
        assertRate(wang, "effective_visit_rate", "0.5000");
        assertRate(wang, "transaction_rate", "0.5000");
        // planned 杭州第一医院 (visited) and 宁波港务集团 (not)
        assertRate(wang, "plan_adherence", "0.5000");
        assertThat(wang).containsEntry("customers_visited", 2).containsEntry("customers_on_frequency", 0);
        // December has 23 working days; reports on 12-01 (22:30, late, no outcome) and 12-31 (20:59, on time)
        assertThat(wang).containsEntry("reports_due", 23).containsEntry("reports_submitted", 2)
                .containsEntry("reports_on_time", 1).containsEntry("reports_complete", 1);
        assertRate(wang, "report_on_time_rate", "0.0435");   // 1 / 23
        assertRate(wang, "report_submission_rate", "0.0870"); // 2 / 23
        assertRate(wang, "report_completeness", "0.5000");
        assertMoney(wang, "sales_target", "100000.00");
        assertRate(wang, "sales_attainment", "0.0700");
        assertRate(wang, "collection_attainment", "0.2500");
        assertRate(wang, "new_customer_attainment", "0.0000");
        assertRate(wang, "visit_attainment", "0.1000");
        assertMoney(wang, "avg_sales_per_rep_week", "1580.65");  // 7,000 x 7 / 31 rep-days
        assertMoney(wang, "orders_prev_period", "10000.00");
        assertRate(wang, "orders_growth", "-0.3000");
        assertThat(wang.get("complaint_resolution_rate")).isNull();
        assertThat(wang).containsEntry("team_code", "SH").containsEntry("entity_name", "王小明");

        // new customer: 上海电力公司 first ordered on 11-30 from 王小明; 宁波港务集团 on 12-16 from 周晓燕
        assertThat(figures("MONTH", "2026-11-01", "REP", "R001")).containsEntry("new_customers", 1);
        assertThat(wang).containsEntry("new_customers", 0);

        // 周晓燕 moved on 12-16: her month follows her to 杭州, her days before count for 上海
        Map<String, Object> zhou = figures("MONTH", "2026-12-01", "REP", "R002");
        assertThat(zhou).containsEntry("team_code", "HZ");
        assertMoney(zhou, "sales_target", "23000.00");
        assertRate(zhou, "sales_attainment", "0.3043");  // 7,000 / 23,000

        // 上海: 王小明's month and 周晓燕's 1-15 December (11 working days of 23: 11,000 of her target)
        Map<String, Object> shanghai = figures("MONTH", "2026-12-01", "TEAM", "SH");
        assertMoney(shanghai, "orders_amount", "12000.00");    // 7,000 + 5,000
        assertMoney(shanghai, "sales_target", "111000.00");    // 100,000 + 11 x 1,000
        assertRate(shanghai, "sales_attainment", "0.1081");
        assertThat(shanghai).containsEntry("visits", 3).containsEntry("customers_visited", 2).containsEntry("reps", 2)
                .containsEntry("reports_due", 34).containsEntry("reports_submitted", 3).containsEntry("reports_on_time", 2)
                .containsEntry("complaints_received", 2).containsEntry("complaints_resolved", 1).containsEntry("new_customers", 0);
        assertRate(shanghai, "complaint_resolution_rate", "0.5000");
        assertRate(shanghai, "effective_visit_rate", "0.6667");
        assertThat(shanghai).containsEntry("entity_name", "上海办事处").containsEntry("region_code", "EAST");

        // 杭州: 周晓燕 from 12-16 (12 working days: 12,000) and 吴昊 (zero target)
        Map<String, Object> hangzhou = figures("MONTH", "2026-12-01", "TEAM", "HZ");
        assertMoney(hangzhou, "orders_amount", "2000.00");
        assertMoney(hangzhou, "sales_target", "12000.00");
        assertRate(hangzhou, "sales_attainment", "0.1667");
        assertThat(hangzhou).containsEntry("new_customers", 1).containsEntry("reports_due", 35).containsEntry("reports_submitted", 2);

        // 吴昊: no visits and zero targets: the rates are empty, not zero
        Map<String, Object> wu = figures("MONTH", "2026-12-01", "REP", "R003");
        assertThat(wu).containsEntry("visits", 0);
        assertMoney(wu, "sales_target", "0.00");
        for (String rate : List.of("effective_visit_rate", "transaction_rate", "cost_per_visit", "sales_attainment",
                "visits_per_customer", "plan_adherence")) {
            assertThat(wu.get(rate)).as(rate).isNull();
        }

        // the week across the month end belongs to neither month: 11-30 .. 12-06
        Map<String, Object> monthEndWeek = figures("WEEK", "2026-11-30", "COMPANY", "ALL");
        assertThat(monthEndWeek.get("period_end").toString()).isEqualTo("2026-12-06");
        assertMoney(monthEndWeek, "orders_amount", "15000.00");  // 10,000 on 11-30 + 5,000 on 12-01
        assertThat(monthEndWeek).containsEntry("visits", 3);
        // 王小明's target that week: 4 December working days of 100,000 / 23, none for November
        assertMoney(figures("WEEK", "2026-11-30", "REP", "R001"), "sales_target", "17391.30");

        // the week across the year end: 12-28 .. 01-03; 01-01 is a holiday and 01-02 a Saturday
        Map<String, Object> yearEndWeek = figures("WEEK", "2026-12-28", "REP", "R003");
        assertThat(yearEndWeek.get("period_end").toString()).isEqualTo("2027-01-03");
        assertThat(yearEndWeek).containsEntry("reports_due", 4).containsEntry("reports_submitted", 0);
        assertThat(figures("DAY", "2027-01-01", "REP", "R001")).containsEntry("reports_due", 0);
        assertMoney(figures("YEAR", "2026-01-01", "COMPANY", "ALL"), "orders_amount", "24000.00");
        assertMoney(figures("YEAR", "2027-01-01", "COMPANY", "ALL"), "orders_amount", "1000.00");

        // growth against the period before and the same period last year
        Map<String, Object> wangYear = figures("YEAR", "2027-01-01", "REP", "R001");
        assertMoney(wangYear, "orders_last_year", "17000.00");        // 10,000 (11-30) + 7,000 (12-31)
        assertRate(wangYear, "orders_yoy_growth", "-0.9412");         // (1,000 - 17,000) / 17,000
        assertMoney(wangYear, "orders_prev_period", "17000.00");      // a year's previous period is last year
        Map<String, Object> firstQuarter = figures("QUARTER", "2027-01-01", "COMPANY", "ALL");
        assertMoney(firstQuarter, "orders_prev_period", "24000.00");
        assertRate(firstQuarter, "orders_growth", "-0.9583");         // (1,000 - 24,000) / 24,000
        Map<String, Object> wangWeek = figures("WEEK", "2027-01-04", "REP", "R001");
        assertMoney(wangWeek, "orders_prev_period", "7000.00");
        assertRate(wangWeek, "orders_growth", "-0.8571");             // (1,000 - 7,000) / 7,000
        Map<String, Object> fromNothing = figures("WEEK", "2026-12-28", "REP", "R001");
        assertMoney(fromNothing, "orders_prev_period", "0.00");       // the week before: no orders
        assertThat(fromNothing.get("orders_growth")).isNull();        // growth from zero is empty, not infinite

        // month, quarter and year to date as of the run's date: 1,000 of orders on 01-04; no growth,
        // and no visit frequency (set for whole periods only)
        for (String kind : List.of("MTD", "QTD", "YTD")) {
            Map<String, Object> toDate = figures(kind, "2027-01-01", "COMPANY", "ALL");
            assertThat(toDate.get("period_end").toString()).as(kind).isEqualTo("2027-01-05");
            assertMoney(toDate, "orders_amount", "1000.00");
            assertThat(toDate).as(kind).containsEntry("visits", 1).containsEntry("customers_visited", 1)
                    .containsEntry("customers_on_frequency", null).containsEntry("orders_growth", null)
                    .containsEntry("orders_prev_period", null);
        }
        assertThat(figures("MONTH", "2027-01-01", "COMPANY", "ALL").get("customers_on_frequency")).isNotNull();
        assertThat(figures("MTD", "2027-01-01", "REP", "R001")).containsEntry("reps", 1).containsEntry("visits", 1);

        // customer classes: 上海电力公司 is R1 and A, 宁波港务集团 A3 and C
        assertMoney(figures("MONTH", "2026-12-01", "CUSTOMER_CLASS", "R1"), "orders_amount", "12000.00");
        assertMoney(figures("MONTH", "2026-12-01", "ABC_CLASS", "A"), "orders_amount", "12000.00");
        assertThat(figures("MONTH", "2026-12-01", "ABC_CLASS", "C")).containsEntry("new_customers", 1);
        assertMoney(figures("MONTH", "2026-12-01", "SEGMENT", "党政机关"), "orders_amount", "12000.00");
    }

    @Test
    void aRunForAnEarlierDateSumsItsToDateFiguresWithoutTheDaysAfterIt() throws Exception {
        RollupFixture.writeAll(inbox);
        night(RollupFixture.LAST_DAY);
        StringWriter out = new StringWriter();
        // the rep-days of 01-04 and 01-05 stay, so month to date cannot be the month's figures
        assertThat(rollup.run(LocalDate.parse("2027-01-03"), true, false, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();

        for (String kind : List.of("MTD", "QTD", "YTD")) {
            Map<String, Object> toDate = figures(kind, "2027-01-01", "COMPANY", "ALL");
            assertThat(toDate.get("period_end").toString()).as(kind).isEqualTo("2027-01-03");
            assertThat(toDate.get("orders_amount").toString()).as(kind).isEqualTo("0.00");  // the only order is on 01-04
            assertThat(toDate).as(kind).containsEntry("visits", 0);
        }
        assertMoney(figures("MONTH", "2027-01-01", "COMPANY", "ALL"), "orders_amount", "1000.00");
    }

    @Test
    void theAppraisalScoresGradesAndRanksEachRep() throws Exception {
        RollupFixture.writeAll(inbox);
        night(RollupFixture.LAST_DAY);

        // 王小明, December, weights 35/20/15/10/10/10; no complaints, so that item is left out (90 counted):
        // sales 0.07 -> 35 x 0.07 x 100/90 = 2.72; collections 0.25 -> 5.56; new customers 0 -> 0.00;
        // effective visits 0.5/0.6 = 0.8333 -> 9.26; on time 0.0435 -> 0.48; score 18.02, 差
        Map<String, Object> wang = row("SELECT * FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R001'");
        assertThat(new BigDecimal(wang.get("score").toString())).isEqualByComparingTo("18.02");
        assertThat(wang).containsEntry("grade", "差").containsEntry("team_code", "SH").containsEntry("rank_in_team", 1);
        assertThat(new BigDecimal(row("SELECT points FROM appraisal_item WHERE month_start = '2026-12-01' AND rep_id = 'R001'"
                + " AND item = 'effective_visit_rate'").get("points").toString())).isEqualByComparingTo("9.26");
        assertThat(row("SELECT points FROM appraisal_item WHERE month_start = '2026-12-01' AND rep_id = 'R001'"
                + " AND item = 'complaint_resolution_rate'").get("points")).isNull();
        // the weight each item was scored with, for the scorecard: 10 x 100/90 = 11.11; none for the item left out;
        // and the points' total before the cap of 100, here the score itself
        assertThat(new BigDecimal(row("SELECT applied_weight FROM appraisal_item WHERE month_start = '2026-12-01'"
                + " AND rep_id = 'R001' AND item = 'effective_visit_rate'").get("applied_weight").toString())).isEqualByComparingTo("11.11");
        assertThat(row("SELECT applied_weight FROM appraisal_item WHERE month_start = '2026-12-01' AND rep_id = 'R001'"
                + " AND item = 'complaint_resolution_rate'").get("applied_weight")).isNull();
        assertThat(new BigDecimal(wang.get("points_total").toString())).isEqualByComparingTo("18.02");
        // each item keeps the label appraisal.yml gave it, for the scorecard
        assertThat(row("SELECT label FROM appraisal_item WHERE month_start = '2026-12-01' AND rep_id = 'R001'"
                + " AND item = 'sales'")).containsEntry("label", "销售额达成 | Sales attainment");

        // 杭州 at month end: 周晓燕 and 吴昊. 吴昊 counts only on timeliness (1 of 23 on time):
        // 0.0435 -> 10 x 0.0435 x 100/10 = 4.35
        Map<String, Object> wu = row("SELECT * FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R003'");
        assertThat(new BigDecimal(wu.get("score").toString())).isEqualByComparingTo("4.35");
        // 周晓燕: sales 0.3043 x 35 = 10.65 of the counted 35 + 10 + 10 (+10 complaints: 1 of 2 resolved) = 65 ->
        // sales 35 x 0.3043 x 100/65 = 16.39; effective 2/2 = 1.0 -> capped at 1 -> 10 x 1 x 100/65 = 15.38;
        // on time 2 of 23 = 0.0870 -> 1.34; complaints 0.5 -> 7.69; score 40.80
        Map<String, Object> zhou = row("SELECT * FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R002'");
        assertThat(new BigDecimal(zhou.get("score").toString())).isEqualByComparingTo("40.80");
        assertThat(zhou).containsEntry("rank_in_team", 1).containsEntry("team_size", 2);
        assertThat(wu).containsEntry("rank_in_team", 2).containsEntry("grade", "差");
    }

    @Test
    void complaintResolutionTimeIsFirstInFirstOutPerRepAndAveragedOverTheResolutionsTimed() throws Exception {
        RollupFixture.writeMasterData(inbox);
        // the week of Monday 2026-12-07, both reps in 上海:
        // 王小明 receives 2 on Monday and resolves 1 that day (0 days) and 1 on Thursday (3 days)
        RollupFixture.report(inbox, "2026-12-07", visit("R001", "2026-12-07", 2, 1));
        RollupFixture.report(inbox, "2026-12-10", visit("R001", "2026-12-10", 0, 1));
        // 周晓燕 resolves 1 on Tuesday with nothing on record (resolution 1: not timed), receives 2 on
        // Wednesday (complaint 1 is the one resolution 1 took) and resolves 1 on Friday: resolution 2,
        // complaint 2 of Wednesday, 2 days
        RollupFixture.report(inbox, "2026-12-08", visit("R002", "2026-12-08", 0, 1));
        RollupFixture.report(inbox, "2026-12-09", visit("R002", "2026-12-09", 2, 0));
        RollupFixture.report(inbox, "2026-12-11", visit("R002", "2026-12-11", 0, 1));
        night(LocalDate.of(2026, 12, 11));

        Map<String, Object> wang = figures("WEEK", "2026-12-07", "REP", "R001");
        assertThat(wang).containsEntry("complaints_received", 2).containsEntry("complaints_resolved", 2);
        assertMoney(wang, "complaint_resolution_days", "1.50");    // (0 + 3) / 2
        assertMoney(figures("DAY", "2026-12-07", "REP", "R001"), "complaint_resolution_days", "0.00");
        assertMoney(figures("DAY", "2026-12-10", "REP", "R001"), "complaint_resolution_days", "3.00");
        assertMoney(figures("MONTH", "2026-12-01", "REP", "R001"), "complaint_resolution_days", "1.50");
        assertMoney(figures("QUARTER", "2026-10-01", "REP", "R001"), "complaint_resolution_days", "1.50");
        assertThat(row("SELECT complaint_days, complaints_timed FROM rollup_rep_day WHERE work_date = '2026-12-10'"
                + " AND rep_id = 'R001'")).containsEntry("complaint_days", 3).containsEntry("complaints_timed", 1);

        // the untimed resolution counts as resolved; a day whose resolutions are none of them timed has no time
        Map<String, Object> zhouTuesday = figures("DAY", "2026-12-08", "REP", "R002");
        assertThat(zhouTuesday).containsEntry("complaints_resolved", 1).containsEntry("complaint_resolution_days", null);
        Map<String, Object> zhou = figures("WEEK", "2026-12-07", "REP", "R002");
        assertThat(zhou).containsEntry("complaints_received", 2).containsEntry("complaints_resolved", 2);
        assertMoney(zhou, "complaint_resolution_days", "2.00");     // only Friday's is timed
        assertThat(figures("WEEK", "2026-12-07", "REP", "R003")).containsEntry("complaint_resolution_days", null);

        // the team over its reps' resolutions timed: (0 + 3 + 2) / 3, not the mean of 1.50 and 2.00
        for (String[] level : List.of(new String[] {"TEAM", "SH"}, new String[] {"REGION", "EAST"},
                new String[] {"COMPANY", "ALL"})) {
            assertMoney(figures("WEEK", "2026-12-07", level[0], level[1]), "complaint_resolution_days", "1.67");
            assertMoney(figures("MONTH", "2026-12-01", level[0], level[1]), "complaint_resolution_days", "1.67");
            assertMoney(figures("YEAR", "2026-01-01", level[0], level[1]), "complaint_resolution_days", "1.67");
        }
        assertMoney(figures("MTD", "2026-12-01", "COMPANY", "ALL"), "complaint_resolution_days", "1.67");
        assertThat(figures("WEEK", "2026-12-07", "TEAM", "HZ")).containsEntry("complaint_resolution_days", null);
        // customer classes carry no complaint figures
        assertThat(figures("WEEK", "2026-12-07", "ABC_CLASS", "A")).containsEntry("complaints_resolved", null)
                .containsEntry("complaint_resolution_days", null);
    }

    @Test
    void theResolutionRateIsTheShareResolvedOfTheComplaintsResolvedOrStillOpen() throws Exception {
        RollupFixture.writeMasterData(inbox);
        // 吴昊 is away from 12-06 to 12-20
        SmallCompany.write(inbox.resolve("org.csv"), RollupFixture.ORG.replace(
                "R003,吴昊,REP,wu@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2025-01-01,\n",
                "R003,吴昊,REP,wu@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2025-01-01,2026-12-05\n"
                        + "R003,吴昊,REP,wu@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2026-12-21,\n"),
                StandardCharsets.UTF_8, true);
        // 王小明 receives 3 and resolves 1 on Monday 11-30 (2 open), receives 1 and resolves 2 on 12-02 (1 open)
        RollupFixture.report(inbox, "2026-11-30", visit("R001", "2026-11-30", 3, 1));
        night(LocalDate.of(2026, 11, 30));
        RollupFixture.report(inbox, "2026-12-02", visit("R001", "2026-12-02", 1, 2));
        night(LocalDate.of(2026, 12, 2));
        // 吴昊 receives 2 on 12-03, before he is away
        RollupFixture.report(inbox, "2026-12-03", visit("R003", "2026-12-03", 2, 0));
        night(LocalDate.of(2026, 12, 3));
        // 周晓燕 receives 2 on 12-10 in 上海, moves to 杭州 on 12-16 and resolves 1 there on 12-17
        RollupFixture.report(inbox, "2026-12-10", visit("R002", "2026-12-10", 2, 0));
        night(LocalDate.of(2026, 12, 10));
        RollupFixture.report(inbox, "2026-12-17", visit("R002", "2026-12-17", 0, 1));
        night(LocalDate.of(2026, 12, 17));
        assertThat(figures("DAY", "2026-12-16", "REP", "R002")).containsEntry("complaints_open", 2);
        // late: her report of 12-09, one more complaint received: 3 open from 12-10 on, 2 from 12-17
        RollupFixture.report(inbox, "2026-12-09", visit("R002", "2026-12-09", 1, 0));
        night(LocalDate.of(2026, 12, 31));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");

        // 王小明, December: 2 open on 12-01 + 1 received; 2 resolved, 1 still open: 2 / (2 + 1)
        // (resolved / received would be 200 %)
        Map<String, Object> wang = figures("MONTH", "2026-12-01", "REP", "R001");
        assertThat(wang).containsEntry("complaints_open", 1).containsEntry("complaints_received", 1)
                .containsEntry("complaints_resolved", 2);
        assertRate(wang, "complaint_resolution_rate", "0.6667");
        assertRate(figures("MONTH", "2026-11-01", "REP", "R001"), "complaint_resolution_rate", "0.3333");  // 1 / (1 + 2)
        assertRate(figures("WEEK", "2026-11-30", "REP", "R001"), "complaint_resolution_rate", "0.7500");   // 3 / (3 + 1)
        // a day with complaints open and none resolved: 0, not empty
        Map<String, Object> wangDay = figures("DAY", "2026-12-01", "REP", "R001");
        assertThat(wangDay).containsEntry("complaints_open", 2).containsEntry("complaints_received", 0);
        assertRate(wangDay, "complaint_resolution_rate", "0.0000");
        assertThat(row("SELECT complaints_open FROM rollup_rep_day WHERE work_date = '2026-12-31' AND rep_id = 'R001'"))
                .containsEntry("complaints_open", 1);
        // no complaints on record, none open: empty
        assertThat(figures("MONTH", "2026-11-01", "REP", "R003")).containsEntry("complaints_open", 0)
                .containsEntry("complaint_resolution_rate", null);
        // 吴昊 comes back on 12-21 with the 2 he left open (that night started from 12-09, when he was away)
        assertThat(figures("DAY", "2026-12-21", "REP", "R003")).containsEntry("complaints_open", 2);
        assertRate(figures("MONTH", "2026-12-01", "REP", "R003"), "complaint_resolution_rate", "0.0000");

        // 周晓燕: 3 received, 1 resolved, 2 still open; the late report reached her later days
        assertRate(figures("MONTH", "2026-12-01", "REP", "R002"), "complaint_resolution_rate", "0.3333");
        assertThat(figures("DAY", "2026-12-16", "REP", "R002")).containsEntry("complaints_open", 3);
        // 上海: 王小明's 2 resolved and 1 open; 周晓燕 left with 3 open on 12-15, which count as not resolved here
        Map<String, Object> shanghai = figures("MONTH", "2026-12-01", "TEAM", "SH");
        assertThat(shanghai).containsEntry("complaints_open", 4).containsEntry("complaints_received", 4);
        assertRate(shanghai, "complaint_resolution_rate", "0.3333");  // 2 / (2 + 4)
        // 杭州: 周晓燕 resolves 1 of those she brought and leaves 2 open; 吴昊 leaves his 2 open: 1 / (1 + 4)
        Map<String, Object> hangzhou = figures("MONTH", "2026-12-01", "TEAM", "HZ");
        assertThat(hangzhou).containsEntry("complaints_open", 4).containsEntry("complaints_received", 2);
        assertRate(hangzhou, "complaint_resolution_rate", "0.2000");
        // the company counts each rep's open complaints once, at the rep's last day: 王小明 1, 周晓燕 2, 吴昊 2
        for (String[] level : List.of(new String[] {"REGION", "EAST"}, new String[] {"COMPANY", "ALL"})) {
            Map<String, Object> all = figures("MONTH", "2026-12-01", level[0], level[1]);
            assertThat(all).containsEntry("complaints_open", 5).containsEntry("complaints_resolved", 3);
            assertRate(all, "complaint_resolution_rate", "0.3750");  // 3 / (3 + 5)
        }
        assertRate(figures("QUARTER", "2026-10-01", "COMPANY", "ALL"), "complaint_resolution_rate", "0.4444");  // 4 / (4 + 5)
        assertRate(figures("MTD", "2026-12-01", "TEAM", "HZ"), "complaint_resolution_rate", "0.2000");
        assertThat(figures("MONTH", "2026-12-01", "ABC_CLASS", "A")).containsEntry("complaints_open", null);

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "rollup_complaint_day",
                "rollup_rep_sum", "appraisal", "appraisal_item");
    }

    @Test
    void aComplaintResolvedMoreThanAMonthAfterTheRepsLastComplaintDayIsTimedFromTheDayItCame() throws Exception {
        nightsUpToDecember16();
        assertThat(figures("DAY", "2026-12-16", "REP", "R002")).containsEntry("complaints_open", 1);

        // 周晓燕's complaint left open on 12-01 is resolved on 01-04, 34 days later: her last complaint day is
        // further back than the month the night of the 4th looks in first
        night(LocalDate.of(2027, 1, 3));
        RollupFixture.report(inbox, "2027-01-04", "R002,2027-01-04,C003,10:00,服务,,是,,,,20,2027-01-04 18:00:00,出勤,0,1,,,\n");
        night(LocalDate.of(2027, 1, 4));
        assertThat(figures("DAY", "2027-01-04", "REP", "R002")).containsEntry("complaints_resolved", 1)
                .containsEntry("complaints_open", 0);
        assertThat((BigDecimal) figures("DAY", "2027-01-04", "REP", "R002").get("complaint_resolution_days"))
                .isEqualByComparingTo("34");

        assertAFullRecomputeStoresTheSame(LocalDate.of(2027, 1, 4), "rollup", "rollup_rep_day", "rollup_complaint_day");
    }

    @Test
    void aRepWhoLeavesATeamAndComesBackCountsTheComplaintsBroughtBackAsTheTeamsToResolve() throws Exception {
        RollupFixture.writeMasterData(inbox);
        // 周晓燕 is in 杭州 from 12-11 to 12-20 only, then back in 上海
        SmallCompany.write(inbox.resolve("org.csv"), RollupFixture.ORG
                .replace("华东区,2025-01-01,2026-12-15\n", "华东区,2025-01-01,2026-12-10\n")
                .replace("杭州办事处,EAST,华东区,2026-12-16,\n", "杭州办事处,EAST,华东区,2026-12-11,2026-12-20\n"
                        + "R002,周晓燕,REP,zhou@example.com,zh,L001,SH,上海办事处,EAST,华东区,2026-12-21,\n"),
                StandardCharsets.UTF_8, true);
        // 王小明 receives 2 in 上海; 周晓燕 receives 4 while in 杭州 and resolves them back in 上海
        RollupFixture.report(inbox, "2026-12-02", visit("R001", "2026-12-02", 2, 0));
        RollupFixture.report(inbox, "2026-12-15", visit("R002", "2026-12-15", 4, 0));
        night(LocalDate.of(2026, 12, 16));
        RollupFixture.report(inbox, "2026-12-22", visit("R002", "2026-12-22", 0, 4));
        night(LocalDate.of(2026, 12, 31));

        // 上海: 4 resolved; 王小明's 2 still open, 周晓燕 none at the month's end: 4 / (4 + 2), not 4 resolved of 2 received
        Map<String, Object> shanghai = figures("MONTH", "2026-12-01", "TEAM", "SH");
        assertThat(shanghai).containsEntry("complaints_received", 2).containsEntry("complaints_resolved", 4)
                .containsEntry("complaints_open", 2);
        assertRate(shanghai, "complaint_resolution_rate", "0.6667");
        // 杭州: the 4 she received there were open when she left on 12-20
        Map<String, Object> hangzhou = figures("MONTH", "2026-12-01", "TEAM", "HZ");
        assertThat(hangzhou).containsEntry("complaints_received", 4).containsEntry("complaints_open", 4);
        assertRate(hangzhou, "complaint_resolution_rate", "0.0000");
        assertRate(figures("MONTH", "2026-12-01", "REP", "R002"), "complaint_resolution_rate", "1.0000");
        assertRate(figures("MONTH", "2026-12-01", "COMPANY", "ALL"), "complaint_resolution_rate", "0.6667");
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "rollup_rep_sum");
    }

    @Test
    void aMigrationThatChangesWhatTheFiguresHoldMakesTheNextNightRecomputeEverything() throws Exception {
        RollupFixture.writeMasterData(inbox);
        report("2026-11-30");
        night(LocalDate.of(2026, 11, 30));
        // what V21 does to the runs of a database rolled up before it
        jdbc.update("UPDATE rollup_run SET master_load_id = -1");
        // a run for a date before any report recomputes nothing, and so leaves that as it is
        fullRollup(LocalDate.of(2026, 10, 15));
        report("2026-12-01");
        night(LocalDate.of(2026, 12, 1));
        assertThat(row("SELECT mode, reason FROM rollup_run ORDER BY id DESC LIMIT 1")).containsEntry("mode", "FULL")
                .containsEntry("reason", "an upgrade changed what the figures hold");
    }

    @Test
    void customerRowsARefusedFileKeptBeforeItsBreakMakeTheNextNightRecomputeEverything() throws Exception {
        RollupFixture.writeMasterData(inbox);
        report("2026-11-30");
        night(LocalDate.of(2026, 11, 30));
        // C001 moves to the 金融 segment on the first line; a quote never closed on the next ends the reading
        SmallCompany.write(inbox.resolve("customers.csv"), RollupFixture.CUSTOMERS.replace("C001,上海电力公司,党政机关",
                "C001,上海电力公司,金融").replace("C002,杭州第一医院", "C002,\"杭州第一医院"), StandardCharsets.UTF_8, false);
        report("2026-12-01");
        night(LocalDate.of(2026, 12, 1));
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_load WHERE kind = 'customer' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("REFUSED");
        assertThat(row("SELECT mode, reason FROM rollup_run ORDER BY id DESC LIMIT 1")).containsEntry("mode", "FULL")
                .containsEntry("reason", "new customer data: the class or segment of 1 customer(s) changed or they left the"
                        + " customer data (C001)");
        assertThat(jdbc.queryForObject("SELECT segment FROM customer WHERE customer_id = 'C001'", String.class)).isEqualTo("金融");
    }

    @Test
    void masterDataThatChangesNothingTheFiguresAreBuiltFromLeavesTheNightIncremental() throws Exception {
        RollupFixture.writeMasterData(inbox);
        report("2026-11-30");
        night(LocalDate.of(2026, 11, 30));
        // a new customer, another owner for C003, another e-mail address for R001: no figure is built from those
        String customers = RollupFixture.CUSTOMERS.replace("C003,宁波港务集团,大型企业,EAST,200000,5%,R001",
                "C003,宁波港务集团,大型企业,EAST,200000,5%,R002") + "C004,苏州工业园区管委会,党政机关,EAST,900000,10%,R001\n";
        SmallCompany.write(inbox.resolve("customers.csv"), customers, StandardCharsets.UTF_8, false);
        SmallCompany.write(inbox.resolve("org.csv"), RollupFixture.ORG.replace("wang@example.com", "wang.xm@example.com"),
                StandardCharsets.UTF_8, true);
        report("2026-12-01");
        night(LocalDate.of(2026, 12, 1));
        assertThat(jdbc.queryForList("SELECT kind, status FROM ingest_load WHERE kind IN ('org', 'customer') ORDER BY id DESC"
                + " LIMIT 2")).allSatisfy(load -> assertThat(load.get("status")).isEqualTo("LOADED"));
        assertThat(jdbc.queryForObject("SELECT owner_id FROM customer WHERE customer_id = 'C003'", String.class)).isEqualTo("R002");
        assertThat(row("SELECT mode, reason FROM rollup_run ORDER BY id DESC LIMIT 1")).containsEntry("mode", "INCREMENTAL");
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 1), "rollup", "rollup_rep_day", "rollup_rep_sum",
                "rollup_visit_sum", "appraisal");

        // a rep's new name is in the rows: everything again
        SmallCompany.write(inbox.resolve("org.csv"), RollupFixture.ORG.replace("R001,王小明", "R001,王晓明"),
                StandardCharsets.UTF_8, true);
        report("2026-12-02");
        night(LocalDate.of(2026, 12, 2));
        assertThat(row("SELECT mode, reason FROM rollup_run ORDER BY id DESC LIMIT 1")).containsEntry("mode", "FULL")
                .containsEntry("reason", "new organisation data");
        assertThat(figures("MONTH", "2026-12-01", "REP", "R001")).containsEntry("entity_name", "王晓明");
    }

    @Test
    void aTeamLeadsComplaintsDoNotMakeANightRecomputeEveryLaterDay() throws Exception {
        RollupFixture.writeMasterData(inbox);
        // 孙主管, a team lead, reports a complaint on 12-02; leads have no rep-days
        String lead = visit("L001", "2026-12-02", 1, 0);
        RollupFixture.report(inbox, "2026-12-02", lead);
        night(LocalDate.of(2026, 12, 10));
        // the export of 12-02 sent again with 王小明's report of that day added: the 2nd and the night's own day
        RollupFixture.report(inbox, "2026-12-02", lead + visit("R001", "2026-12-02", 0, 0));
        night(LocalDate.of(2026, 12, 11));
        assertThat(lastRun()).isEqualTo("INCREMENTAL from 2026-12-02, 2 dates");
    }


    @Test
    void aNewCustomersFirstOrderTakenByATeamLeadCountsForNoRepNorCustomerClass() throws Exception {
        RollupFixture.writeMasterData(inbox);
        report("2026-11-30");
        night(LocalDate.of(2026, 12, 1));
        // 李主管, a team lead, takes 宁波港务集团's first order on 12-03; 周晓燕's order of 12-16 is then not new
        RollupFixture.report(inbox, "2026-12-03",
                "L002,2026-12-03,C003,10:00,订货,首单,是,2000,400,0,30,2026-12-03 19:00:00,出勤,0,0,,,\n");
        report("2026-12-16");
        night(LocalDate.of(2026, 12, 16));
        night(LocalDate.of(2026, 12, 17));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        for (String type : List.of("MONTH", "QUARTER", "YEAR")) {
            String start = type.equals("MONTH") ? "2026-12-01" : type.equals("QUARTER") ? "2026-10-01" : "2026-01-01";
            assertThat(figures(type, start, "ABC_CLASS", "C")).as(type).containsEntry("new_customers", 0);
            // the company's one is 上海电力公司, 王小明's of 11-30
            assertThat(figures(type, start, "COMPANY", "ALL")).as(type)
                    .containsEntry("new_customers", type.equals("MONTH") ? 0 : 1);
        }
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 17), "rollup");
    }
    @Test
    void aLateReportNamesTheReportsOtherNightsRenderedFromTheFiguresItChanged() throws Exception {
        RollupFixture.writeAll(inbox);
        night(LocalDate.of(2026, 12, 31));
        // December's scorecards of 王小明, rendered and mailed on the night of 12-31, and the digests of 12-09 and 12-20
        for (String[] r : new String[][] {{"SCORECARD", "2026-12-01", "2026-12-31", "zh"}, {"SCORECARD", "2026-12-01", "2026-12-31", "en"},
                {"DIGEST", "2026-12-09", "2026-12-09", "zh"}, {"DIGEST", "2026-12-20", "2026-12-20", "zh"}}) {
            jdbc.update("INSERT INTO report_archive (report_type, entity_type, entity_id, period_start, period_end, language, as_of,"
                    + " business_date, file_path, sha256, bytes, pages, created_at) VALUES (?, 'REP', 'R001', ?, ?, ?, ?, ?, 'x.pdf',"
                    + " 'x', 1, 1, CURRENT_TIMESTAMP)", r[0], LocalDate.parse(r[1]), LocalDate.parse(r[2]), r[3],
                    LocalDate.parse(r[2]), LocalDate.parse(r[2]));
        }
        // 王小明's report of 12-10 arrives late, on the night of 2027-01-02
        RollupFixture.report(inbox, "2026-12-10",
                "R001,2026-12-10,C003,10:00,订货,首单,是,3000,600,0,25,2026-12-30 09:00:00,出勤,0,0,,,\n");
        assertThat(ingest.ingest(LocalDate.of(2027, 1, 2), false, inbox, work.resolve("out")).succeeded()).isTrue();
        StringWriter out = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2027, 1, 2), false, false, new PrintWriter(out), new PrintWriter(out))).isZero();

        assertThat(out.toString()).contains("reports rendered on other nights from figures this run changed;")
                .contains("    SCORECARD 2026-12-01..2026-12-31 (2 PDF(s) of the night of 2026-12-31)")
                .doesNotContain("DIGEST");
        // a night with only its own new day names none
        StringWriter next = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2027, 1, 3), false, false, new PrintWriter(next), new PrintWriter(next))).isZero();
        assertThat(next.toString()).doesNotContain("reports rendered on other nights");
    }

    /** A day's report of one service visit to 上海电力公司 with the day's complaint counts. */
    static String visit(String rep, String date, int received, int resolved) {
        return rep + "," + date + ",C001,10:00,服务,回访,是,,,,30," + date + " 19:00:00,出勤," + received + "," + resolved
                + ",,,\n";
    }

    @Test
    void nightAfterNightWithLateAndCorrectedDataEqualsAFullRecompute() throws Exception {
        RollupFixture.writeMasterData(inbox);
        report("2026-11-30");
        night(LocalDate.of(2026, 11, 30));
        report("2026-12-01");
        RollupFixture.plan(inbox);
        night(LocalDate.of(2026, 12, 1));
        report("2026-12-02");
        night(LocalDate.of(2026, 12, 2));
        report("2026-12-16");
        night(LocalDate.of(2026, 12, 16));
        assertThat(figures("MONTH", "2026-12-01", "TEAM", "HZ")).containsEntry("new_customers", 1);

        // late: 王小明 sold to 宁波港务集团 on 12-10, so it is his new customer, and 周晓燕's order of 12-16 is not
        report("2026-12-31");
        // late too: 周晓燕 resolves a complaint on 12-17, the second of the two she received on 12-01: 16 days
        RollupFixture.report(inbox, "2026-12-17", visit("R002", "2026-12-17", 0, 1));
        RollupFixture.report(inbox, "2026-12-10",
                "R001,2026-12-10,C003,10:00,订货,首单,是,3000,600,0,25,2026-12-30 09:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 31));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertThat(figures("MONTH", "2026-12-01", "TEAM", "HZ")).containsEntry("new_customers", 0);
        assertThat(figures("MONTH", "2026-12-01", "REP", "R001")).containsEntry("new_customers", 1);
        assertMoney(figures("DAY", "2026-12-17", "REP", "R002"), "complaint_resolution_days", "16.00");

        // corrected: the report of 12-01 again, 周晓燕's order now 5,500 and 王小明's visit with its outcome;
        // 周晓燕 received 1 complaint that day, not 2, so her resolution of 12-17 has none on record
        report("2027-01-02");
        RollupFixture.report(inbox, "2026-12-01", "R001,2026-12-01,C002,10:00,服务,了解需求,否,,,,50,2026-12-01 22:30:00,出勤,0,0,,,\n"
                + "R002,2026-12-01,C001,14:00,订货,追加订单,是,5500,1000,3000,80,2026-12-01 18:00:00,出勤,1,1,华为降价10%,,\n");
        night(LocalDate.of(2027, 1, 2));
        assertMoney(figures("WEEK", "2026-11-30", "COMPANY", "ALL"), "orders_amount", "15500.00");
        assertThat(figures("DAY", "2026-12-17", "REP", "R002")).containsEntry("complaints_resolved", 1)
                .containsEntry("complaint_resolution_days", null);

        // corrected targets for December, then the last night
        report("2027-01-04");
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2026_revised.xlsx"), "月度目标", new Object[][] {
                {"R001", "2026-12", 120000, 20000, 80000, 1, 20}});
        night(LocalDate.of(2027, 1, 5));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertMoney(figures("MONTH", "2026-12-01", "REP", "R001"), "sales_target", "120000.00");

        List<String> tables = List.of("rollup", "rollup_rep_day", "rollup_complaint_day", "customer_order_day", "customer_new_day",
                "rollup_visit_sum", "rollup_rep_sum",
                "appraisal", "appraisal_item",
                "rollup_warning", "next_week_target");
        List<String> incremental = Tables.dump(jdbc, tables);
        List<Map<String, Object>> abnormal = jdbc.queryForList("SELECT * FROM abnormal_customer WHERE week_start = '2027-01-04'"
                + " ORDER BY customer_id, reason_code");
        fullRollup(RollupFixture.LAST_DAY);
        assertThat(lastRunMode()).isEqualTo("FULL");
        assertThat(Tables.dump(jdbc, tables)).isEqualTo(incremental);
        assertThat(jdbc.queryForList("SELECT * FROM abnormal_customer WHERE week_start = '2027-01-04'"
                + " ORDER BY customer_id, reason_code")).isEqualTo(abnormal);
    }

    @Test
    void aMonthsReportFileSentAgainRecomputesOnlyTheDatesWhoseRowsChanged() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        // the CRM exports December's reports so far as one file, and sends it again with the days since
        Path december = inbox.resolve("daily_reports_2026-12.csv");
        SmallCompany.write(december, RollupFixture.HEADER + lines("2026-12-01") + lines("2026-12-02"), StandardCharsets.UTF_8,
                false);
        night(LocalDate.of(2026, 12, 2));
        assertThat(lastRunMode()).isEqualTo("FULL");

        SmallCompany.write(december, RollupFixture.HEADER + lines("2026-12-01") + lines("2026-12-02") + lines("2026-12-16"),
                StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 16));
        // the 1st and 2nd are as loaded before: only the days since the last night are recomputed
        assertThat(requestedTonight()).containsExactly("2026-12-16 new rows");
        assertThat(lastRun()).isEqualTo("INCREMENTAL from 2026-12-03, 14 dates");

        // sent again with 周晓燕's order of the 1st corrected to 5,500, and its lines in another order
        String corrected = lines("2026-12-01").replace(",5000,1000,", ",5500,1000,");
        SmallCompany.write(december, RollupFixture.HEADER + lines("2026-12-31") + lines("2026-12-16") + lines("2026-12-02")
                + corrected, StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 31));
        assertThat(requestedTonight()).containsExactly("2026-12-01 replaced 2 rows of earlier loads", "2026-12-31 new rows");
        assertThat(lastRun()).isEqualTo("INCREMENTAL from 2026-12-01, 16 dates");
        assertMoney(figures("MONTH", "2026-12-01", "COMPANY", "ALL"), "orders_amount", "14500.00");

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "rollup_complaint_day",
                "customer_order_day", "customer_new_day", "rollup_visit_sum", "rollup_rep_sum", "appraisal", "appraisal_item");
    }

    @Test
    void aCorrectedReportThatChangesOnlyWhichCustomerWasVisitedChangesTheMonthStartedFromItsKeptSums() throws Exception {
        nightsUpToDecember16();
        assertThat(figures("MONTH", "2026-12-01", "ABC_CLASS", "B")).containsEntry("visits", 1);

        // 王小明's visit of 12-01 was to 宁波港务集团 (C), not 杭州第一医院 (B): his day's totals stay as
        // they were, only the customer changes; December's other reps start from their kept sums
        report("2026-12-31");
        RollupFixture.report(inbox, "2026-12-01", "R001,2026-12-01,C003,10:00,服务,,否,,,,50,2026-12-01 22:30:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 31));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertThat(decemberRows("ABC_CLASS", "B")).isZero();
        assertThat(figures("MONTH", "2026-12-01", "ABC_CLASS", "C")).containsEntry("visits", 2)
                .containsEntry("customers_visited", 1);
        assertThat(figures("MONTH", "2026-12-01", "REP", "R001")).containsEntry("visits", 2)
                .containsEntry("customers_visited", 2);

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "rollup_visit_sum",
                "rollup_rep_sum");
    }

    @Test
    void anOrderTakenBackMakesTheCustomersNextOrderANewCustomersAgain() throws Exception {
        RollupFixture.writeMasterData(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02")) {
            report(date);
        }
        // 王小明 takes 宁波港务集团's first order on 12-10, so 周晓燕's order of 12-16 is no new customer's
        RollupFixture.report(inbox, "2026-12-10", "R001,2026-12-10,C003,10:00,订货,首单,是,3000,600,0,25,2026-12-10 19:00:00,出勤,0,0,,,\n");
        report("2026-12-16");
        night(LocalDate.of(2026, 12, 16));
        assertThat(figures("MONTH", "2026-12-01", "REP", "R001")).containsEntry("new_customers", 1);
        assertThat(figures("MONTH", "2026-12-01", "REP", "R002")).containsEntry("new_customers", 0);

        // corrected: the visit of 12-10 took no order after all, so the first order is 周晓燕's of 12-16
        report("2026-12-31");
        RollupFixture.report(inbox, "2026-12-10", "R001,2026-12-10,C003,10:00,服务,未下单,是,,,,25,2026-12-10 19:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 31));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertThat(figures("MONTH", "2026-12-01", "REP", "R001")).containsEntry("new_customers", 0);
        assertThat(figures("MONTH", "2026-12-01", "REP", "R002")).containsEntry("new_customers", 1);
        assertThat(figures("DAY", "2026-12-16", "REP", "R002")).containsEntry("new_customers", 1);

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "customer_order_day",
                "customer_new_day", "rollup_visit_sum", "rollup_rep_sum");
    }

    @Test
    void aCorrectionWhoseRowsAreSentAgainUnchangedBeforeTheRollupRunsStillChangesTheMonth() throws Exception {
        nightsUpToDecember16();

        // 王小明's visit of 12-01 was to 宁波港务集团, not 杭州第一医院 (his day's totals stay); loaded on a night
        // whose rollup did not run
        String corrected = "R001,2026-12-01,C003,10:00,服务,,否,,,,50,2026-12-01 22:30:00,出勤,0,0,,,\n";
        RollupFixture.report(inbox, "2026-12-01", corrected);
        assertThat(ingest.ingest(LocalDate.of(2026, 12, 17), false, inbox, work.resolve("out")).succeeded()).isTrue();
        // the next night the month's export has the same lines of the 1st: they replace the correction's rows
        // unchanged, so only the correction's load has a request for the 1st, and none of its rows is left
        SmallCompany.write(inbox.resolve("daily_reports_2026-12.csv"), RollupFixture.HEADER + corrected + lines("2026-12-16"),
                StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 18));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertThat(decemberRows("ABC_CLASS", "B")).isZero();

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 18), "rollup", "rollup_rep_day", "rollup_visit_sum",
                "rollup_rep_sum");
    }

    @Test
    void aLateReportForAMonthBeforeTheFirstRolledUpRecomputesEverythingWithThatWholeMonth() throws Exception {
        nightsUpToDecember16();

        // an October report found late: October's every working day is due, not only the 15th
        report("2026-12-31");
        RollupFixture.report(inbox, "2026-10-15", "R003,2026-10-15,,,,,,,,,,2026-10-15 19:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 31));
        assertThat(jdbc.queryForObject("SELECT CONCAT(mode, ' ', reason) FROM rollup_run ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("FULL reports or plans came for 2026-10, before the first month rolled up (2026-11)");
        int workingDays = jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day WHERE cal_date BETWEEN '2026-10-01'"
                + " AND '2026-10-31' AND working_day = TRUE", Integer.class);
        assertThat(figures("MONTH", "2026-10-01", "REP", "R003")).containsEntry("reports_due", workingDays)
                .containsEntry("reports_submitted", 1);
    }

    @Test
    void theFirstReportsAfterARunWithNoneRollUpTheirWholeFirstMonth() throws Exception {
        // the first night has the master data only: nothing is rolled up
        RollupFixture.writeMasterData(inbox);
        night(LocalDate.of(2026, 12, 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rollup_rep_day", Integer.class)).isZero();

        // the reports start the next night, the first for 11-30: every day of November has its rep-days
        report("2026-11-30");
        report("2026-12-02");
        night(LocalDate.of(2026, 12, 2));
        assertThat(jdbc.queryForObject("SELECT CONCAT(mode, ' ', reason) FROM rollup_run ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("FULL reports or plans came for 2026-11, before the first month rolled up (none yet)");
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 2), "rollup", "rollup_rep_day", "rollup_rep_sum");
    }

    @Test
    void aNightRunAgainForAnEarlierDateRecomputesTheLaterDaysItsRowsChange() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-16")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 16));
        assertThat(figures("DAY", "2026-12-16", "REP", "R002")).containsEntry("complaints_open", 1);

        // the night of the 1st run again after its file was corrected: 周晓燕 received 3 complaints, not 2,
        // so on every later day she has 2 open, not 1
        RollupFixture.report(inbox, "2026-12-01", lines("2026-12-01").replace(",出勤,2,1,", ",出勤,3,1,"));
        night(LocalDate.of(2026, 12, 1));
        assertThat(figures("DAY", "2026-12-16", "REP", "R002")).containsEntry("complaints_open", 2);
        assertThat(figures("MONTH", "2026-12-01", "REP", "R002")).containsEntry("complaints_received", 3)
                .containsEntry("complaints_open", 2);

        // every figure but those as of the run's date (to-date rows, this week's lists) as a full recompute has them
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 16),
                "rollup_row WHERE period_type NOT IN ('MTD', 'QTD', 'YTD')", "rollup_rep_day", "rollup_complaint_day",
                "customer_order_day", "customer_new_day", "appraisal", "appraisal_item", "rollup_warning");
    }

    @Test
    void aTargetFileOnANightRunAgainForAnEarlierDateSpreadsTheMonthsTargetOverItsLaterDaysToo() throws Exception {
        nightsUpToDecember16();

        // December's targets revised, loaded by the night of the 2nd run again: 王小明's sales target is 230,000,
        // so each of December's 23 working days has 10,000, the 16th too
        targetRevisedOnANightRunAgain(new Object[] {"R001", "2026-12", 230000, 20000, 80000, 1, 20}, LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 16));
    }

    @Test
    void aPlanForADayRolledUpLoadedByANightRunAgainForAnEarlierDateReachesThatDay() throws Exception {
        nightsUpToDecember16();

        // the night of the 2nd run again; its inbox has 王小明's plan for the 10th, a day already rolled up
        SmallCompany.write(inbox.resolve("visit_plans_2026-12-10.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-12-10,C001,订货,10:00,上海
                """, StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 2));
        assertThat(figures("DAY", "2026-12-10", "REP", "R001")).containsEntry("visits_planned", 1);

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 16),
                "rollup_row WHERE period_type NOT IN ('MTD', 'QTD', 'YTD')", "rollup_rep_day", "rollup_rep_sum");
    }

    @Test
    void twoTargetFilesOfOneNightForTheSameRepAndMonthStoreTheLaterFilesTarget() throws Exception {
        RollupFixture.writeMasterData(inbox);
        report("2026-11-30");
        // with targets_2026.xlsx in the same inbox: 王小明's December, revised
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2026_revised.xlsx"), "月度目标", new Object[][] {
                {"R001", "2026-12", 120000, 20000, 80000, 1, 20}});
        night(LocalDate.of(2026, 11, 30));
        assertThat(jdbc.queryForList("SELECT sales_target FROM sales_target WHERE rep_id = 'R001' AND month_start = ?",
                BigDecimal.class, LocalDate.of(2026, 12, 1))).singleElement()
                .satisfies(target -> assertThat(target).isEqualByComparingTo("120000"));
    }

    /**
     * 王小明's month target revised by a file the night of {@code rerun} loads, run again after the night of
     * {@code last}: on {@code last} his day's sales target is 10,000, as a full recompute has it.
     */
    void targetRevisedOnANightRunAgain(Object[] target, LocalDate rerun, LocalDate last) throws Exception {
        SmallCompany.writeTargetSheet(inbox.resolve("targets_revised.xlsx"), "月度目标", new Object[][] {target});
        night(rerun);
        assertMoney(figures("DAY", last.toString(), "REP", "R001"), "sales_target", "10000.00");

        assertAFullRecomputeStoresTheSame(last, "rollup_row WHERE period_type NOT IN ('MTD', 'QTD', 'YTD')", "rollup_rep_day",
                "rollup_rep_sum");
    }

    @Test
    void aChangedReportDeadlineJudgesEveryDayRolledUpAgainNotOnlyTheNewOnes() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 2));
        // 王小明's report of the 30th came at 20:00, on time by 21:00
        assertThat(figures("DAY", "2026-11-30", "REP", "R001")).containsEntry("reports_on_time", 1);

        // sales ops moves the deadline to 18:00: the next night judges every day by it, not only its new ones
        RollupService deadline18 = rollupWith("report-deadline: \"21:00\"", "report-deadline: \"18:00\"");
        report("2026-12-16");
        assertThat(ingest.ingest(LocalDate.of(2026, 12, 16), false, inbox, work.resolve("out")).succeeded()).isTrue();
        deadline18.run(LocalDate.of(2026, 12, 16), false, false);
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertThat(figures("DAY", "2026-11-30", "REP", "R001")).containsEntry("reports_on_time", 0);

        assertAFullRecomputeStoresTheSame(deadline18, LocalDate.of(2026, 12, 16), "rollup", "rollup_rep_day", "appraisal",
                "appraisal_item", "rollup_warning");
    }

    @Test
    void aNewHolidaySpreadsTheMonthsTargetsOverItsOtherWorkingDaysAgain() throws Exception {
        nightsUpToDecember16();

        // 12-15 becomes a holiday: December has 22 working days, and each of the others is 1/22 of a target
        RollupService holiday = rollupWith("  2027-01-01: 元旦", "  2026-12-15: 假日\n  2027-01-01: 元旦");
        report("2026-12-31");
        assertThat(ingest.ingest(LocalDate.of(2026, 12, 31), false, inbox, work.resolve("out")).succeeded()).isTrue();
        holiday.run(LocalDate.of(2026, 12, 31), false, false);
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertMoney(figures("MONTH", "2026-12-01", "REP", "R001"), "sales_target", "100000.00");

        assertAFullRecomputeStoresTheSame(holiday, LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "rollup_visit_sum",
                "rollup_rep_sum");
    }

    @Test
    void aNewHolidayAfterTheLastDayRolledUpSpreadsTheMonthsTargetsOverItsDaysRolledUpAgain() throws Exception {
        nightsUpToDecember16();

        // 12-24 becomes a holiday, after the last day rolled up: December's 22 working days each have 1/22 of a
        // target, those already rolled up too
        RollupService holiday = rollupWith("  2027-01-01: 元旦", "  2026-12-24: 假日\n  2027-01-01: 元旦");
        assertThat(ingest.ingest(LocalDate.of(2026, 12, 17), false, inbox, work.resolve("out")).succeeded()).isTrue();
        holiday.run(LocalDate.of(2026, 12, 17), false, false);
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");

        assertAFullRecomputeStoresTheSame(holiday, LocalDate.of(2026, 12, 17), "rollup", "rollup_rep_day", "rollup_visit_sum",
                "rollup_rep_sum");
    }

    @Test
    void aChangedWeekStartRecomputesEverything() throws Exception {
        RollupFixture.writeMasterData(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 2));
        RollupService sundayWeeks = rollupWith("week-start: MONDAY", "week-start: SUNDAY");
        report("2026-12-16");
        assertThat(ingest.ingest(LocalDate.of(2026, 12, 16), false, inbox, work.resolve("out")).succeeded()).isTrue();
        assertThat(sundayWeeks.run(LocalDate.of(2026, 12, 16), false, false).reason()).isEqualTo("rollup.yml changed the week start");
        assertThat(lastRunMode()).isEqualTo("FULL");
        // no Monday week is left beside the Sunday ones: no day counts in two weeks
        assertThat(jdbc.queryForList("SELECT DISTINCT period_start FROM rollup_row WHERE period_type = 'WEEK'", LocalDate.class))
                .allMatch(start -> start.getDayOfWeek() == java.time.DayOfWeek.SUNDAY);
    }

    /** The rollup with jobs/rollup.yml changed as sales ops would change it ({@code from} replaced by {@code to}). */
    RollupService rollupWith(String from, String to) throws java.io.IOException {
        Path jobs = java.nio.file.Files.createTempDirectory(work, "jobs");
        String yml = java.nio.file.Files.readString(Path.of("jobs/rollup.yml"));
        assertThat(yml).contains(from);
        java.nio.file.Files.writeString(jobs.resolve("rollup.yml"), yml.replace(from, to));
        java.nio.file.Files.copy(Path.of("jobs/appraisal.yml"), jobs.resolve("appraisal.yml"));
        return new RollupService(jdbc, new com.kam.pipeline.system.KamProperties(kam.inbox(), kam.out(), kam.sources(), jobs,
                kam.ingest(), kam.timeZone()), 64);
    }

    /** The fixture's report lines of one day. */
    static String lines(String date) {
        return java.util.Arrays.stream(RollupFixture.REPORTS).filter(r -> r[0].equals(date)).map(r -> r[1])
                .collect(java.util.stream.Collectors.joining());
    }

    /** The recompute requests of the last night's report loads: date and reason. */
    List<String> requestedTonight() {
        return jdbc.queryForList("SELECT r.data_date, r.reason FROM recompute_request r JOIN ingest_load l ON l.id = r.load_id"
                + " WHERE l.business_date = (SELECT MAX(business_date) FROM ingest_load) AND r.kind = 'daily_report'"
                + " ORDER BY r.data_date").stream().map(r -> r.get("data_date") + " " + r.get("reason")).toList();
    }

    /** The last rollup run's mode, first date recomputed and number of dates. */
    String lastRun() {
        Map<String, Object> run = row("SELECT mode, first_date, dates FROM rollup_run ORDER BY id DESC LIMIT 1");
        return run.get("mode") + " from " + run.get("first_date") + ", " + run.get("dates") + " dates";
    }

    @Test
    void nightsWithinAMonthSumTheQuarterAndYearOnTheMonthAsAFullRecomputeDoes() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 2));
        assertThat(lastRunMode()).isEqualTo("FULL");
        // December's nights: the quarter and the year are October's and November's kept sums plus December's;
        // 王小明 sees C002 again, so his kept December sum for it changes (the others stay as stored)
        RollupFixture.report(inbox, "2026-12-16", lines("2026-12-16")
                + "R001,2026-12-16,C002,15:00,订货,追加订单,是,3000,600,0,20,2026-12-16 19:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 16));
        report("2026-12-31");
        night(LocalDate.of(2026, 12, 31));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertMoney(figures("QUARTER", "2026-10-01", "COMPANY", "ALL"), "orders_amount", "27000.00");
        assertMoney(figures("YTD", "2026-01-01", "REP", "R001"), "orders_amount", "20000.00");
        assertThat(figures("MONTH", "2026-12-01", "REP", "R001")).containsEntry("visits", 3).containsEntry("customers_visited", 2);

        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 31), "rollup", "rollup_rep_day", "rollup_visit_sum",
                "rollup_rep_sum");
    }

    @Test
    void aMonthLeavesItsKeptSumsUntilItsWeeksLastNightAndReadsTheDaysSinceWithTheWeek() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        report("2026-11-30");
        report("2026-12-01");
        night(LocalDate.of(2026, 12, 1));
        assertThat(lastRunMode()).isEqualTo("FULL");
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-01");

        // Wednesday and Thursday: 王小明 orders from 宁波港务集团, then 周晓燕 sees 上海电力公司 again
        RollupFixture.report(inbox, "2026-12-02",
                "R001,2026-12-02,C003,10:00,订货,续单,是,1000,200,0,30,2026-12-02 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 2));
        RollupFixture.report(inbox, "2026-12-03",
                "R002,2026-12-03,C001,11:00,服务,回访,是,,,,20,2026-12-03 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 3));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        // the month's sums stay as kept on the 1st; the month reads the 2nd and 3rd with the week
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-01");
        Map<String, Object> wang = figures("MONTH", "2026-12-01", "REP", "R001");
        assertThat(wang).containsEntry("visits", 2).containsEntry("customers_visited", 2);
        assertMoney(wang, "orders_amount", "1000.00");
        Map<String, Object> zhou = figures("MONTH", "2026-12-01", "REP", "R002");
        assertThat(zhou).containsEntry("visits", 2).containsEntry("customers_visited", 1);
        // a key customer's last visit as of the 3rd comes from the day's lines, which the month's sums leave out
        assertThat(KeyCustomerVisits.read(jdbc, LocalDate.of(2026, 12, 3), RollupSettings.load(kam.jobs())).customers())
                .filteredOn(c -> c.id().equals("C001")).extracting(KeyCustomerVisits.Customer::lastVisit)
                .containsExactly(LocalDate.of(2026, 12, 3));
        // the figures are a full recompute's (which keeps the sums through the 3rd)
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 3), "rollup", "rollup_rep_day");

        // Friday leaves them again; Sunday, the week's last night, keeps them through its day, as a full recompute does
        night(LocalDate.of(2026, 12, 4));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        night(LocalDate.of(2026, 12, 6));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-06");
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 6), "rollup", "rollup_rep_day", "rollup_visit_sum",
                "rollup_rep_sum");
    }

    /** The master data, plan and reports of 11-30 and 12-01 rolled up on 12-01; 王小明's order of 12-02 that night (sums left). */
    void decemberSumsLeftOnTheSecond() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        report("2026-11-30");
        report("2026-12-01");
        night(LocalDate.of(2026, 12, 1));
        RollupFixture.report(inbox, "2026-12-02",
                "R001,2026-12-02,C003,10:00,订货,续单,是,1000,200,0,30,2026-12-02 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 2));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-01");
    }

    /** December's sums left as kept on the 1st, then 王小明's report of 11-30 corrected: 12,000, not 10,000. */
    void decemberSumsLeftAndNovember30Corrected() throws Exception {
        decemberSumsLeftOnTheSecond();
        RollupFixture.report(inbox, "2026-11-30",
                "R001,2026-11-30,C001,09:30,订货,签单,是,12000,2000,0,100,2026-11-30 20:00:00,出勤,0,0,,,\n");
    }

    /** The company's orders in the quarter and the year: 12,000 (11-30) + 5,000 (12-01) + 1,000 (12-02). */
    void assertTheQuarterAndYearHoldTheCorrectedOrders() {
        assertMoney(figures("QUARTER", "2026-10-01", "COMPANY", "ALL"), "orders_amount", "18000.00");
        assertMoney(figures("YEAR", "2026-01-01", "COMPANY", "ALL"), "orders_amount", "18000.00");
    }

    @Test
    void aNightRunAgainWithNothingNewSumsTheQuarterAndYearToDateWithTheDaysTheMonthsSumsLeftOut() throws Exception {
        // the night of 12-02 (a Wednesday) leaves December's sums as kept on the 1st; the night is run again,
        // nothing new: QTD and YTD are summed on their own from the kept month sums, which lack the 2nd
        decemberSumsLeftOnTheSecond();
        nightRunAgain(LocalDate.of(2026, 12, 2));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        // 10,000 (11-30) + 5,000 (12-01) + 1,000 (12-02)
        assertMoney(figures("QTD", "2026-10-01", "COMPANY", "ALL"), "orders_amount", "16000.00");
        assertMoney(figures("YTD", "2026-01-01", "COMPANY", "ALL"), "orders_amount", "16000.00");
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 2), "rollup");
    }

    @Test
    void aLateReportOfTheMonthBeforeSumsTheQuarterAndYearWithTheDaysTheMonthsSumsLeftOut() throws Exception {
        // December's sums are left as kept on the 1st; 王小明's report of 11-30 is corrected (12,000, not
        // 10,000) and the night of 12-02 run again: only November is touched, so the quarter and year are
        // summed from the kept month sums, December's among them, which lack the 2nd
        decemberSumsLeftAndNovember30Corrected();
        nightRunAgain(LocalDate.of(2026, 12, 2));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertTheQuarterAndYearHoldTheCorrectedOrders();
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 2), "rollup");
    }

    @Test
    void aNightRunForAnEarlierMonthSumsTheQuarterAndYearWithTheDaysTheMonthsSumsLeftOut() throws Exception {
        // December's sums are left as kept on the 1st; 王小明's report of 11-30 is corrected (12,000) and the
        // night of 11-30 run for it: the quarter and year are summed from the kept month sums, December's
        // lacking the 2nd (its rep-days and 王小明's order)
        decemberSumsLeftAndNovember30Corrected();
        night(LocalDate.of(2026, 11, 30));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertTheQuarterAndYearHoldTheCorrectedOrders();
        assertThat(figures("YEAR", "2026-01-01", "COMPANY", "ALL")).containsEntry("rep_days", 96);
        // (the to-date rows are as of 11-30 on the nights, 12-02 on a full recompute: left out)
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 2), "rollup_row WHERE period_type NOT IN ('MTD', 'QTD', 'YTD')");
    }

    // ---- review-2 of c4d5fb2 and f12b7cc: sequences around a month's kept sums left until its week's last night ----

    /** What the reports asked for {@code date} make, then the tables; a full recompute and the same reports store the same. */
    void assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate date, String... tables) throws Exception {
        reportsAskedFor(date);
        List<String> nights = Tables.dump(jdbc, List.of(tables));
        fullRollup(date);
        assertThat(lastRunMode()).isEqualTo("FULL");
        reportsAskedFor(date);
        assertThat(Tables.dump(jdbc, List.of(tables))).isEqualTo(nights);
    }

    @Test
    void aTeamMoveInAWeekWhoseNightsLeaveTheSumsWithANightRunForAnEarlierDateInBetweenIsAFullRecomputes() throws Exception {
        // rolled up through Sunday 12-13 (December's sums kept through it); Monday and Tuesday leave them
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 13));
        night(LocalDate.of(2026, 12, 14));
        RollupFixture.report(inbox, "2026-12-15",
                "R002,2026-12-15,C001,10:00,订货,续单,是,4000,800,0,30,2026-12-15 19:00:00,出勤,1,0,,,\n");
        night(LocalDate.of(2026, 12, 15));
        // Wednesday: 周晓燕 moves to 杭州 and orders from 宁波港务集团 (a new customer)
        report("2026-12-16");
        night(LocalDate.of(2026, 12, 16));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-13");
        // 12-15 corrected (周晓燕 sold 6,000 and 王小明 visited 上海电力公司 too) and that night run again
        // for it, after the 16th: a run for an earlier date
        RollupFixture.report(inbox, "2026-12-15",
                "R002,2026-12-15,C001,10:00,订货,续单,是,6000,800,0,30,2026-12-15 19:00:00,出勤,1,0,,,\n"
                        + "R001,2026-12-15,C001,15:00,服务,回访,是,,,,20,2026-12-15 20:00:00,出勤,0,0,,,\n");
        nightRunAgain(LocalDate.of(2026, 12, 15));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-13");
        // Thursday: the nights go on from the 15th (the last run's date)
        RollupFixture.report(inbox, "2026-12-17",
                "R001,2026-12-17,C003,10:00,订货,续单,是,1500,300,0,30,2026-12-17 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 17));
        assertMoney(figures("MONTH", "2026-12-01", "TEAM", "SH"), "orders_amount", "12500.00");  // 5,000 + 6,000 + 1,500
        assertMoney(figures("MONTH", "2026-12-01", "REP", "R002"), "orders_amount", "13000.00"); // 5,000 + 6,000 + 2,000
        assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate.of(2026, 12, 17), "rollup_row WHERE period_type NOT IN"
                + " ('MTD', 'QTD', 'YTD')", "rollup", "rollup_rep_day", "abnormal_customer", "next_week_target", "appraisal",
                "rollup_warning");
    }

    @Test
    void theWeekAcrossTheYearEndWithARunForAnEarlierDateInBetweenKeepsTheSumsAFullRecomputeKeeps() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.plan(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-16")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 27));
        night(LocalDate.of(2026, 12, 28));
        night(LocalDate.of(2026, 12, 29));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-27");
        // the 30th missed; the 31st, December's last day, keeps its sums
        report("2026-12-31");
        night(LocalDate.of(2026, 12, 31));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-31");
        night(LocalDate.of(2027, 1, 1));
        report("2027-01-02");
        night(LocalDate.of(2027, 1, 2));
        assertThat(monthSumsKeptThrough("2027-01-01")).isEqualTo("2027-01-01");
        // 12-29 corrected (王小明 sold 3,000 to 宁波港务集团) and the night of 12-29 run again, after 01-02: the
        // quarter and year of 2026 are summed from the month sums, which January's are not among: those stay left
        RollupFixture.report(inbox, "2026-12-29",
                "R001,2026-12-29,C003,10:00,订货,续单,是,3000,600,0,30,2026-12-29 20:00:00,出勤,0,0,,,\n");
        nightRunAgain(LocalDate.of(2026, 12, 29));
        assertThat(monthSumsKeptThrough("2027-01-01")).isEqualTo("2027-01-01");
        // Sunday 01-03, the week's last night
        night(LocalDate.of(2027, 1, 3));
        assertThat(monthSumsKeptThrough("2027-01-01")).isEqualTo("2027-01-03");
        assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate.of(2027, 1, 3), "rollup", "rollup_rep_day",
                "rollup_rep_sum", "rollup_visit_sum", "abnormal_customer", "next_week_target", "appraisal", "rollup_warning");
    }

    @Test
    void aRunForTheMonthBeforeAfterARunForAnEarlierDateThatLeftTheSumsIsAFullRecomputes() throws Exception {
        // December's sums kept on the 1st, left on the 2nd and 3rd
        decemberSumsLeftOnTheSecond();
        night(LocalDate.of(2026, 12, 3));
        // 12-02 corrected (吴昊 visits 杭州第一医院) and that night run again for it, after the 3rd: the sums stay left
        RollupFixture.report(inbox, "2026-12-02",
                "R001,2026-12-02,C003,10:00,订货,续单,是,1000,200,0,30,2026-12-02 20:00:00,出勤,0,0,,,\n"
                        + "R003,2026-12-02,C002,10:00,服务,回访,是,,,,30,2026-12-02 20:00:00,出勤,0,0,,,\n");
        nightRunAgain(LocalDate.of(2026, 12, 2));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-01");
        // then 11-30 corrected and a night run for it: the quarter is summed from the month sums, December's summed whole first
        RollupFixture.report(inbox, "2026-11-30",
                "R001,2026-11-30,C001,09:30,订货,签单,是,12000,2000,0,100,2026-11-30 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 11, 30));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        assertMoney(figures("QUARTER", "2026-10-01", "COMPANY", "ALL"), "orders_amount", "18000.00");
        assertThat(figures("MONTH", "2026-12-01", "REP", "R003")).containsEntry("visits", 1);
        // Friday: the nights go on from 11-30 (the last run's date)
        night(LocalDate.of(2026, 12, 4));
        assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate.of(2026, 12, 4), "rollup", "rollup_rep_day",
                "rollup_rep_sum", "rollup_visit_sum", "abnormal_customer", "next_week_target", "appraisal", "rollup_warning");
    }

    @Test
    void aLateReportOfTheMonthBeforeOnTheNightAfterTheSumsWereLeftIsAFullRecomputes() throws Exception {
        // December's sums left on the 2nd (the quarter and year on the month's sums); on the 3rd a late
        // correction of 11-30 comes with the new day: the quarter and year are summed from the month sums
        decemberSumsLeftAndNovember30Corrected();
        RollupFixture.report(inbox, "2026-12-03",
                "R002,2026-12-03,C001,11:00,服务,回访,是,,,,20,2026-12-03 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 3));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        // on Friday and Saturday the month leaves them again, the quarter and year on its sums
        night(LocalDate.of(2026, 12, 4));
        night(LocalDate.of(2026, 12, 5));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        assertMoney(figures("YEAR", "2026-01-01", "COMPANY", "ALL"), "orders_amount", "18000.00");
        assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate.of(2026, 12, 5), "rollup", "rollup_rep_day",
                "abnormal_customer", "next_week_target", "appraisal", "rollup_warning");
    }

    @Test
    void aTargetRevisedOnANightWhoseMonthLeftItsSumsIsAFullRecomputes() throws Exception {
        decemberSumsLeftOnTheSecond();
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2026_revised.xlsx"), "月度目标", new Object[][] {
                {"R001", "2026-12", 120000, 20000, 80000, 1, 20}});
        night(LocalDate.of(2026, 12, 3));
        // (the month's target so far: 120,000 over December's 23 working days, 3 of them rolled up)
        assertMoney(figures("MONTH", "2026-12-01", "REP", "R001"), "sales_target", "15652.17");
        night(LocalDate.of(2026, 12, 4));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate.of(2026, 12, 4), "rollup", "rollup_rep_day",
                "abnormal_customer", "next_week_target", "appraisal", "rollup_warning");
    }

    @Test
    void aLateReportOfADayTheLeftSumsCoverOnAMidWeekNightThenAReportAskedMidWeekIsAFullRecomputes() throws Exception {
        // December's sums kept through the 1st, left on the 2nd; on Thursday 12-01 is corrected for 周晓燕 only
        // (a day the sums cover: she is summed again from her days) and the month keeps its sums through the 3rd
        decemberSumsLeftOnTheSecond();
        RollupFixture.report(inbox, "2026-12-01",
                "R002,2026-12-01,C001,14:00,订货,追加订单,是,7000,1000,3000,80,2026-12-01 18:00:00,出勤,2,2,华为降价10%,,\n");
        night(LocalDate.of(2026, 12, 3));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        // Friday leaves them; 王小明 sees 上海电力公司 on Friday; the weekly report is asked for on Friday
        RollupFixture.report(inbox, "2026-12-04",
                "R001,2026-12-04,C001,11:00,服务,回访,是,,,,20,2026-12-04 20:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2026, 12, 4));
        assertThat(monthSumsKeptThrough("2026-12-01")).isEqualTo("2026-12-03");
        assertAFullRecomputeAndTheReportsStoreTheSame(LocalDate.of(2026, 12, 4), "rollup", "rollup_rep_day",
                "rollup_complaint_day", "abnormal_customer", "next_week_target", "appraisal", "rollup_warning");
    }

    /** A night run again (forced) for a date it has run for. */
    void nightRunAgain(LocalDate date) throws Exception {
        assertThat(ingest.ingest(date, true, inbox, work.resolve("out")).succeeded()).isTrue();
        StringWriter out = new StringWriter();
        assertThat(rollup.run(date, true, false, new PrintWriter(out), new PrintWriter(out))).as(out.toString()).isZero();
    }

    /** The last day the kept sums of a month cover. */
    String monthSumsKeptThrough(String month) {
        return String.valueOf(jdbc.queryForObject("SELECT MAX(last_day) FROM rollup_rep_sum WHERE period_type = 'MONTH'"
                + " AND ps = ?", LocalDate.class, LocalDate.parse(month)));
    }

    @Test
    void anAttainmentFarAboveItsTargetIsStoredNotRefused() throws Exception {
        RollupFixture.writeAll(inbox);
        night(RollupFixture.LAST_DAY);
        // a token target of 5 fen for December, against 王小明's 7,000 of orders
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2026_token.xlsx"), "月度目标", new Object[][] {
                {"R001", "2026-12", 0.05, 20000, 80000, 1, 20}});
        night(RollupFixture.LAST_DAY.plusDays(1));
        Map<String, Object> wang = figures("MONTH", "2026-12-01", "REP", "R001");
        assertMoney(wang, "sales_target", "0.05");
        assertRate(wang, "sales_attainment", "140000.0000");  // 7,000 / 0.05
        // the appraisal counts it up to the item's cap (1.2 in appraisal.yml)
        assertRate(row("SELECT attainment FROM appraisal_item WHERE month_start = '2026-12-01' AND rep_id = 'R001'"
                + " AND item = 'sales'"), "attainment", "1.2000");
    }

    @Test
    void aLateOrderAYearBeforeTheLeapDayMakesTheLeapDaysOrderNoNewCustomers() throws Exception {
        RollupFixture.writeMasterData(inbox);
        RollupFixture.report(inbox, "2027-02-26", "R003,2027-02-26,,,,,,,,,,2027-02-26 19:00:00,出勤,0,0,,,\n");
        // 宁波港务集团's first order: new on the leap day
        RollupFixture.report(inbox, "2028-02-29",
                "R001,2028-02-29,C003,10:00,订货,首单,是,3000,600,0,30,2028-02-29 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 3, 1));
        assertThat(figures("MONTH", "2028-02-01", "REP", "R001")).containsEntry("new_customers", 1);

        // late: it ordered on 2027-02-28 too, the leap day's "a year ago" (2028-02-29 less 12 months)
        RollupFixture.report(inbox, "2027-02-28",
                "R002,2027-02-28,C003,10:00,订货,首单,是,1000,200,0,30,2027-02-28 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 3, 2));
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");
        assertThat(figures("MONTH", "2028-02-01", "REP", "R001")).containsEntry("new_customers", 0);

        // (the two Februaries are recomputed apart: this year's growth against last year's is as a full recompute has it)
        assertAFullRecomputeStoresTheSame(LocalDate.of(2028, 3, 2), "rollup", "rollup_rep_day", "customer_new_day",
                "rollup_rep_sum");
    }

    @Test
    void aWeeklyReportMidMonthWarnsOfExpensesOverTheBudgetOfTheTargetSoFarAndLeavesTheAppraisalsToTheScorecard() throws Exception {
        RollupFixture.writeMasterData(inbox);
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2028.xlsx"), "月度目标", new Object[][] {
                {"R001", "2028-02", 21000, 0, 0, 0, 0}, {"R002", "2028-02", 0, 0, 0, 0, 0}});
        // 王小明 spends 80 and 40 on February's first two working days, 1,000 of target each; 周晓燕, with a
        // zero target (no budget), 30
        RollupFixture.report(inbox, "2028-02-01", "R001,2028-02-01,C001,10:00,服务,,否,,,,80,2028-02-01 18:00:00,出勤,0,0,,,\n"
                + "R002,2028-02-01,C002,11:00,服务,,否,,,,30,2028-02-01 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 2, 1));
        RollupFixture.report(inbox, "2028-02-02", "R001,2028-02-02,C001,10:00,服务,,否,,,,40,2028-02-02 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 2, 2));
        assertThat(februaryExpenseWarnings()).isEmpty();
        assertThat(left()).contains("MONTH 2028-02-01 as of 2028-02-02");

        Path out = work.resolve("reports");
        assertThat(reports.run(LocalDate.of(2028, 2, 2), com.kam.pipeline.report.ReportType.WEEKLY, false, out).succeeded()).isTrue();
        // 120 spent against 5 % of the 2,000 of target so far: for the rep and his team; 150 in the region;
        // none for 周晓燕 and her team 杭州, without a budget
        assertThat(februaryExpenseWarnings())
                .containsExactly("REGION EAST 150.00 > 100.00", "REP R001 120.00 > 100.00", "TEAM SH 120.00 > 100.00");
        assertThat(pdfText(out, "weekly_team-SH_")).containsPattern("费用\\s+王小明\\s+120.00\\s+100.00\\s+2028-02 月累计费用超出预算");
        // the month's appraisals stay left for its scorecard
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal WHERE month_start = '2028-02-01'", Integer.class)).isZero();
        assertThat(left()).contains("MONTH 2028-02-01 as of 2028-02-02");

        // the week across February's end (02-28 .. 03-05) shows February's final warnings, made on its last
        // night (1,120 spent against 5 % of the whole 21,000), then March's so far (none)
        RollupFixture.report(inbox, "2028-02-28", "R001,2028-02-28,C001,10:00,服务,,否,,,,1000,2028-02-28 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 3, 5));
        assertThat(februaryExpenseWarnings())
                .containsExactly("REGION EAST 1150.00 > 1050.00", "REP R001 1120.00 > 1050.00", "TEAM SH 1120.00 > 1050.00");
        Path weekAcross = work.resolve("reports-03-05");
        assertThat(reports.run(LocalDate.of(2028, 3, 5), com.kam.pipeline.report.ReportType.WEEKLY, false, weekAcross)
                .succeeded()).isTrue();
        assertThat(pdfText(weekAcross, "weekly_team-SH_"))
                .containsPattern("费用\\s+办事处 SH\\s+1,120.00\\s+1,050.00\\s+2028-02 月累计费用超出预算")
                .containsPattern("费用\\s+王小明\\s+1,120.00\\s+1,050.00\\s+2028-02 月累计费用超出预算")
                .doesNotContain("2028-03 月累计");
    }

    @Test
    void theLeapDayCountsInFebruaryAndSpreadsTheMonthsTarget() throws Exception {
        RollupFixture.writeMasterData(inbox);
        SmallCompany.writeTargetSheet(inbox.resolve("targets_2028.xlsx"), "月度目标", new Object[][] {
                {"R001", "2028-02", 21000, 0, 0, 0, 0}});
        RollupFixture.report(inbox, "2028-02-29",
                "R001,2028-02-29,C001,10:00,订货,闰日订单,是,3000,600,0,1200,2028-02-29 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 3, 1));
        reportsAskedFor(LocalDate.of(2028, 3, 1));

        Map<String, Object> february = figures("MONTH", "2028-02-01", "REP", "R001");
        assertThat(february.get("period_end").toString()).isEqualTo("2028-02-29");
        assertMoney(february, "orders_amount", "3000.00");
        assertMoney(february, "sales_target", "21000.00");   // 21 working days in February 2028
        assertThat(february).containsEntry("reports_due", 21);
        assertMoney(figures("DAY", "2028-02-29", "REP", "R001"), "sales_target", "1000.00");
        assertMoney(figures("WEEK", "2028-02-28", "REP", "R001"), "orders_amount", "3000.00");

        // expenses 1,200 against a budget of 5% of 21,000 = 1,050: warned for the rep, the team and the region
        assertThat(februaryExpenseWarnings())
                .containsExactly("REGION EAST 1200.00 > 1050.00", "REP R001 1200.00 > 1050.00", "TEAM SH 1200.00 > 1050.00");
        // 杭州第一医院 (class B: at most 45 days between visits) had no visit in the 46 days looked at;
        // it is listed under its owner 周晓燕's team on the business date
        Map<String, Object> abnormal = row("SELECT * FROM abnormal_customer WHERE week_start = '2028-02-28'"
                + " AND customer_id = 'C002'");
        assertThat(abnormal).containsEntry("reason_code", "NOT_VISITED").containsEntry("team_code", "HZ")
                .containsEntry("customer_name", "杭州第一医院");
        assertThat(abnormal.get("reason").toString()).contains("46 days").contains("class B allows 45");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM abnormal_customer WHERE customer_id = 'C001'", Integer.class))
                .isZero();
    }

    @Test
    void nextWeeksTargetsAreTheMonthsSharesAndWhatTheMonthStillNeedsWithTheVisitsPlannedSoFar() throws Exception {
        RollupFixture.writeMasterData(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-16")) {
            report(date);
        }
        // filed ahead on 12-16: 王小明 plans one visit next week, 周晓燕 three to two customers
        SmallCompany.write(inbox.resolve("visit_plans_2026-12-16.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-12-21,C003,订货,10:00,宁波
                R002,2026-12-21,C002,服务,10:00,杭州
                R002,2026-12-22,C002,收款,10:00,杭州
                R002,2026-12-23,C001,订货,14:00,上海
                """, StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 16));
        reportsAskedFor(LocalDate.of(2026, 12, 16));

        // the week of 12-14; next week 12-21..12-27 has 5 working days, December 23, and 11 are left
        // after 12-16 (12-17, 18, 21-25, 28-31)
        Map<String, Object> wang = nextWeek("2026-12-14", "REP", "R001");
        assertThat(wang).containsEntry("team_code", "SH").containsEntry("working_days", 5)
                .containsEntry("visits_planned", 1).containsEntry("customers_planned", 1);
        assertThat(wang.get("next_week_start").toString()).isEqualTo("2026-12-21");
        assertMoney(wang, "sales_target", "21739.13");        // 100,000 / 23 x 5
        assertMoney(wang, "sales_needed", "45454.55");        // nothing sold in December yet: 100,000 / 11 x 5
        assertMoney(wang, "collection_target", "17391.30");   // 80,000 / 23 x 5
        assertMoney(wang, "collection_needed", "36363.64");   // 80,000 / 11 x 5
        // 周晓燕, in 杭州 since 12-16: 23,000 / 23 x 5; sold 7,000, so 16,000 / 11 x 5 is needed; her
        // collections target is 0, and the 3,000 she collected does not make it negative
        Map<String, Object> zhou = nextWeek("2026-12-14", "REP", "R002");
        assertThat(zhou).containsEntry("team_code", "HZ").containsEntry("visits_planned", 3)
                .containsEntry("customers_planned", 2);
        assertMoney(zhou, "sales_target", "5000.00");
        assertMoney(zhou, "sales_needed", "7272.73");
        assertMoney(zhou, "collection_needed", "0.00");
        // 杭州 is 周晓燕 and 吴昊 (targets of 0)
        Map<String, Object> hangzhou = nextWeek("2026-12-14", "TEAM", "HZ");
        assertThat(hangzhou).containsEntry("working_days", 5).containsEntry("visits_planned", 3);
        assertMoney(hangzhou, "sales_target", "5000.00");
        assertMoney(hangzhou, "sales_needed", "7272.73");
        assertMoney(nextWeek("2026-12-14", "TEAM", "SH"), "sales_needed", "45454.55");
        // 上海电力公司 (class A: at most 21 days between visits, 王小明's) was last visited on 12-01: 15
        // days by 12-16, so not listed as abnormal, but 26 by 12-27, so it is due next week;
        // 杭州第一医院 (class B, 45 days, 周晓燕's), visited on 12-01 too, is not
        assertThat(wang).containsEntry("key_customers_due", 1);
        assertThat(zhou).containsEntry("key_customers_due", 0);
        assertThat(nextWeek("2026-12-14", "TEAM", "SH")).containsEntry("key_customers_due", 1);
        assertThat(jdbc.queryForList("SELECT * FROM abnormal_customer WHERE week_start = '2026-12-14'"
                + " AND reason_code = 'NOT_VISITED'")).isEmpty();

        // a week later: next week runs into 2027 with 元旦 on Friday 01-01, so only 12-28..12-31
        // work, all in December; 5 working days are left after 12-24 (12-25, 28-31)
        night(LocalDate.of(2026, 12, 24));
        reportsAskedFor(LocalDate.of(2026, 12, 24));
        Map<String, Object> wangLater = nextWeek("2026-12-21", "REP", "R001");
        assertThat(wangLater).containsEntry("working_days", 4).containsEntry("visits_planned", 0);
        assertMoney(wangLater, "sales_target", "17391.30");   // 100,000 / 23 x 4
        assertMoney(wangLater, "sales_needed", "80000.00");   // 100,000 / 5 x 4
        assertMoney(nextWeek("2026-12-21", "REP", "R002"), "sales_needed", "12800.00");   // 16,000 / 5 x 4
        // the week of 12-14, reported mid-week, had its last night (12-20) missed: the night of 12-24 lists it
        // as of that day, as its last night would have: 9 working days left after 12-20, 100,000 / 9 x 5
        assertMoney(nextWeek("2026-12-14", "REP", "R001"), "sales_needed", "55555.56");
    }

    @Test
    void theKeyCustomersOfAnOwnerWhoLeftStayOnTheTeamTheOwnerWasLastIn() throws Exception {
        // 王小明 leaves on 12-18; the customer data still names him as the owner of 上海电力公司
        SmallCompany.write(inbox.resolve("org.csv"), RollupFixture.ORG.replace("SH,上海办事处,EAST,华东区,2025-01-01,\nR002",
                "SH,上海办事处,EAST,华东区,2025-01-01,2026-12-18\nR002"), StandardCharsets.UTF_8, true);
        SmallCompany.write(inbox.resolve("customers.csv"), RollupFixture.CUSTOMERS, StandardCharsets.UTF_8, false);
        reportsOfNovember30AndDecember1();
        night(LocalDate.of(2026, 12, 30));
        reportsAskedFor(LocalDate.of(2026, 12, 30));

        // last visited on 12-01 (by 周晓燕): 29 days by 12-30, more than class A's 21
        Map<String, Object> abnormal = row("SELECT * FROM abnormal_customer WHERE week_start = '2026-12-28'"
                + " AND customer_id = 'C001'");
        assertThat(abnormal).containsEntry("reason_code", "NOT_VISITED").containsEntry("rep_id", "R001")
                .containsEntry("team_code", "SH").containsEntry("days_since", 29);
        // next week he has no days and no targets, but the customer is counted for him and for SH
        Map<String, Object> wang = nextWeek("2026-12-28", "REP", "R001");
        assertThat(wang).containsEntry("team_code", "SH").containsEntry("working_days", 0)
                .containsEntry("key_customers_due", 1).containsEntry("sales_target", null);
        assertThat(nextWeek("2026-12-28", "TEAM", "SH")).containsEntry("key_customers_due", 1);
        assertThat(nextWeek("2026-12-28", "TEAM", "HZ")).containsEntry("key_customers_due", 0);
    }

    @Test
    void anOpenWeeksListsAndMonthsAppraisalsAreMadeOnTheirLastNightOrFirstWhenTheirReportIsAsked() throws Exception {
        nightOfDecember30();
        String week = "SELECT COUNT(*) FROM %s WHERE week_start = '2026-12-28'";
        String december = "SELECT COUNT(*) FROM appraisal WHERE month_start = '2026-12-01'";
        assertThat(jdbc.queryForObject(week.formatted("abnormal_customer"), Integer.class)).isZero();
        assertThat(jdbc.queryForObject(week.formatted("next_week_target"), Integer.class)).isZero();
        assertThat(jdbc.queryForObject(december, Integer.class)).isZero();
        assertThat(left()).containsExactly("MONTH 2026-12-01 as of 2026-12-30", "WEEK 2026-12-28 as of 2026-12-30");

        // the weekly report asked for that day has the week's lists made first, as of the night's date
        Path out = work.resolve("reports");
        assertThat(reports.run(LocalDate.of(2026, 12, 30), com.kam.pipeline.report.ReportType.WEEKLY, false, out)
                .succeeded()).isTrue();
        assertThat(row("SELECT * FROM abnormal_customer WHERE week_start = '2026-12-28' AND customer_id = 'C001'"))
                .containsEntry("reason_code", "NOT_VISITED").containsEntry("team_code", "SH").containsEntry("days_since", 29);
        assertThat(jdbc.queryForObject(week.formatted("next_week_target"), Integer.class)).isPositive();
        assertThat(pdfText(out, "weekly_team-SH_")).contains("上海电力公司");
        assertThat(left()).containsExactly("MONTH 2026-12-01 as of 2026-12-30");
        // and the scorecard asked for it, the month's appraisals so far
        rollupService.makeMonthLeft(LocalDate.of(2026, 12, 30));
        assertThat(jdbc.queryForObject(december, Integer.class)).isPositive();
        assertThat(left()).isEmpty();

        // the month's last night makes its appraisals; the week's lists are left again, as of that night
        jdbc.update("DELETE FROM appraisal_item");
        jdbc.update("DELETE FROM appraisal");
        night(LocalDate.of(2026, 12, 31));
        assertThat(jdbc.queryForObject(december, Integer.class)).isPositive();
        assertThat(left()).containsExactly("WEEK 2026-12-28 as of 2026-12-31");
        // the week's last night (Sunday 01-03) makes its lists, as of that day
        night(LocalDate.of(2027, 1, 3));
        assertThat(row("SELECT * FROM abnormal_customer WHERE week_start = '2026-12-28' AND customer_id = 'C001'"))
                .containsEntry("days_since", 33);
        assertThat(left()).containsExactly("MONTH 2027-01-01 as of 2027-01-03");
    }

    @Test
    void anOpenWeeksWarningsAreMadeWhenItsReportIsAskedOrOnItsLastNight() throws Exception {
        visitsUpInTheWeekOfMarch1();
        String visits = "SELECT entity_type, entity_id, actual, baseline, reason FROM rollup_warning WHERE period_type = 'WEEK'"
                + " AND period_start = '2027-03-01' AND measure = 'visits' ORDER BY entity_type";
        assertThat(jdbc.queryForList(visits)).isEmpty();

        rollupService.makeWeekLeft(LocalDate.of(2027, 3, 3));
        List<String> asked = warnings(visits);
        assertThat(asked).containsExactly(
                "REGION EAST 3.00 against 1.00: visits up 200% against the mean of the previous 4 weeks",
                "TEAM SH 3.00 against 1.00: visits up 200% against the mean of the previous 4 weeks");

        // the week's last night makes them itself
        jdbc.update("DELETE FROM rollup_warning");
        night(LocalDate.of(2027, 3, 7));
        assertThat(warnings(visits)).isEqualTo(asked);
    }

    @Test
    void aWeeksListsAfterItsLastNightWasMissedAreMadeByTheNextNightAsOfItsLastDay() throws Exception {
        nightOfDecember30();
        // the nights of 12-31..01-03 are missed (the week's last night with them); the night of Monday 01-04
        // brings 王小明's late report of a visit to 上海电力公司 on 12-29, and his plan for 01-05
        RollupFixture.report(inbox, "2026-12-29", visit("R001", "2026-12-29", 0, 0));
        SmallCompany.write(inbox.resolve("visit_plans_2027-01-04.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2027-01-05,C003,订货,10:00,宁波
                """, StandardCharsets.UTF_8, false);
        night(LocalDate.of(2027, 1, 4));
        // the missed night's weekly report rendered afterwards (kam report --date 2027-01-03 --type weekly)
        weeklyReport(LocalDate.of(2027, 1, 3));

        // the week's lists as of its last day, from the figures as they stand: 上海电力公司 was visited on 12-29
        // (5 days before), and 王小明 plans one visit next week. (Before session 21 the lists stayed as the
        // night of 12-30 had stored them: 上海电力公司 unvisited for 29 days, no visit planned.)
        assertThat(jdbc.queryForList("SELECT days_since FROM abnormal_customer WHERE week_start = '2026-12-28'"
                + " AND customer_id = 'C001' AND reason_code = 'NOT_VISITED'", Integer.class)).isEmpty();
        assertThat(nextWeek("2026-12-28", "REP", "R001")).containsEntry("visits_planned", 1);
        assertThat(left()).containsExactly("MONTH 2027-01-01 as of 2027-01-04", "WEEK 2027-01-04 as of 2027-01-04");
    }

    @Test
    void anOpenWeeksWarningsAreMadeAgainAfterANightRunAgainForAnEarlierWeekChangesTheirHistory() throws Exception {
        visitsUpInTheWeekOfMarch1();
        // the week's report asked for on Wednesday (kam report --date 2027-03-03 --type weekly): visits (and
        // expenses) up 200% against 1 a week
        Path out = weeklyReport(LocalDate.of(2027, 3, 3));
        String week = "SELECT entity_type, entity_id, actual, baseline, reason FROM rollup_warning WHERE period_type = 'WEEK'"
                + " AND period_start = '2027-03-01' ORDER BY entity_type, measure";
        assertThat(warnings(week)).contains("TEAM SH 3.00 against 1.00: visits up 200% against the mean of the previous 4 weeks");

        // 王小明's report of 02-24 corrected (six visits, not one), loaded by the night of 02-24 run again
        StringBuilder six = new StringBuilder();
        for (String at : List.of(",C001,09:00,", ",C002,10:00,", ",C003,11:00,", ",C001,14:00,", ",C002,15:00,", ",C003,16:00,")) {
            six.append(visit("R001", "2027-02-24", 0, 0).replace(",C001,10:00,", at));
        }
        RollupFixture.report(inbox, "2027-02-24", six.toString());
        night(LocalDate.of(2027, 2, 24));
        // and the week's report asked for again (kam report --date 2027-03-03 --type weekly --force)
        assertThat(reports.run(LocalDate.of(2027, 3, 3), com.kam.pipeline.report.ReportType.WEEKLY, true, out).succeeded())
                .isTrue();

        // the week of 03-01 against a mean of 2.25 visits (67.50 expenses): 3 (90.00) is no departure of more than 50%.
        // Before the change the night run again rewrote the warnings up to the last week rolled up; now it
        // leaves only its own week (02-22) to a report, and the open week keeps the warnings made before.
        assertThat(warnings(week)).isEmpty();
    }

    @Test
    void aScorecardAskedForBeforeTheMonthsMissedLastNightKeepsTheSettingsTheMonthWasScoredWith() throws Exception {
        nightsUpToDecember16();
        night(LocalDate.of(2026, 12, 30));
        // appraisal.yml edited for January; the night of 12-31 is missed, and December's scorecards are asked
        // for (the monthly schedule, report --type scorecard for 2026-12-31) before the next night
        editTheAppraisalWeights();
        assertThat(reports.run(LocalDate.of(2026, 12, 31), com.kam.pipeline.report.ReportType.SCORECARD, false,
                work.resolve("reports")).succeeded()).isTrue();
        String weight = "SELECT DISTINCT weight FROM appraisal_item WHERE month_start = '2026-12-01' AND item = 'effective_visit_rate'";
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        // before the change: December as the night of 12-30 scored it, with the weights as shipped (10)
        soft.assertThat(jdbc.queryForList(weight, BigDecimal.class)).as("December's scorecard asked for")
                .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.TEN);

        // the night of 01-01 closes December with the settings recorded for it: those it was scored with
        night(LocalDate.of(2027, 1, 1));
        soft.assertThat(jdbc.queryForList(weight, BigDecimal.class)).as("December closed by the night of 01-01")
                .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.TEN);
        soft.assertThat(jdbc.queryForObject("SELECT settings_text FROM appraisal_month_settings WHERE month_start = '2026-12-01'",
                String.class)).as("December's recorded settings").isEqualTo(java.nio.file.Files.readString(Path.of("jobs",
                AppraisalSettings.FILE)));
        soft.assertAll();
    }

    // ---- review 52 (helper h23) ----

    @Test
    void aWeeksListsMadeForAReportBeforeItsMissedLastNightAreMadeAgainAsOfItsLastDayOnceItIsRolledUp() throws Exception {
        RollupFixture.writeMasterData(inbox);
        reportsOfNovember30AndDecember1();
        // 上海电力公司 (class A, at most 21 days between visits) last visited on 12-01; nights up to Saturday 01-02
        night(LocalDate.of(2026, 12, 30));
        night(LocalDate.of(2026, 12, 31));
        night(LocalDate.of(2027, 1, 1));
        night(LocalDate.of(2027, 1, 2));
        // the night of Sunday 01-03 fails; the weekly schedule (Monday 06:00) renders the week's reports for 01-03
        // all the same: its lists are made as of the last day rolled up, 01-02 (32 days)
        Path out = weeklyReport(LocalDate.of(2027, 1, 3));
        String c001 = "SELECT days_since FROM abnormal_customer WHERE week_start = '2026-12-28' AND customer_id = 'C001'"
                + " AND reason_code = 'NOT_VISITED'";
        assertThat(jdbc.queryForList(c001, Integer.class)).containsExactly(32);
        // the night of 01-04 rolls up 01-03 and 01-04 (the failed night is not run again); the week's reports are
        // then rendered again for 01-03 (kam report --date 2027-01-03 --type weekly --force)
        night(LocalDate.of(2027, 1, 4));
        assertThat(reports.run(LocalDate.of(2027, 1, 3), com.kam.pipeline.report.ReportType.WEEKLY, true, out).succeeded())
                .isTrue();

        // the week is rolled up to its last day: its lists as of 01-03 (33 days), as its last night would have
        // stored them and as they are when no report was asked before (aWeeksListsAfterItsLastNightWasMissed...).
        // (Helper 52 found them left as of 01-02: the report had taken the week's left row, and the night of 01-04
        // closed the week without making them.)
        assertThat(jdbc.queryForList(c001, Integer.class)).containsExactly(33);
    }

    @Test
    void aWeekWithoutANightOfItsOwnHasItsListsMadeForItsReportOnceALaterNightRollsItUp() throws Exception {
        // 上海电力公司 (class A, at most 21 days between visits) last visited on 12-01
        RollupFixture.writeMasterData(inbox);
        reportsOfNovember30AndDecember1();
        night(LocalDate.of(2026, 12, 16));
        // no night runs from 12-17 to 12-29 (the week of 12-21 has none); the night of Wednesday 12-30 rolls them up
        night(LocalDate.of(2026, 12, 30));
        // the weekly report of the week 12-21..12-27, rendered afterwards (kam report --date 2026-12-27 --type weekly)
        weeklyReport(LocalDate.of(2026, 12, 27));

        // the week is rolled up to its last day: its lists as of 12-27, as its last night would have stored them
        // (上海电力公司 26 days without a visit), as a week whose last night alone was missed has them made
        // (aWeeksListsAfterItsLastNightWasMissedAreMadeByTheNextNightAsOfItsLastDay); before, with no night of its
        // own, the week had no lists at all
        assertTheWeekOfDecember21IsListedAsOfItsLastDay();
    }

    // ---- review of 96782c4 and ca972e4 (helper h24) ----

    @Test
    void aWeekWithoutANightOfItsOwnRolledUpByAFullRecomputeOnTheNextNightHasItsLists() throws Exception {
        // 上海电力公司 (class A, at most 21 days between visits) last visited on 12-01
        RollupFixture.writeMasterData(inbox);
        reportsOfNovember30AndDecember1();
        night(LocalDate.of(2026, 12, 16));
        // no night runs from 12-17 to 12-29; the night of 12-30 loads customers.csv with 宁波港务集团's segment
        // changed, so it recomputes everything (reason != null)
        SmallCompany.write(inbox.resolve("customers.csv"), RollupFixture.CUSTOMERS.replace("C003,宁波港务集团,大型企业",
                "C003,宁波港务集团,教育医疗"), StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 30));
        assertThat(lastRunMode()).isEqualTo("FULL");
        weeklyReport(LocalDate.of(2026, 12, 27));

        // as on an incremental night (aWeekWithoutANightOfItsOwnHasItsListsMadeForItsReportOnceALaterNightRollsItUp):
        // the week 12-21..12-27 is rolled up by this night, so its lists are made as of 12-27 (26 days)
        assertTheWeekOfDecember21IsListedAsOfItsLastDay();
    }

    @Test
    void aNightAfterANightRunAgainForAnEarlierDateLeavesTheListsOfWeeksAlreadyReportedAlone() throws Exception {
        RollupFixture.writeMasterData(inbox);
        reportsOfNovember30AndDecember1();
        // the night of Sunday 12-27 makes the lists of the week 12-21..12-27, reported on Monday morning:
        // 王小明 has no visit planned for next week
        night(LocalDate.of(2026, 12, 27));
        // his plan for Tuesday 12-29, filed on Monday and loaded by the night of 12-28
        SmallCompany.write(inbox.resolve("visit_plans_2026-12-28.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-12-29,C003,订货,10:00,宁波
                """, StandardCharsets.UTF_8, false);
        night(LocalDate.of(2026, 12, 28));
        List<String> reported = weekLists("2026-12-21");
        assertThat(nextWeek("2026-12-21", "REP", "R001")).containsEntry("visits_planned", 0);
        // 吴昊's late office day of 12-18, loaded by the night of 12-20 run again
        RollupFixture.report(inbox, "2026-12-18", "R003,2026-12-18,,,,,,,,,,2026-12-18 19:00:00,出勤,0,0,,,整理客户资料\n");
        night(LocalDate.of(2026, 12, 20));
        // the next ordinary night, Tuesday 12-29, rolls up no last day of a week for the first time
        night(LocalDate.of(2026, 12, 29));

        // the week 12-21..12-27 was reported as its last night stored it; nothing of it changed since.
        // Actual: the night of 12-29 counts the weeks from the last run's date (12-20) and makes the week's
        // lists again as of 12-27, now with the plan filed after the report (visits_planned 1)
        assertThat(weekLists("2026-12-21")).isEqualTo(reported);
    }

    /** A week's abnormal customers and next week's targets as stored (computed_at left out). */
    List<String> weekLists(String week) {
        return Tables.dump(jdbc, List.of("abnormal_customer", "next_week_target")).stream()
                .filter(r -> r.contains(":week_start=" + week + "|")).toList();
    }

    @Test
    void aFullRecomputeForAnEarlierDateNamesTheLastDayItRolledUpInItsRestateNotice() throws Exception {
        decemberScoredThenWeightsEdited();
        night(LocalDate.of(2027, 1, 2));
        // a full recompute for 12-31 (kam rollup --date 2026-12-31 --full): the figures end on 12-31 afterwards
        StringWriter out = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2026, 12, 31), true, true, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(work_date) FROM rollup_rep_day", LocalDate.class))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        // Actual: "--date 2027-01-02", the last day rolled up before the full recompute deleted the days after 12-31
        assertThat(out.toString()).contains("appraisals of 2026-11..2026-12 keep the settings they were scored with")
                .contains("kam rollup --date 2026-12-31 --restate-appraisals");
    }

    @Test
    void aFullRecomputeForADayOfAClosedMonthKeepsItsSettingsThoughItIsLeftAsTheOpenMonth() throws Exception {
        decemberScoredThenWeightsEdited();
        night(LocalDate.of(2027, 1, 2));
        // a full recompute for 12-20 (kam rollup --date 2026-12-20 --full): the days after 12-20 are deleted,
        // December is the open month again, left for its scorecard as of 12-20
        StringWriter out = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2026, 12, 20), true, true, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();
        assertThat(left()).contains("MONTH 2026-12-01 as of 2026-12-20");
        reportsAskedFor(LocalDate.of(2026, 12, 20));
        // December had been closed (January rolled up) and people paid on it: it keeps the weights it was
        // scored with (10, not the edited 20), and the run says so
        assertThat(jdbc.queryForList("SELECT DISTINCT weight FROM appraisal_item WHERE month_start = '2026-12-01'"
                + " AND item = 'effective_visit_rate'", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.TEN);
        assertThat(out.toString()).contains("appraisals of 2026-11..2026-12 keep the settings they were scored with")
                .contains("kam rollup --date 2026-12-20 --restate-appraisals");
    }

    /** The text of the first PDF under {@code out} whose name starts with {@code prefix}. */
    static String pdfText(Path out, String prefix) throws java.io.IOException {
        Path file;
        try (var files = java.nio.file.Files.walk(out)) {
            // (the Chinese one, where the report is in both languages)
            file = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .min(java.util.Comparator.comparing(f -> f.getFileName().toString().endsWith("_zh.pdf") ? 0 : 1)).orElseThrow();
        }
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    /** Warnings as "entity actual against baseline: reason". */
    /** February 2028's expense warnings as "entity actual > budget", by entity type. */
    List<String> februaryExpenseWarnings() {
        return jdbc.queryForList("SELECT entity_type, entity_id, actual, baseline FROM rollup_warning WHERE period_type = 'MONTH'"
                + " AND period_start = '2028-02-01' AND measure = 'expenses' ORDER BY entity_type").stream()
                .map(r -> r.get("entity_type") + " " + r.get("entity_id") + " " + new BigDecimal(r.get("actual").toString())
                        .toPlainString() + " > " + new BigDecimal(r.get("baseline").toString()).toPlainString()).toList();
    }

    List<String> warnings(String sql) {
        return jdbc.queryForList(sql).stream().map(r -> r.get("entity_type") + " " + r.get("entity_id") + " "
                + new BigDecimal(r.get("actual").toString()).toPlainString() + " against "
                + new BigDecimal(r.get("baseline").toString()).toPlainString() + ": " + r.get("reason")).toList();
    }

    /**
     * 王小明 (上海, 华东) visits once a week for four weeks, then three times in the week of 03-01;
     * rolled up on the nights of 02-28 and (Wednesday) 03-03.
     */
    void visitsUpInTheWeekOfMarch1() throws Exception {
        RollupFixture.writeMasterData(inbox);
        for (String wednesday : List.of("2027-02-03", "2027-02-10", "2027-02-17", "2027-02-24")) {
            RollupFixture.report(inbox, wednesday, visit("R001", wednesday, 0, 0));
        }
        night(LocalDate.of(2027, 2, 28));
        RollupFixture.report(inbox, "2027-03-03", visit("R001", "2027-03-03", 0, 0)
                + visit("R001", "2027-03-03", 0, 0).replace(",C001,10:00,", ",C002,14:00,")
                + visit("R001", "2027-03-03", 0, 0).replace(",C001,10:00,", ",C003,16:00,"));
        night(LocalDate.of(2027, 3, 3));
    }

    /**
     * The fixture's reports of 11-30 and 12-01, rolled up on Wednesday 12-30: 上海电力公司 (class
     * A, at most 21 days between visits) was last visited on 12-01, 29 days before.
     */
    void nightOfDecember30() throws Exception {
        RollupFixture.writeMasterData(inbox);
        reportsOfNovember30AndDecember1();
        night(LocalDate.of(2026, 12, 30));
    }

    /** The week 12-21..12-27 listed as of 12-27: 上海电力公司 26 days without a visit, and next week's targets. */
    void assertTheWeekOfDecember21IsListedAsOfItsLastDay() {
        assertThat(jdbc.queryForList("SELECT days_since FROM abnormal_customer WHERE week_start = '2026-12-21'"
                + " AND customer_id = 'C001' AND reason_code = 'NOT_VISITED'", Integer.class)).containsExactly(26);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM next_week_target WHERE week_start = '2026-12-21'",
                Integer.class)).isPositive();
    }

    /** The fixture's reports of 11-30 and 12-01 in the inbox. */
    void reportsOfNovember30AndDecember1() throws Exception {
        for (String date : List.of("2026-11-30", "2026-12-01")) {
            report(date);
        }
    }

    /** Renders the weekly reports of the week holding {@code date} (kam report --type weekly); returns their folder. */
    Path weeklyReport(LocalDate date) throws Exception {
        Path out = work.resolve("reports");
        assertThat(reports.run(date, com.kam.pipeline.report.ReportType.WEEKLY, false, out).succeeded()).isTrue();
        return out;
    }

    /** The figures the nights left to their report, as "kind period as of date". */
    List<String> left() {
        return jdbc.queryForList("SELECT kind, period_start, as_of FROM rollup_left_for_report ORDER BY kind, period_start")
                .stream().map(r -> r.get("kind") + " " + r.get("period_start") + " as of " + r.get("as_of")).toList();
    }

    Map<String, Object> nextWeek(String week, String entityType, String entityId) {
        return row("SELECT * FROM next_week_target WHERE week_start = '" + week + "' AND entity_type = '" + entityType
                + "' AND entity_id = '" + entityId + "'");
    }

    @Test
    void aKeyCustomerNotVisitedForTooLongIsListedWithItsLastVisitBeforeTheBusinessDate() throws Exception {
        RollupFixture.writeMasterData(inbox);
        // 上海电力公司 (class A: at most 21 days between visits), visited on 01-05 and again on 02-10
        RollupFixture.report(inbox, "2028-01-05",
                "R001,2028-01-05,C001,10:00,服务,巡检,是,,,,100,2028-01-05 18:00:00,出勤,0,0,,,\n");
        String c001 = "SELECT * FROM abnormal_customer WHERE week_start = '2028-01-31' AND customer_id = 'C001'";
        night(LocalDate.of(2028, 2, 1));
        reportsAskedFor(LocalDate.of(2028, 2, 1));
        Map<String, Object> listed = row(c001);
        assertThat(listed).containsEntry("reason_code", "NOT_VISITED").containsEntry("days_since", 27)
                .containsEntry("allowed_days", 21);
        assertThat(listed.get("last_visit").toString()).isEqualTo("2028-01-05");
        assertThat(listed.get("reason").toString()).isEqualTo("not visited for 27 days (class A allows 21)");

        RollupFixture.report(inbox, "2028-02-10",
                "R001,2028-02-10,C001,10:00,服务,巡检,是,,,,100,2028-02-10 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 2, 15));
        reportsAskedFor(LocalDate.of(2028, 2, 15));
        assertThat(jdbc.queryForList("SELECT * FROM abnormal_customer WHERE week_start = '2028-02-14'"
                + " AND customer_id = 'C001'")).isEmpty();

        // a run for 02-01 again: the visit of 02-10, already rolled up, is after it and does not count
        StringWriter out = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2028, 2, 1), true, false, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();
        reportsAskedFor(LocalDate.of(2028, 2, 1));
        assertThat(row(c001)).containsEntry("days_since", 27);
    }

    @Test
    void aRegularBuyerWhoseOrdersFellIsListedWithItsRecentOrdersAndItsBaseline() throws Exception {
        RollupFixture.writeMasterData(inbox);
        // the last 4 weeks run from 02-02 to 02-29; the 12 before from 2027-11-10, in three blocks
        // starting 11-10, 12-08 and 2028-01-05. 上海电力公司 (class A) ordered 4,500 in the first
        // block and 4,500 in the second, then 1,000 in the last 4 weeks; 杭州第一医院 (class B)
        // ordered 9,000 once, in the first block, and nothing since.
        RollupFixture.report(inbox, "2027-11-10",
                "R001,2027-11-10,C001,10:00,订货,大单,是,4500,900,0,100,2027-11-10 18:00:00,出勤,0,0,,,\n"
                        + "R001,2027-11-10,C002,14:00,订货,一次性采购,是,9000,1800,0,100,2027-11-10 18:00:00,出勤,0,0,,,\n");
        RollupFixture.report(inbox, "2027-12-20",
                "R001,2027-12-20,C001,10:00,订货,追加,是,4500,900,0,100,2027-12-20 18:00:00,出勤,0,0,,,\n");
        RollupFixture.report(inbox, "2028-02-20",
                "R001,2028-02-20,C001,10:00,订货,小单,是,1000,200,0,100,2028-02-20 18:00:00,出勤,0,0,,,\n");
        night(LocalDate.of(2028, 2, 29));
        reportsAskedFor(LocalDate.of(2028, 2, 29));

        // 9,000 / 3 = 3,000 per 4 weeks before, and 1,000 is below half of that; it ordered in 2 of
        // the 3 blocks (orders-down-active-blocks: 2 in jobs/rollup.yml)
        Map<String, Object> fell = row("SELECT * FROM abnormal_customer WHERE week_start = '2028-02-28'"
                + " AND customer_id = 'C001' AND reason_code = 'ORDERS_DOWN'");
        assertMoney(fell, "actual", "1000.00");
        assertMoney(fell, "baseline", "3000.00");
        assertThat(fell).containsEntry("customer_name", "上海电力公司").containsEntry("abc_class", "A");
        assertThat(fell.get("reason").toString()).isEqualTo("orders of the last 4 weeks 1000.00 against an average of"
                + " 3000.00 per 4 weeks before");
        // one large order in one block does not make a regular buyer: not listed for its orders
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM abnormal_customer WHERE customer_id = 'C002'"
                + " AND reason_code = 'ORDERS_DOWN'", Integer.class)).isZero();
    }

    /**
     * appraisal.yml with the weights of a November edit: effective visits 20 and sales 25 (35 and 10
     * as shipped). Scored with them, 王小明's December is (25 x 0.07 + 20 x 0.25 + 0 + 20 x 0.8333 +
     * 10 x 0.0435) x 100/90 = 26.50 (18.02 as shipped).
     */
    void editTheAppraisalWeights() throws Exception {
        Path file = kam.jobs().resolve(AppraisalSettings.FILE);
        String shipped = java.nio.file.Files.readString(file);
        String edited = shipped.replace("label: 销售额达成 | Sales attainment\n    weight: 35",
                "label: 销售额达成 | Sales attainment\n    weight: 25").replace("label: 有效拜访率 | Effective-visit rate\n    weight: 10",
                "label: 有效拜访率 | Effective-visit rate\n    weight: 20");
        assertThat(edited).contains("weight: 25").contains("weight: 20\n    goal: 0.6");
        java.nio.file.Files.writeString(file, edited);
    }

    /** December scored on the night of 12-31 with the shipped weights, then appraisal.yml edited; December's rows as stored. */
    List<String> decemberScoredThenWeightsEdited() throws Exception {
        RollupFixture.writeAll(inbox);
        night(LocalDate.of(2026, 12, 31));
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R001'")
                .get("score").toString())).isEqualByComparingTo("18.02");
        List<String> december = appraisalRows("2026-12-01", "R001");
        editTheAppraisalWeights();
        return december;
    }

    /** A rep's appraisal and items of a month, as text (computed_at left out). */
    List<String> appraisalRows(String month, String rep) {
        return Tables.dump(jdbc, List.of("appraisal", "appraisal_item")).stream()
                .filter(r -> r.contains("month_start=" + month + "|") && r.contains("rep_id=" + rep + "|")).toList();
    }

    @Test
    void aNightRunAgainForADayOfAClosedMonthRescoresItWithTheWeightsItWasScoredWith() throws Exception {
        List<String> december = decemberScoredThenWeightsEdited();
        night(LocalDate.of(2027, 1, 2));
        // 吴昊's service visit of 12-10 loaded by the night of 12-10 run again, after January's first nights:
        // December is closed (its last day is rolled up), though the run's date is in it
        RollupFixture.report(inbox, "2026-12-10", visit("R003", "2026-12-10", 0, 0));
        night(LocalDate.of(2026, 12, 10));

        // 54.35 with December's weights (69.57 with the edited ones), and December keeps its recorded settings
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R003'")
                .get("score").toString())).isEqualByComparingTo("54.35");
        assertThat(appraisalRows("2026-12-01", "R001")).isEqualTo(december);
        assertThat(jdbc.queryForObject("SELECT settings_text FROM appraisal_month_settings WHERE month_start = '2026-12-01'",
                String.class)).isEqualTo(java.nio.file.Files.readString(Path.of("jobs", AppraisalSettings.FILE)));
    }

    @Test
    void aLateReportOfAClosedMonthRescoresItWithTheWeightsItWasScoredWithAndTheOpenMonthWithTheFile() throws Exception {
        List<String> december = decemberScoredThenWeightsEdited();
        // 吴昊's service visit of 12-10, reported that evening, arrives on the night of 2027-01-02: December is closed
        RollupFixture.report(inbox, "2026-12-10", visit("R003", "2026-12-10", 0, 0));
        assertThat(ingest.ingest(LocalDate.of(2027, 1, 2), false, inbox, work.resolve("out")).succeeded()).isTrue();
        StringWriter out = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2027, 1, 2), false, false, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();
        assertThat(lastRunMode()).isEqualTo("INCREMENTAL");

        // 王小明's data did not change: his December is as stored on 12-31, 18.02 (26.50 with the edited weights)
        assertThat(appraisalRows("2026-12-01", "R001")).isEqualTo(december).isNotEmpty();
        // 吴昊's did, and is rescored with December's weights: effective visits 1 of 1 (capped at 1) and 2 of 23 reports
        // on time, 0.0870: (10 x 1 + 10 x 0.0870) x 100/20 = 54.35 (with the edited weights (20 + 0.87) x 100/30 = 69.57)
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R003'")
                .get("score").toString())).isEqualByComparingTo("54.35");
        // January, open, is scored with the file as edited (when its scorecard is asked for)
        reportsAskedFor(LocalDate.of(2027, 1, 2));
        assertThat(jdbc.queryForList("SELECT DISTINCT weight FROM appraisal_item WHERE month_start = '2027-01-01'"
                + " AND item = 'effective_visit_rate'", BigDecimal.class)).singleElement()
                .satisfies(w -> assertThat(w).isEqualByComparingTo("20"));
        assertThat(jdbc.queryForObject("SELECT settings_text FROM appraisal_month_settings WHERE month_start = '2027-01-01'",
                String.class)).isEqualTo(java.nio.file.Files.readString(kam.jobs().resolve(AppraisalSettings.FILE)));
        // and the run says once which months kept their settings, and how to rescore them
        assertThat(out.toString()).containsOnlyOnce("appraisals of 2026-12 keep the settings they were scored with ("
                + kam.jobs().resolve(AppraisalSettings.FILE) + " changed since); kam rollup --date 2027-01-02"
                + " --restate-appraisals (a full recompute) rescores them with the current file");
    }

    @Test
    void aFullRecomputeKeepsTheClosedMonthsWeightsAndOnlyTheRestateOptionRescoresThemWithTheFile() throws Exception {
        List<String> december = decemberScoredThenWeightsEdited();
        String shipped = java.nio.file.Files.readString(Path.of("jobs", AppraisalSettings.FILE));
        StringWriter out = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2027, 1, 2), true, true, new PrintWriter(out), new PrintWriter(out)))
                .as(out.toString()).isZero();
        assertThat(appraisalRows("2026-12-01", "R001")).isEqualTo(december);
        assertThat(out.toString()).contains("appraisals of 2026-11..2026-12 keep the settings they were scored with");
        assertThat(jdbc.queryForObject("SELECT settings_text FROM appraisal_month_settings WHERE month_start = '2026-12-01'",
                String.class)).isEqualTo(shipped);

        StringWriter restated = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2027, 1, 2), true, false, true, new PrintWriter(restated),
                new PrintWriter(restated))).as(restated.toString()).isZero();
        assertThat(lastRunMode()).isEqualTo("FULL");
        // (25 x 0.07 + 20 x 0.25 + 0 + 20 x 0.8333 + 10 x 0.0435) x 100/90 = 26.50
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R001'")
                .get("score").toString())).isEqualByComparingTo("26.50");
        String edited = java.nio.file.Files.readString(kam.jobs().resolve(AppraisalSettings.FILE));
        assertThat(jdbc.queryForList("SELECT settings_text FROM appraisal_month_settings", String.class))
                .hasSize(3).containsOnly(edited);
        assertThat(restated.toString()).doesNotContain("keep the settings");
        // the restated months keep the file's settings from now on, and nothing more is said
        StringWriter after = new StringWriter();
        assertThat(rollup.run(LocalDate.of(2027, 1, 2), true, true, new PrintWriter(after), new PrintWriter(after))).isZero();
        assertThat(after.toString()).doesNotContain("keep the settings");
    }

    @Test
    void aClosedMonthAppraisedBeforeItsSettingsWereKeptTakesTheFileOnceAndKeepsIt() throws Exception {
        RollupFixture.writeAll(inbox);
        night(LocalDate.of(2026, 12, 31));
        // as after the upgrade that added the table: December scored, its settings not kept
        jdbc.update("DELETE FROM appraisal_month_settings");
        editTheAppraisalWeights();
        RollupFixture.report(inbox, "2026-12-10", visit("R003", "2026-12-10", 0, 0));
        night(LocalDate.of(2027, 1, 2));
        // December, closed, is rescored for 吴昊's late report: with the file as it is, recorded
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R001'")
                .get("score").toString())).isEqualByComparingTo("26.50");
        String edited = java.nio.file.Files.readString(kam.jobs().resolve(AppraisalSettings.FILE));
        assertThat(jdbc.queryForObject("SELECT settings_text FROM appraisal_month_settings WHERE month_start = '2026-12-01'",
                String.class)).isEqualTo(edited);
        // which a later edit then leaves alone
        java.nio.file.Files.copy(Path.of("jobs", AppraisalSettings.FILE), kam.jobs().resolve(AppraisalSettings.FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        fullRollup(LocalDate.of(2027, 1, 2));
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R001'")
                .get("score").toString())).isEqualByComparingTo("26.50");
    }

    @Test
    void aClosedMonthsTextRecordedBeforeAStricterCheckStillRescoresTheMonth() throws Exception {
        RollupFixture.writeAll(inbox);
        night(LocalDate.of(2026, 12, 31));
        List<String> december = appraisalRows("2026-12-01", "R001");
        // December as recorded by a release that ignored a goal on sales, which the file may no longer have
        String recorded = java.nio.file.Files.readString(Path.of("jobs", AppraisalSettings.FILE)).replace("    weight: 35\n",
                "    weight: 35\n    goal: 500000\n");
        assertThat(jdbc.update("UPDATE appraisal_month_settings SET settings_text = ? WHERE month_start = '2026-12-01'",
                recorded)).isOne();
        // 吴昊's late report rescores closed December with its recorded text: read, and scoring, as it did
        RollupFixture.report(inbox, "2026-12-10", visit("R003", "2026-12-10", 0, 0));
        night(LocalDate.of(2027, 1, 2));
        assertThat(appraisalRows("2026-12-01", "R001")).isEqualTo(december).isNotEmpty();
        assertThat(new BigDecimal(row("SELECT score FROM appraisal WHERE month_start = '2026-12-01' AND rep_id = 'R003'")
                .get("score").toString())).isEqualByComparingTo("54.35");
    }

    /**
     * appraisal.yml with a weight and a goal written with more decimals than appraisal_item keeps
     * (weight 2, goal 4): they are stored rounded, as the INSERTs stored them, and no value is handed
     * to the store with more decimals than its column has (MariaDB's LOAD DATA reports each one it
     * rounds with a warning, and the bulk loader fails the run on any warning).
     */
    @Test
    void anAppraisalWeightOrGoalWithMoreDecimalsThanStoredIsStoredRounded() throws Exception {
        Path file = kam.jobs().resolve(AppraisalSettings.FILE);
        String edited = java.nio.file.Files.readString(file)
                .replace("label: 销售额达成 | Sales attainment\n    weight: 35", "label: 销售额达成 | Sales attainment\n    weight: 35.005")
                .replace("label: 回款达成 | Collections attainment\n    weight: 20",
                        "label: 回款达成 | Collections attainment\n    weight: 19.995")
                .replace("weight: 10\n    goal: 0.6", "weight: 10\n    goal: 0.66667");
        assertThat(edited).contains("weight: 35.005").contains("weight: 19.995").contains("goal: 0.66667");
        java.nio.file.Files.writeString(file, edited);
        RollupFixture.writeAll(inbox);
        night(RollupFixture.LAST_DAY);
        String item = "SELECT * FROM appraisal_item WHERE month_start = '2026-12-01' AND rep_id = 'R001' AND item = ";
        assertMoney(row(item + "'sales'"), "weight", "35.01");
        assertMoney(row(item + "'collections'"), "weight", "20.00");
        assertRate(row(item + "'effective_visit_rate'"), "goal", "0.6667");

        // December scored again, each value handed to the store checked against its column's decimals
        List<String> rounded = new java.util.ArrayList<>();
        JdbcTemplate checking = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> rows) {
                java.util.regex.Matcher insert = java.util.regex.Pattern.compile("INSERT INTO (\\w+) \\(([^)]*)\\)").matcher(sql);
                assertThat(insert.lookingAt()).as(sql).isTrue();
                String table = insert.group(1);
                Map<String, Integer> scales = new java.util.HashMap<>();
                execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
                    try (var columns = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
                        while (columns.next()) {
                            scales.put(columns.getString("COLUMN_NAME").toLowerCase(), columns.getInt("DECIMAL_DIGITS"));
                        }
                    }
                    return null;
                });
                String[] names = insert.group(2).split(",\\s*");
                for (Object[] values : rows) {
                    for (int i = 0; i < names.length; i++) {
                        if (values[i] instanceof BigDecimal d && d.scale() > scales.get(names[i])) {
                            rounded.add(table + "." + names[i] + " " + d.toPlainString());
                        }
                    }
                }
                return super.batchUpdate(sql, rows);
            }
        };
        new Appraisals(checking).write(LocalDate.of(2026, 12, 1),
                new AppraisalMonthSettings(checking, kam.jobs(), RollupFixture.LAST_DAY, false),
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now()));
        assertThat(rounded).isEmpty();
    }

    @Test
    void aBadAppraisalFileIsRefusedWithItsLineAndNothingRuns() throws Exception {
        Path jobs = work.resolve("jobs");
        java.nio.file.Files.createDirectories(jobs);
        java.nio.file.Files.copy(Path.of("jobs/rollup.yml"), jobs.resolve("rollup.yml"));
        java.nio.file.Files.writeString(jobs.resolve("appraisal.yml"), "items:\n  - measure: sales\n    weight: 40\n    cap: 1\n"
                + "  - measure: happiness\n    weight: 60\n    cap: 1\n", StandardCharsets.UTF_8);
        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> AppraisalSettings.load(jobs));
        assertThat(thrown).hasMessageContaining("appraisal.yml:5").hasMessageContaining("unknown measure 'happiness'");
    }

    @Test
    void complaintsCorrectedOnANightRunAgainForAnEarlierDateReachTheAgesKeptOnLaterDays() throws Exception {
        // 周晓燕 receives 2 complaints on the 1st and 1 on the 3rd, resolves 2 on the 10th and 1 on the 14th;
        // then the 1st is corrected to 1 received, on the night of the 2nd run again
        RollupFixture.writeMasterData(inbox);
        RollupFixture.report(inbox, "2026-12-01", visit("R002", "2026-12-01", 2, 0));
        RollupFixture.report(inbox, "2026-12-03", visit("R002", "2026-12-03", 1, 0));
        RollupFixture.report(inbox, "2026-12-10", visit("R002", "2026-12-10", 0, 2));
        night(LocalDate.of(2026, 12, 10));
        RollupFixture.report(inbox, "2026-12-14", visit("R002", "2026-12-14", 0, 1));
        night(LocalDate.of(2026, 12, 14));
        RollupFixture.report(inbox, "2026-12-01", visit("R002", "2026-12-01", 1, 0));
        night(LocalDate.of(2026, 12, 2));
        assertAFullRecomputeStoresTheSame(LocalDate.of(2026, 12, 14), "rollup_rep_day", "rollup_complaint_day",
                "rollup_row WHERE period_type NOT IN ('MTD', 'QTD', 'YTD')");
    }

    @Test
    void resolutionsAheadOfAnyComplaintAreCarriedOnOverMoreThanAMonth() throws Exception {
        // 吴昊 resolves 2 before any complaint on record, then receives 3 a month later: 2 of them are already resolved
        RollupFixture.writeMasterData(inbox);
        RollupFixture.report(inbox, "2026-12-01", visit("R003", "2026-12-01", 0, 2) + visit("R001", "2026-12-01", 3, 0));
        night(LocalDate.of(2026, 12, 1));
        night(LocalDate.of(2026, 12, 31));
        RollupFixture.report(inbox, "2027-01-04", visit("R003", "2027-01-04", 3, 1) + visit("R001", "2027-01-04", 1, 2));
        night(LocalDate.of(2027, 1, 4));
        assertAFullRecomputeStoresTheSame(LocalDate.of(2027, 1, 4), "rollup", "rollup_rep_day", "rollup_complaint_day");
    }

    @Test
    void aTargetFileForTheMonthAfterTheDateOfANightRunAgainReachesItsDaysRolledUp() throws Exception {
        // January's targets revised, loaded by the night of 12-31 run again after January's first nights
        RollupFixture.writeMasterData(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-16", "2026-12-31", "2027-01-02",
                "2027-01-04")) {
            report(date);
        }
        night(LocalDate.of(2027, 1, 4));
        // 200,000 over January's 20 working days
        targetRevisedOnANightRunAgain(new Object[] {"R001", "2027-01", 200000, 10000, 40000, 1, 20}, LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 1, 4));
    }

    /**
     * What a weekly report and a scorecard asked for the date make first: the week's lists and the
     * month's appraisals, when the nights left them to their report.
     */
    void reportsAskedFor(LocalDate date) {
        rollupService.makeWeekLeft(date);
        rollupService.makeMonthLeft(date);
    }

    void report(String date) throws Exception {
        for (String[] report : RollupFixture.REPORTS) {
            if (report[0].equals(date)) {
                RollupFixture.report(inbox, report[0], report[1]);
            }
        }
    }

    String lastRunMode() {
        return jdbc.queryForObject("SELECT mode FROM rollup_run ORDER BY id DESC LIMIT 1", String.class);
    }

    /** The master data and the reports up to 12-16, rolled up that night: December's sums are kept through the 16th. */
    void nightsUpToDecember16() throws Exception {
        RollupFixture.writeMasterData(inbox);
        for (String date : List.of("2026-11-30", "2026-12-01", "2026-12-02", "2026-12-16")) {
            report(date);
        }
        night(LocalDate.of(2026, 12, 16));
    }

    /** How many December rows an entity has (a class's exists only where its customers were visited). */
    int decemberRows(String entityType, String entityId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rollup WHERE period_type = 'MONTH' AND period_start = '2026-12-01'"
                + " AND entity_type = ? AND entity_id = ?", Integer.class, entityType, entityId);
    }

    /** Ingest the inbox and roll up, as a night does. */
    void night(LocalDate date) throws Exception {
        assertThat(ingest.ingest(date, false, inbox, work.resolve("out")).succeeded()).isTrue();
        StringWriter out = new StringWriter();
        int code = rollup.run(date, false, false, new PrintWriter(out), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
    }

    /** The tables as the nights left them, then a full recompute for {@code date}: it stores the same rows. */
    void assertAFullRecomputeStoresTheSame(LocalDate date, String... tables) throws Exception {
        List<String> incremental = Tables.dump(jdbc, List.of(tables));
        fullRollup(date);
        assertThat(lastRunMode()).isEqualTo("FULL");
        assertThat(Tables.dump(jdbc, List.of(tables))).isEqualTo(incremental);
    }

    /** The same, with a rollup of other settings. */
    void assertAFullRecomputeStoresTheSame(RollupService rollup, LocalDate date, String... tables) {
        List<String> nights = Tables.dump(jdbc, List.of(tables));
        rollup.run(date, true, false);
        assertThat(lastRunMode()).isEqualTo("FULL");
        assertThat(Tables.dump(jdbc, List.of(tables))).isEqualTo(nights);
    }

    void fullRollup(LocalDate date) throws Exception {
        StringWriter out = new StringWriter();
        assertThat(rollup.run(date, true, true, new PrintWriter(out), new PrintWriter(out))).as(out.toString()).isZero();
    }

    Map<String, Object> figures(String periodType, String periodStart, String entityType, String entityId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM rollup WHERE period_type = ? AND period_start = ?"
                + " AND entity_type = ? AND entity_id = ?", periodType, LocalDate.parse(periodStart), entityType, entityId);
        assertThat(rows).as(periodType + " " + periodStart + " " + entityType + " " + entityId).hasSize(1);
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rows.get(0).forEach((k, v) -> row.put(k.toLowerCase(), v instanceof Number n && !(v instanceof BigDecimal) ? n.intValue() : v));
        return row;
    }

    Map<String, Object> row(String sql) {
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        jdbc.queryForMap(sql).forEach((k, v) -> row.put(k.toLowerCase(),
                v instanceof Number n && !(v instanceof BigDecimal) ? n.intValue() : v));
        return row;
    }

    static void assertMoney(Map<String, Object> row, String column, String expected) {
        assertThat(row.get(column)).as(column).isNotNull();
        assertThat(new BigDecimal(row.get(column).toString())).as(column).isEqualByComparingTo(expected);
    }

    static void assertRate(Map<String, Object> row, String column, String expected) {
        assertMoney(row, column, expected);
    }
}
