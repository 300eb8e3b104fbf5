package com.kam.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kam.pipeline.system.JobRunner;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a sales director checks in the PDFs of a night; run on H2 and on MariaDB by the subclasses. */
abstract class ReportScenarios extends ReportTestBase {

    @Autowired
    ScorecardContent scorecard;

    @Autowired
    DigestContent digest;

    private static final DecimalFormat MONEY = new DecimalFormat("#,##0.00");

    @Autowired
    FunnelFigures figures;

    /**
     * A run made from an earlier snapshot (05-29's, on the night of 05-31) counts a deal overdue at the snapshot in May,
     * whose last day is still left to close in by its rule: the report marks it as dated outside next month's list and
     * names May as the coverage month, as the run's forecasts and coverage count them.
     */
    @Test
    void aRunFromAnEarlierSnapshotMarksAndCoversAsItsForecastsCount() {
        assertThat(figures.contributors(FunnelFigures.Scope.TEAM, "SH", ReportFixture.DATE))
                .singleElement().satisfies(row -> assertThat(row.get("elsewhere")).isEqualTo(false));
        LocalDate may29 = ReportFixture.DATE.minusDays(2);
        jdbc.update("UPDATE forecast_run SET snapshot_date = ?", may29);
        jdbc.update("INSERT INTO forecast_contributor SELECT run_id, horizon, entity_type, entity_id, method, 2, 'O009', opportunity_name,"
                + " owner_id, stage, amount, contribution, ? FROM forecast_contributor WHERE opportunity_id = 'O001'",
                LocalDate.of(2026, 5, 20));
        assertThat(figures.contributors(FunnelFigures.Scope.TEAM, "SH", ReportFixture.DATE))
                .extracting(row -> row.get("opportunity_id") + " " + row.get("elsewhere"))
                .containsExactly("O001 false", "O009 true");
        assertThat(figures.knownOn(ReportFixture.DATE)).isEqualTo(may29);
        assertThat(FunnelFigures.coverageMonth(may29, ReportFixture.DATE)).isEqualTo("2026-05");
        assertThat(FunnelFigures.coverageMonth(ReportFixture.DATE, ReportFixture.DATE)).isEqualTo("2026-06");
    }

    /**
     * A month-end funnel report whose run was made from an earlier snapshot (05-29's, on the night of 05-31, with no
     * file of its own) says so under its title, and shows the ideal funnel of the month its coverage is of: May, whose
     * last day is still left for the deals overdue at 05-29, as the run's forecasts count them (not June's, as a run
     * with the 31st's own snapshot has it). With its own snapshot it says nothing of the kind.
     */
    @Test
    void aFunnelReportFromAnEarlierSnapshotSaysWhichAndShowsTheIdealFunnelItsCoverageIsOf() throws Exception {
        jdbc.update("UPDATE ideal_funnel SET reachable = TRUE, needed_count = 2, needed_amount = 1000000.00, gap_count = -3,"
                + " gap_amount = -1120000.00 WHERE horizon = 'CURRENT_MONTH'");
        reports.run(ReportFixture.DATE, ReportType.FUNNEL, false, out);
        String own = open(Path.of((String) archiveRow("FUNNEL", "SH", "zh").get("file_path"))).text();
        assertThat(own).contains("理想漏斗与实际对比（下月目标）", "覆盖倍数（至06-30）").doesNotContain("商机数据截至", "无新快照")
                .containsPattern("合作\\s+10\\s+5\\s+5\\s");

        jdbc.update("UPDATE forecast_run SET snapshot_date = ?", ReportFixture.DATE.minusDays(2));
        reports.run(ReportFixture.DATE, ReportType.FUNNEL, true, out);
        String zh = open(Path.of((String) archiveRow("FUNNEL", "SH", "zh").get("file_path"))).text();
        assertThat(zh).contains("商机数据截至 2026-05-29 的快照（2026-05-31 无新快照）", "覆盖倍数（至05-31）",
                        "理想漏斗与实际对比（本月剩余目标）").doesNotContain("下月目标")
                .containsPattern("合作\\s+2\\s+5\\s+-3\\s+1,000,000.00\\s+2,120,000.00\\s+-1,120,000.00");
        String en = open(Path.of((String) archiveRow("FUNNEL", "SH", "en").get("file_path"))).text();
        assertThat(en).contains("Pipeline as of the 2026-05-29 snapshot (none came on 2026-05-31)", "Coverage to 05-31",
                "Ideal funnel against actual (rest of month)").containsPattern("Committed\\s+2\\s+5\\s+-3\\s");
    }

    /**
     * Without a forecast run the stalled list dates a deal's entry into its stage as the forecast does: the log's
     * entry, else the snapshots', else the created date; never a change into another stage.
     */
    @Test
    void theStalledListWithoutARunDatesTheStageAsTheForecastDoes() {
        LocalDate may30 = ReportFixture.DATE.minusDays(1); // no forecast run of that date
        String insert = "INSERT INTO opportunity_snapshot (snapshot_date, opportunity_id, load_id, source_name, line_no, customer_id,"
                + " owner_id, name, product_line, amount, stage, source_stage, expected_close_date, created_date, closed_date,"
                + " forecast_category) VALUES (?, ?, 0, 'test', ?, 'C001', 'R001', ?, '云服务', 100000, 'COMMITTED', 'COMMITTED',"
                + " '2026-07-31', '2026-01-01', NULL, 'COMMIT')";
        String change = "INSERT INTO opportunity_stage_change (opportunity_id, changed_on, from_stage, to_stage, origin, load_id,"
                + " source_name) VALUES (?, ?, ?, ?, ?, 0, 'test')";
        // O100: no entry into COMMITTED at all, a logged change into DEVELOPED on 05-01: in COMMITTED since created
        jdbc.update(insert, may30, "O100", 1, "O100 项目");
        jdbc.update(change, "O100", LocalDate.of(2026, 5, 1), "IDENTIFIED", "DEVELOPED", "LOG");
        // O101: a snapshot saw it enter COMMITTED on 03-01; a later logged change into QUALIFIED is another stage's
        jdbc.update(insert, may30, "O101", 2, "O101 项目");
        jdbc.update(change, "O101", LocalDate.of(2026, 3, 1), "DEVELOPED", "COMMITTED", "SNAPSHOT");
        jdbc.update(change, "O101", LocalDate.of(2026, 5, 2), "IDENTIFIED", "QUALIFIED", "LOG");
        assertThat(figures.stalled(FunnelFigures.Scope.REP, "R001", may30))
                .extracting(row -> row.get("opportunity_id") + " " + row.get("stage_since") + " " + row.get("days_in_stage"))
                .containsExactly("O100 2026-01-01 149", "O101 2026-03-01 90");
    }

    @Test
    void theLastDayOfAMonthThatIsASundayMakesAllFourReportsInBothLanguages() throws Exception {
        ReportService.Result result = reports.run(ReportFixture.DATE, null, false, out);

        assertThat(result.succeeded()).isTrue();
        assertThat(archive("SELECT CONCAT(report_type, ' ', entity_type, ' ', entity_id, ' ', language) FROM report_archive"))
                .containsExactlyInAnyOrder(
                        "SCORECARD REP R001 zh", "SCORECARD REP R001 en", "SCORECARD REP R002 zh", "SCORECARD REP R002 en",
                        "WEEKLY TEAM SH zh", "WEEKLY TEAM SH en", "FUNNEL TEAM SH zh", "FUNNEL TEAM SH en",
                        "FUNNEL COMPANY ALL zh", "FUNNEL COMPANY ALL en",
                        "DIGEST TEAM SH zh", "DIGEST TEAM SH en", "DIGEST TEAM HZ zh", "DIGEST TEAM HZ en");
        // entities with nothing to report get no PDF, and the run says which
        assertThat(result.format()).contains("吴昊 (R003)", "杭州办事处 (HZ)", "华东区 (EAST)");
        assertThat(out.resolve("2026-05-31/reports/scorecard")).isDirectoryContaining(p -> p.toString().endsWith("R001_2026-05-01_2026-05-31_zh.pdf"));
    }

    /** Each PDF is archived with the key figures it shows, in every language, for the mail that carries it to say. */
    @Test
    void eachPdfIsArchivedWithTheKeyFiguresItShows() throws Exception {
        // May's forecasts of team SH by two methods (the combined one listed first), and the reports due on the 31st
        for (String[] method : new String[][] {{"WEIGHTED", "1990000.00"}, {"COMBINED", "2010000.25"}}) {
            jdbc.update("INSERT INTO forecast (run_id, horizon, period_type, period_start, period_end, entity_type, entity_id,"
                    + " entity_name, method, closed_won, p10, p50, p90, target) SELECT MAX(run_id), 'CURRENT_MONTH', 'MONTH', ?, ?,"
                    + " 'TEAM', 'SH', '上海办事处', ?, 1900000.00, 1900000.00, ?, 2100000.00, 2000000.00 FROM forecast_run",
                    ReportFixture.MAY, ReportFixture.DATE, method[0], new BigDecimal(method[1]));
        }
        jdbc.update("UPDATE rollup_row SET reports_due = 2, reports_submitted = 1 WHERE period_type = 'DAY' AND entity_id = 'SH'");
        reports.run(ReportFixture.DATE, null, false, out);

        for (String language : List.of("zh", "en")) {
            assertThat(headline("SCORECARD", "R001", language)).isEqualTo("score=92.11;grade=优秀;rank=1;team_size=2");
            assertThat(headline("SCORECARD", "R002", language)).isEqualTo("score=78.25;grade=中等;rank=2;team_size=2");
            assertThat(headline("WEEKLY", "SH", language))
                    .isEqualTo("orders=412345.67;target=460000.00;attainment=0.8964;abnormal_customers=2");
            // this month's combined P50; the coverage of the headline box, to June's end (the month's last day is over)
            assertThat(headline("FUNNEL", "SH", language)).isEqualTo("forecast_p50=2010000.25;forecast_method=COMBINED;"
                    + "coverage=15.0000;coverage_end=2026-06-30;remaining_target=100000.00");
            // 王小明 reported before the deadline, 周晓燕 not at all
            assertThat(headline("DIGEST", "SH", language)).isEqualTo("reports_submitted=1;reports_due=2;reports_late=0");
            // the company's funnel: no forecast, no coverage; team HZ's digest: no DAY row, nobody late
            assertThat(headline("FUNNEL", "ALL", language)).isEqualTo("coverage_end=2026-06-30");
            assertThat(headline("DIGEST", "HZ", language)).isEqualTo("reports_late=0");
        }
        String weekly = open(Path.of((String) archiveRow("WEEKLY", "SH", "zh").get("file_path"))).text();
        assertThat(weekly).contains("412,345.67", "89.64%", "460,000.00");

        // a forced rerun after a correction keeps the new figures with the new PDF
        jdbc.update("UPDATE appraisal SET score = 93.50 WHERE rep_id = 'R001'");
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, true, out);
        assertThat(headline("SCORECARD", "R001", "zh")).isEqualTo("score=93.50;grade=优秀;rank=1;team_size=2");
    }

    private String headline(String type, String entity, String language) {
        return (String) archiveRow(type, entity, language).get("headline");
    }

    @Test
    void theScorecardShowsTheStoredItemsScoreGradeRankTrendAndStalledDeals() throws Exception {
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, false, out);

        Map<String, Object> row = archiveRow("SCORECARD", "R001", "zh");
        Pdf pdf = open(Path.of((String) row.get("file_path")));
        assertThat(pdf.text()).contains("销售代表月度考核表", "王小明", "上海办事处", "2026-05", "优秀", "1 / 2", "销售额", "回款", "电力云平台");
        BigDecimal score = jdbc.queryForObject("SELECT score FROM appraisal WHERE rep_id = 'R001'", BigDecimal.class);
        assertThat(pdf.text()).contains(score.toPlainString());
        // each item reads as what it measures: money, a count, a share (the stored rate, to two decimals of a percent);
        // then its weight as configured and as applied (the same here: every item counted) and its points
        assertThat(pdf.text()).containsPattern("销售额\\s+1,250,000.00\\s+1,000,000.00\\s+100.00%\\s+40\\s+40.00\\s+40.00")
                .containsPattern("回款\\s+830,000.50\\s+900,000.00\\s+92.22%\\s+30\\s+30.00\\s+27.67")
                .containsPattern("新客户开发\\s+3\\s+4\\s+75.00%\\s+20\\s+20.00\\s+15.00")
                .containsPattern("日报及时率\\s+94.44%\\s+100.00%\\s+94.44%\\s+10\\s+10.00\\s+9.44");
        // nothing left out, nothing capped, the points add up to the score: no note
        assertThat(pdf.text()).contains("权重", "计分权重").doesNotContain("注：");
        BigDecimal mayOrders = jdbc.queryForObject("SELECT orders_amount FROM rollup WHERE period_type = 'MONTH' AND entity_id = 'R001'"
                + " AND period_start = '2026-05-01'", BigDecimal.class);
        assertThat(pdf.text()).contains(MONEY.format(mayOrders));
        assertThat(pdf.text()).contains("数据截至 2026-05-31", "第 1 页");
        assertThat(pdf.text()).contains("客诉 收到/解决/未结 2 / 3 / 1", "平均处理天数 1.67");
        // the chart's six months (drawn, so not in the text): each month looked up by its key
        @SuppressWarnings("unchecked")
        List<Map<String, ?>> trend = (List<Map<String, ?>>) scorecard.read(new ReportEntity("REP", "R001", "王小明"),
                ReportType.SCORECARD.periodContaining(ReportFixture.DATE, java.time.DayOfWeek.MONDAY), ReportFixture.DATE).orElseThrow()
                .parameters().get("TREND");
        assertThat(trend).extracting(month -> (Object) month.get("month"))
                .containsExactly("2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05");
        assertThat(trend).extracting(month -> ((BigDecimal) month.get("orders_amount")).toPlainString())
                .containsExactly("1000000.25", "1050000.25", "1100000.25", "1150000.25", "1200000.25", "1250000.25");
        assertThat(pdf.pages()).isEqualTo(((Number) row.get("pages")).intValue());
        assertFontsEmbedded(pdf);

        Pdf english = open(Path.of((String) archiveRow("SCORECARD", "R001", "en").get("file_path")));
        assertThat(english.text()).contains("Rep Monthly Scorecard", "王小明", "Excellent", "Sales amount", "Data as of 2026-05-31",
                "Average days to resolve 1.67");
        Pdf second = open(Path.of((String) archiveRow("SCORECARD", "R002", "zh").get("file_path")));
        assertThat(second.text()).contains("周晓燕", "78.25", "中等", "2 / 2").containsPattern("年度销售额达成\\s+760,000.00");
        // no stalled deal: the empty list says so, as every other empty list does
        assertThat(second.text()).containsPattern("停滞商机（0 个）\\s+商机\\s+客户\\s+阶段\\s+金额\\s+停留天数\\s+无\\R");
        // the label's English part on the English scorecard; R001's items, unlabelled, keep the measure's name
        assertThat(open(Path.of((String) archiveRow("SCORECARD", "R002", "en").get("file_path"))).text())
                .containsPattern("Annual sales attainment\\s+760,000.00")
                .containsPattern("Stalled deals \\(0\\)\\s+Opportunity\\s+Customer\\s+Stage\\s+Amount\\s+Days in stage\\s+None\\R");
    }

    @Test
    void theScorecardShowsTheWeightEachItemWasScoredWithAndNotesItemsLeftOutAndTheCap() throws Exception {
        // 周晓燕 as E00015 of the demo's October: no new-customer target (left out), the other 85 weight
        // points scaled up to 100; sales 120 % x 35/0.85 = 49.41 (applied weight 41.18), collections
        // 1,047,800 / 1,120,000 = 0.935536 x 20/0.85 = 22.01 (23.53), three rates 10/0.85 = 11.76 each
        // at most; points 105.41 in all (unrounded), the score capped at 100.00
        jdbc.update("DELETE FROM appraisal_item WHERE rep_id = 'R002'");
        jdbc.update("UPDATE appraisal SET score = 100.00, points_total = 105.41, grade = '优秀' WHERE rep_id = 'R002'");
        String insert = "INSERT INTO appraisal_item (month_start, rep_id, item, actual, goal, attainment, weight, applied_weight,"
                + " points) VALUES (?, 'R002', ?, ?, ?, ?, ?, ?, ?)";
        for (Object[] item : List.of(
                new Object[] {"sales", "1985000", "1300000", "1.2000", "35", "41.18", "49.41"},
                new Object[] {"collections", "1047800", "1120000", "0.9355", "20", "23.53", "22.01"},
                new Object[] {"new_customers", "0", "0", null, "15", null, null},
                new Object[] {"effective_visit_rate", "0.6032", "0.6", "1.0000", "10", "11.76", "11.76"},
                new Object[] {"report_on_time_rate", "0.8889", "1", "0.8889", "10", "11.76", "10.46"},
                new Object[] {"complaint_resolution_rate", "1", "1", "1.0000", "10", "11.76", "11.76"})) {
            Object[] args = new Object[item.length + 1];
            args[0] = ReportFixture.MAY;
            args[1] = item[0];
            for (int k = 1; k < item.length; k++) {
                args[k + 1] = item[k] == null ? null : new BigDecimal((String) item[k]);
            }
            jdbc.update(insert, args);
        }
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, false, out);

        String zh = open(Path.of((String) archiveRow("SCORECARD", "R002", "zh").get("file_path"))).text();
        // weight as configured, then as applied, then the points: 120 % x 41.18 = 49.41, not 120 % x 35 = 42.00
        assertThat(zh).containsPattern("销售额\\s+1,985,000.00\\s+1,300,000.00\\s+120.00%\\s+35\\s+41.18\\s+49.41")
                .containsPattern("新客户开发\\s+0\\s+0\\s+15\\R")
                .containsPattern("加权总分\\s+100.00")
                .contains("未设目标（目标为 0，或无可考核的数据）的项目不计分；其余项目的权重合计 85，按比例放大至 100（见计分权重）。")
                .contains("各项得分合计 105.41，总分以 100 封顶。")
                // the points shown add up to 105.40, a cent under the unrounded total
                .contains("各项得分四舍五入至两位小数显示");
        String en = open(Path.of((String) archiveRow("SCORECARD", "R002", "en").get("file_path"))).text();
        assertThat(en).contains("Weight used")
                .containsPattern("Sales amount\\s+1,985,000.00\\s+1,300,000.00\\s+120.00%\\s+35\\s+41.18\\s+49.41")
                .contains("the weights of the others, 85 in all, are scaled up to 100", "The points add up to 105.41; the score is"
                        + " capped at 100.", "may differ from the points shown by a cent");
    }

    @Test
    void theWeeklyReportShowsTheTeamRepsAbnormalCustomersWarningsAndCompetitorNotes() throws Exception {
        new ReportFixture(jdbc).ownerWhoLeft();
        // 山东省电力公司 has stopped ordering too: listed twice, one customer with two findings
        jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                + " rep_id, team_code, actual, baseline, reason) VALUES (?, 'C001', 'ORDERS_DOWN', '山东省电力公司', 'R1', 'A',"
                + " 'R001', 'SH', 0.00, 50000.00, 'orders of the last 4 weeks 0.00 against an average of 50000.00 per 4 weeks before')",
                ReportFixture.WEEK);
        // 烟台港务集团 has had no visit in the whole lookback: no days to show, the first of the list
        jdbc.update("INSERT INTO abnormal_customer (week_start, customer_id, reason_code, customer_name, customer_class, abc_class,"
                + " rep_id, team_code, allowed_days, reason) VALUES (?, 'C010', 'NOT_VISITED', '烟台港务集团', 'R2', 'A', 'R001', 'SH',"
                + " 30, 'not visited in the last 91 days (class A allows 30)')", ReportFixture.WEEK);
        // 9 of 16 visits effective: 56.25 %, as stored (a second rounding, half even, would show 56.2 %)
        jdbc.update("UPDATE rollup_row SET effective_visit_rate = 0.5625 WHERE period_type = 'WEEK' AND entity_id = 'R002'");
        reports.run(ReportFixture.DATE, ReportType.WEEKLY, false, out);

        Pdf pdf = open(Path.of((String) archiveRow("WEEKLY", "SH", "zh").get("file_path")));
        assertThat(pdf.text()).contains("异常客户（4 个客户，5 项异常）");
        // the worst first: never visited, then 45 days, 38 days; orders down by 86,765.43, then by 50,000.00
        List<String> listed = pdf.text().lines().filter(line -> line.contains("超期未拜访") || line.contains("订单大幅下降"))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertThat(listed).containsExactly("烟台港务集团", "山东省电力公司", "青岛港集团", "济南市第一人民医院", "山东省电力公司");
        BigDecimal teamOrders = jdbc.queryForObject("SELECT orders_amount FROM rollup WHERE period_type = 'WEEK' AND entity_type = 'TEAM'"
                + " AND entity_id = 'SH'", BigDecimal.class);
        assertThat(pdf.text()).contains("销售管理周报", "上海办事处", "2026-05-25 ~ 2026-05-31", MONEY.format(teamOrders), "89.64%",
                "王小明", "周晓燕", "112,345.67", "山东省电力公司", "超期未拜访", "华为在推新方案");
        assertThat(pdf.text()).containsPattern("周晓燕\\s+112,345.67\\s+230,000.00\\s+48.85%\\s+67,407.40\\s+25\\s+56.25%\\s+32.00%");
        // the notes on abnormal customers and warnings are in the reader's language, not the stored English reason
        assertThat(pdf.text()).contains("A类客户要求每 30 天内至少拜访一次", "订单大幅下降",
                        "近4周订单 12,000.00，此前12周平均每4周 98,765.43", "办事处 SH", "比近期周均值高 73.33%")
                .doesNotContain("not visited for", "orders of the last");
        // 下周目标与计划: the team's total first, then each rep
        assertThat(pdf.text()).contains("下周目标与计划（2026-06-01 ~ 2026-06-07）", "完成本月需销售", "应拜访重点客户")
                .containsPattern("全组合计\\s+5\\s+143,478.26\\s+210,000.50\\s+7\\s+6\\s+3")
                .containsPattern("王小明\\s+5\\s+71,739.13\\s+123,456.78\\s+4\\s+3\\s+2");
        // the customer of an owner who has left is shown with the owner marked, in the list and the plan
        assertThat(pdf.text()).contains("青岛港集团").containsPattern("郑凯（已离岗）\\s+0\\s+0\\s+0\\s+1")
                .doesNotContain("王小明（已离岗）");
        assertThat(pdf.text().split("郑凯（已离岗）", -1)).hasSize(3);
        // every column header whole on its line, in English too; a rate is labelled a rate, a count a count: the
        // effective-visit rate (有效拜访率) and the on-time report rate (按时提交率) are shares, not numbers of visits or reports
        assertThat(open(Path.of((String) archiveRow("WEEKLY", "SH", "en").get("file_path"))).text())
                .containsPattern("Rep\\s+Orders\\s+Target\\s+Attainment\\s+Collections\\s+Visits\\s+Effective-visit rate"
                        + "\\s+Transaction rate\\s+New customers\\s+On-time report rate\\R")
                .containsPattern("Effective-visit rate\\s+80.00%\\s+Transaction rate\\s+32.00%")
                .contains("Visits 25    On-time report rate 95.00%")
                .doesNotContain("Effective visits", "Reports on time")
                .containsPattern("Name\\s+Work days\\s+Sales target \\(share\\)\\s+Sales needed\\s+Collection target"
                        + "\\s+Collections needed\\s+Visits planned\\s+Customers planned\\s+Key customers due\\R")
                .contains("Abnormal customers (4 customers, 5 findings)")
                .contains("Targets and plan for next week (2026-06-01 ~ 2026-06-07)", "Team total", "86,543.72",
                        "Class A asks for a visit at least every 30 days", "73.33% above the mean of recent weeks",
                        "郑凯 (left)");
        assertFontsEmbedded(pdf);
        assertThat(count("SELECT COUNT(*) FROM report_archive WHERE report_type = 'WEEKLY' AND entity_id = 'HZ'")).isZero();
    }

    /**
     * A rep who moved team mid-week counts toward each team for the days there, while the rep's row is the whole week:
     * both teams list the row, marked, and a footnote under the reps says how the days split, so a manager can
     * reconcile the rows with the total. Reps who stayed all week are not marked.
     */
    @Test
    void aRepWhoMovedTeamMidWeekIsListedAndMarkedInBothTeamsWithTheDaysInEach() throws Exception {
        new ReportFixture(jdbc).repMovedMidWeek();
        reports.run(ReportFixture.DATE, ReportType.WEEKLY, false, out);

        String sh = open(Path.of((String) archiveRow("WEEKLY", "SH", "zh").get("file_path"))).text();
        String hz = open(Path.of((String) archiveRow("WEEKLY", "HZ", "zh").get("file_path"))).text();
        // the same whole-week row on both reports, marked
        assertThat(sh).containsPattern("陈磊 \\*\\s+70,000.00\\s+70,000.00\\s+100.00%")
                .contains("* 本周调动：陈磊 在本组 4 天，在 杭州办事处 3 天；行内数字为其全周合计，本组合计只含其在本组的 4 天。")
                .containsPattern("王小明\\s+300,000.00").doesNotContain("王小明 *", "周晓燕 *");
        assertThat(hz).containsPattern("陈磊 \\*\\s+70,000.00\\s+70,000.00\\s+100.00%")
                .contains("* 本周调动：陈磊 在本组 3 天，在 上海办事处 4 天；行内数字为其全周合计，本组合计只含其在本组的 3 天。")
                .containsPattern("吴昊\\s+35,000.00").doesNotContain("吴昊 *");
        assertThat(oneLine(open(Path.of((String) archiveRow("WEEKLY", "HZ", "en").get("file_path"))).text()))
                .contains("陈磊 *", "* Moved this week: 陈磊 was 3 days in this team and 4 days in 上海办事处; the figures in the row"
                        + " are for the whole week, the team total counts only the days in this team.");
    }

    /** A PDF's text with its wrapped lines joined, for a sentence that may wrap. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void aListThatRunsOntoAnotherPageRepeatsItsColumnHeaders() throws Exception {
        new ReportFixture(jdbc).manyAbnormalCustomers(70);
        reports.run(ReportFixture.DATE, ReportType.WEEKLY, false, out);

        List<String> pages = pageTexts(Path.of((String) archiveRow("WEEKLY", "SH", "zh").get("file_path")));
        // the pages the list runs over: from the one with its first customer to the one with its last
        int first = indexOfPageWith(pages, "客户001");
        int last = indexOfPageWith(pages, "客户070");
        assertThat(last).isGreaterThan(first);
        for (int page = first; page <= last; page++) {
            assertThat(pages.get(page)).as("page %d", page + 1).contains("未拜访天数", "最近拜访");
        }
        // and every customer is there once
        for (int i = 1; i <= 70; i++) {
            assertThat(String.join("", pages).split(String.format("客户%03d", i), -1)).hasSize(2);
        }
    }

    private static int indexOfPageWith(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " is on no page");
    }

    @Test
    void theDigestNamesWhoHasNotReportedTheDayAgainstMonthToDateAndComplaints() throws Exception {
        reports.run(ReportFixture.DATE, ReportType.DIGEST, false, out);

        Pdf sh = open(Path.of((String) archiveRow("DIGEST", "SH", "zh").get("file_path")));
        assertThat(sh.text()).contains("销售日报摘要", "孙主管", "未提交日报（1 人）", "周晓燕 (R002)", "12,500.00", "1,250,000.25",
                "125.00%");
        // the digest is about the business date's day: its heading says so, as its columns do
        assertThat(sh.text()).containsPattern("当日业绩与本月累计\\s+销售代表\\s+当日订单\\s+拜访\\s+有效\\s+当日回款")
                .contains("当日订单额").doesNotContain("昨日");
        Pdf hz = open(Path.of((String) archiveRow("DIGEST", "HZ", "en").get("file_path")));
        assertThat(hz.text()).contains("Daily Sales Digest", "李主管", "吴昊 (R003)", "Daily report not submitted (1)");
        Pdf shEnglish = open(Path.of((String) archiveRow("DIGEST", "SH", "en").get("file_path")));
        assertThat(shEnglish.text()).contains("Orders of the day").containsPattern("The day and month to date\\s+Rep\\s+Orders")
                .doesNotContain("Yesterday", "today");
    }

    @Test
    void onADayNoReportIsDueATeamGetsADigestOnlyIfItsRepsReported() {
        ReportEntity sh = new ReportEntity("TEAM", "SH", "上海办事处");
        ReportPeriod day = ReportType.DIGEST.periodContaining(ReportFixture.DATE, java.time.DayOfWeek.MONDAY);
        jdbc.update("UPDATE calendar_day SET working_day = FALSE WHERE cal_date = ?", ReportFixture.DATE);
        // 王小明 reported anyway: there is something to read, and nobody is missing on such a day
        assertThat(digest.read(sh, day, ReportFixture.DATE)).get()
                .satisfies(data -> assertThat((List<?>) data.parameters().get("NOT_REPORTED")).isEmpty());
        // nobody reported: no page of zeros
        jdbc.update("DELETE FROM report_line WHERE report_date = ?", ReportFixture.DATE);
        assertThat(digest.read(sh, day, ReportFixture.DATE)).isEmpty();
        // the same day as a working day: both reps are missing
        jdbc.update("UPDATE calendar_day SET working_day = TRUE WHERE cal_date = ?", ReportFixture.DATE);
        assertThat(digest.read(sh, day, ReportFixture.DATE)).get()
                .satisfies(data -> assertThat((List<?>) data.parameters().get("NOT_REPORTED")).hasSize(2));
    }

    @Test
    void theFunnelReportShowsStagesForecastRangeDealsBehindItAndAccuracy() throws Exception {
        reports.run(ReportFixture.DATE, ReportType.FUNNEL, false, out);

        Pdf pdf = open(Path.of((String) archiveRow("FUNNEL", "SH", "zh").get("file_path")));
        assertThat(pdf.text()).contains("月度销售漏斗与预测", "上海办事处", "发展", "合作", "2,300,000.00", "1,500,000", "2,345,678",
                "3,100,000", "综合", "电力云平台", "61", "32.00x");
        // the forecast's error and bias as stored, 0.1045 and -0.1045: not rounded again (half even: 10.4 %)
        assertThat(pdf.text()).containsPattern("2026-05\\s+综合\\s+2026-04-30\\s+1,800,000.00\\s+2,010,000.25\\s+10.45%\\s+-10.45%");
        assertThat(pdf.text()).contains("理想漏斗与实际对比（下月目标）", "3,333,333", "1,213,333").doesNotContain("本月剩余目标");
        // the forecasts and the gap count won opportunities, which the orders figure need not equal: both say so
        assertThat(pdf.text()).contains("商机赢单预测（按方法，P10–P90 区间，仅计商机）", "目标减已赢单商机");
        // as of 05-31 the coverage is of June, the month the pipeline can still close into, and says so
        assertThat(pdf.text()).contains("覆盖倍数（至06-30）", "2026-06 目标减已赢单商机 100,000.00");
        // the forecast table's won amount is won deals, not orders against the target, and a note says they differ
        assertThat(pdf.text()).contains("已赢单商机", "页首订单额来自每日销售报告，两者分别统计");
        String en = open(Path.of((String) archiveRow("FUNNEL", "SH", "en").get("file_path"))).text();
        assertThat(en).contains("Coverage to 06-30", "2026-06 target less won deals", "Won deals",
                "come from the daily sales reports", "won deals are not attainment of the sales target").doesNotContain("Won so far");
        // every column header whole on its line, in English too
        assertThat(open(Path.of((String) archiveRow("FUNNEL", "SH", "en").get("file_path"))).text())
                .containsPattern("Stage\\s+Deals\\s+Amount\\s+Weighted\\s+Conversion\\s+Win rate\\s+Typical days"
                        + "\\s+Aging \\(days\\)\\s+Stalled\\R");
        assertFontsEmbedded(pdf);
        assertThat(count("SELECT COUNT(*) FROM report_archive WHERE report_type = 'FUNNEL' AND entity_type = 'REGION'")).isZero();
        // the whole company's, for the sales director: its own funnel, and every team's stalled deals
        assertThat(open(Path.of((String) archiveRow("FUNNEL", "ALL", "zh").get("file_path"))).text())
                .contains("月度销售漏斗与预测", "全公司", "4,100,000.00", "电力云平台").doesNotContain("上海办事处  (SH)")
                // no forecast of it has matured yet: the empty accuracy list says why
                .contains("无：尚无提前一个月所做、且该月已结束的预测可比（预测每晚保存）");
        assertThat(open(Path.of((String) archiveRow("FUNNEL", "ALL", "en").get("file_path"))).text()).contains("Whole company");
    }

    /**
     * Money in the funnel report reads to the cent, as in the scorecard, weekly report and digest (#,##0.00): the
     * headline figures, the ideal funnel's amounts, the forecasts, the deals behind them, stalled deals, past accuracy.
     */
    @Test
    void theFunnelReportPrintsMoneyToTheCentAsTheOtherReportsDo() throws Exception {
        // a company's pipeline, wider with its decimals than the box at its font size: shrunk to fit, on one line
        jdbc.update("UPDATE funnel_summary SET open_amount = 189900000.45, weighted_amount = 1870000.05, velocity_per_day = 6054.05");
        jdbc.update("UPDATE forecast SET p50 = 2345678.91");
        jdbc.update("UPDATE forecast_contributor SET contribution = 600000.50");
        reports.run(ReportFixture.DATE, ReportType.FUNNEL, false, out);

        for (String language : List.of("zh", "en")) {
            String text = open(Path.of((String) archiveRow("FUNNEL", "SH", language).get("file_path"))).text();
            assertThat(text).as(language)
                    // the headline boxes: open pipeline, weighted, velocity per day
                    .containsPattern("\\R189,900,000.45\\R").containsPattern("\\R1,870,000.05\\R").containsPattern("\\R6,054.05\\R")
                    // the ideal funnel: amount needed, in the stage today, the gap
                    .containsPattern("\\s10\\s+5\\s+5\\s+3,333,333.33\\s+2,120,000.00\\s+1,213,333.33\\R")
                    // the forecast: won, P10, P50, P90, target
                    .containsPattern("\\s0.00\\s+1,500,000.00\\s+2,345,678.91\\s+3,100,000.00\\s+2,000,000.00\\R")
                    // the deal behind it (amount, contribution) and the same deal stalled
                    .containsPattern("\\s1,500,000.00\\s+600,000.50\\s+2026-06-30\\R")
                    .containsPattern("\\s1,500,000.00\\s+61\\R")
                    // past accuracy: the forecast against what was won, 2,010,000.25 (not 2,010,000)
                    .containsPattern("2026-04-30\\s+1,800,000.00\\s+2,010,000.25\\s");
        }
    }

    /**
     * The ideal funnel's deals needed are whole deals, rounded up (no one wins 0.4 of a deal), and so is the gap; a run
     * stored before the forecast rounded them (tenths) reads the same way.
     */
    @Test
    void theIdealFunnelNeedsWholeDealsRoundedUp() throws Exception {
        // 3.4 deals needed against the 5 in the stage: 4 needed, 1 to spare
        jdbc.update("UPDATE ideal_funnel SET needed_count = 3.4, gap_count = -1.6 WHERE horizon = 'NEXT_MONTH'");
        reports.run(ReportFixture.DATE, ReportType.FUNNEL, false, out);

        for (String language : List.of("zh", "en")) {
            String text = open(Path.of((String) archiveRow("FUNNEL", "SH", language).get("file_path"))).text();
            assertThat(text).as(language).containsPattern((language.equals("zh") ? "合作" : "Committed") + "\\s+4\\s+5\\s+-1\\s")
                    .doesNotContain("3.4", "-1.6");
        }
    }

    /**
     * The headline coverage is of the deals expected to close by the month's end; the whole pipeline's coverage, and what
     * the open and weighted figures beside it cover, are said in words. A deal behind next month's forecast whose
     * expected close date is in another month is marked, and a note says why the combined forecast counts it.
     */
    @Test
    void theFunnelReportsCoverageIsOfTheDealsDueInTheMonthAndItsDealsSayWhenDatedElsewhere() throws Exception {
        jdbc.update("INSERT INTO forecast_contributor VALUES ((SELECT MAX(run_id) FROM forecast_run), 'NEXT_MONTH', 'TEAM', 'SH',"
                + " 'COMBINED', 2, 'O002', '港口调度系统', 'R002', 'COMMITTED', 900000.00, 300000.00, ?)", LocalDate.of(2027, 2, 28));
        reports.run(ReportFixture.DATE, ReportType.FUNNEL, false, out);

        String zh = open(Path.of((String) archiveRow("FUNNEL", "SH", "zh").get("file_path"))).text();
        // 1,500,000 due by 06-30 over the 100,000 left of June's target: 15.00x; all 3,200,000 open: 32.00x
        assertThat(zh).containsPattern("覆盖倍数（至06-30）\\s+[^\\n]*15.00x").contains("全部未结商机", "全部加权商机");
        String flat = zh.replaceAll("\\s+", ""); // the notes wrap
        assertThat(flat).contains("覆盖倍数=预计2026-06-30及以前成交的未结商机1,500,000.00（含已逾期仍未结的）÷2026-06剩余目标；"
                + "全部未结商机（不论预计成交日，即左侧两项所计）的覆盖倍数为32.00x。");
        assertThat(zh).contains("下月（2026-06）综合预测主要商机").contains("2027-02-28 *").doesNotContain("2026-06-30 *");
        assertThat(flat).contains("注：*预计成交日不在2026-06。综合预测中的学习转化法不看预计成交日");
        String en = open(Path.of((String) archiveRow("FUNNEL", "SH", "en").get("file_path"))).text();
        assertThat(en).contains("Coverage to 06-30", "Open pipeline, all", "Weighted, all open", "2027-02-28 *",
                "Deals behind next month's (2026-06) combined forecast", "Note: * expected close date not in 2026-06.");
    }

    @Test
    void aNameTooLongForItsColumnEndsWithAnEllipsisWhereItIsCut() throws Exception {
        String name = "山东省电力公司二〇二六年度全省营销系统云平台扩容改造及运维服务采购项目";
        jdbc.update("UPDATE funnel_flagged SET opportunity_name = ?", name);
        jdbc.update("UPDATE forecast_contributor SET opportunity_name = ?", name);
        reports.run(ReportFixture.DATE, null, false, out);

        Pattern cut = Pattern.compile("山东省电力公司二〇二六年度\\S*…");
        for (String language : List.of("zh", "en")) {
            // the funnel's deals behind the forecast and its stalled deals, the scorecard's stalled deals
            String funnel = open(Path.of((String) archiveRow("FUNNEL", "SH", language).get("file_path"))).text();
            String scorecard = open(Path.of((String) archiveRow("SCORECARD", "R001", language).get("file_path"))).text();
            assertThat(cut.matcher(funnel).results()).as(language).hasSize(2);
            assertThat(cut.matcher(scorecard).results()).as(language).hasSize(1);
            // only the name is cut: its customer, which fits, is whole, and nothing else ends with an ellipsis
            assertThat(funnel).doesNotContain(name).containsPattern("…\\s+山东省电力公司\\s+王小明");
            assertThat(scorecard).doesNotContain(name).containsPattern("…\\s+山东省电力公司\\s+");
            assertThat(funnel.split("…", -1)).as(language).hasSize(3);
            assertThat(scorecard.split("…", -1)).as(language).hasSize(2);
        }
    }

    @Test
    void aForcedRerunReplacesTheArchiveRowsAndFilesInsteadOfAddingAndAnUnforcedOneIsRefused() throws Exception {
        reports.run(ReportFixture.DATE, null, false, out);
        int rows = count("SELECT COUNT(*) FROM report_archive");

        assertThatThrownBy(() -> reports.run(ReportFixture.DATE, null, false, out))
                .isInstanceOf(JobRunner.AlreadyCompleteException.class);
        jdbc.update("UPDATE appraisal SET score = 93.75 WHERE rep_id = 'R001'");
        reports.run(ReportFixture.DATE, null, true, out);

        assertThat(count("SELECT COUNT(*) FROM report_archive")).isEqualTo(rows);
        Map<String, Object> row = archiveRow("SCORECARD", "R001", "zh");
        Path file = Path.of((String) row.get("file_path"));
        assertThat(open(file).text()).contains("93.75");
        assertThat(row.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        assertThat(((Number) row.get("bytes")).longValue()).isEqualTo(Files.size(file));
        assertThat(row.get("as_of").toString()).isEqualTo("2026-05-31");
        assertThat(row.get("business_date").toString()).isEqualTo("2026-05-31");
    }

    @Test
    void aReportRenderedLaterForAnEarlierDateOfTheSamePeriodDoesNotReplaceTheArchivedOne() throws Exception {
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, false, out);
        Map<String, Object> monthEnd = archiveRow("SCORECARD", "R001", "zh");

        // May's scorecards again, as of the 15th (someone looking back): written, but the archive keeps the 31st's
        reports.run(ReportFixture.DATE.minusDays(16), ReportType.SCORECARD, false, out);

        assertThat(archiveRow("SCORECARD", "R001", "zh")).isEqualTo(monthEnd);
        assertThat(monthEnd.get("as_of").toString()).isEqualTo("2026-05-31");
        try (var files = Files.list(out.resolve("2026-05-15/reports/scorecard"))) {
            List<Path> r001 = files.filter(f -> f.getFileName().toString().contains("R001")).sorted().toList();
            assertThat(r001).extracting(f -> f.getFileName().toString()).anyMatch(n -> n.endsWith("_zh.pdf"));
            // the month is not over on the 15th: its score and grade say they are provisional, in each language
            for (Path pdf : r001) {
                assertThat(open(pdf).text()).containsAnyOf("月度未结束：截至 2026-05-15 的暂定分数",
                        "Month in progress: provisional, as of 2026-05-15");
            }
        }
        assertThat(open(Path.of((String) monthEnd.get("file_path"))).text()).doesNotContain("月度未结束");

        // once the rollup has run for the month's last day its figures are final, whatever date the scorecard is drawn for
        jdbc.update("INSERT INTO rollup_run (business_date, mode, dates, rows_written, master_load_id, reason, started_at,"
                + " finished_at) VALUES ('2026-05-31', 'FULL', 31, 0, 0, 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        reports.run(ReportFixture.DATE.minusDays(16), ReportType.SCORECARD, true, out);
        assertNotProvisional(out.resolve("2026-05-15/reports/scorecard"));

        // and stay so after a rollup rerun for an earlier date, which keeps the month's later days
        jdbc.update("INSERT INTO rollup_run (business_date, mode, dates, rows_written, master_load_id, reason, started_at,"
                + " finished_at) VALUES ('2026-05-20', 'INCREMENTAL', 1, 0, 0, 'test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO rollup_rep_day (work_date, rep_id, team_code, region_code, orders_amount, gross_margin,"
                + " collections, expenses, visits_planned, planned_visits_made, visits, effective_visits, order_visits,"
                + " new_customers, complaints_received, complaints_resolved, report_due, report_submitted, report_on_time,"
                + " report_complete, sales_target_share, margin_target_share, collection_target_share,"
                + " new_customer_target_share, visit_target_share, has_target) VALUES ('2026-05-31', 'R001', NULL, 'EAST',"
                + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)");
        reports.run(ReportFixture.DATE.minusDays(16), ReportType.SCORECARD, true, out);
        assertNotProvisional(out.resolve("2026-05-15/reports/scorecard"));
    }

    private void assertNotProvisional(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            for (Path pdf : files.toList()) {
                assertThat(open(pdf).text()).doesNotContain("月度未结束").doesNotContain("Month in progress");
            }
        }
    }

    @Test
    void aMidWeekDayMakesOnlyTheDigest() throws Exception {
        // the rollup has run for the day (a digest without its figures is refused)
        new ReportFixture(jdbc).rollup("DAY", ReportFixture.DATE.minusDays(3), ReportFixture.DATE.minusDays(3), "TEAM", "SH",
                "上海办事处", null, new BigDecimal("0.00"), new BigDecimal("66666.67"));
        ReportService.Result result = reports.run(ReportFixture.DATE.minusDays(3), null, false, out);

        assertThat(result.types()).extracting(ReportService.TypeSummary::type).containsExactly(ReportType.DIGEST);
        assertThat(archive("SELECT DISTINCT report_type FROM report_archive")).containsOnly("DIGEST");
    }

    @Test
    void theDigestsComplaintsNameTheCustomerTheCountsAndTheComplaintVisitsOutcomeNotTheDaysFeedback() throws Exception {
        ReportFixture fixture = new ReportFixture(jdbc);
        fixture.customer("C002", "济南市第一人民医院");
        LocalDateTime evening = ReportFixture.DATE.atTime(19, 45);
        // 周晓燕: 2 received, 0 resolved; the day's fields, a compliment among them, on her first line; the complaint on the visit to C002
        fixture.reportLine("R002", ReportFixture.DATE, 11, "C001", "SERVICE", "培训了客户运维人员", evening, "PRESENT", 2, 0,
                "对服务响应速度满意", null);
        fixture.reportLine("R002", ReportFixture.DATE, 12, "C002", "COMPLAINT", "客户仍不满意, 需升级处理", evening, null, null, null,
                null, null);
        // 王小明 only resolved one that day, on no complaint-handling visit: listed all the same, saying so
        jdbc.update("UPDATE report_line SET complaints_received = 0, complaints_resolved = 1 WHERE rep_id = 'R001' AND report_date = ?",
                ReportFixture.DATE);
        reports.run(ReportFixture.DATE, ReportType.DIGEST, false, out);

        String zh = open(Path.of((String) archiveRow("DIGEST", "SH", "zh").get("file_path"))).text();
        assertThat(zh).containsPattern("客诉\\s+销售代表\\s+客户\\s+收到\\s+已解决\\s+客诉处理拜访的结果")
                .containsPattern("周晓燕\\s+济南市第一人民医院\\s+2\\s+0\\s+客户仍不满意, 需升级处理")
                .containsPattern("王小明\\s+0\\s+1\\s+（当日日报无客诉处理拜访）")
                .doesNotContain("对服务响应速度满意", "客户投诉交货延迟");
        String en = open(Path.of((String) archiveRow("DIGEST", "SH", "en").get("file_path"))).text();
        assertThat(en).contains("Outcome of the complaint visit", "(no complaint-handling visit in the day's report)")
                .containsPattern("周晓燕\\s+济南市第一人民医院\\s+2\\s+0\\s+客户仍不满意, 需升级处理");
    }

    @Test
    void aDigestDrawnAfterLaterNightsSumsTheMonthToDateFromTheKeptRepDaysAndOneWithoutTheDaysFiguresIsRefused() throws Exception {
        LocalDate friday = LocalDate.of(2026, 5, 29);
        ReportFixture fixture = new ReportFixture(jdbc);
        // the rollup's rows of 05-29, kept after the nights of 05-30 and 05-31, whose month to date is the one stored
        fixture.rollup("DAY", friday, friday, "TEAM", "SH", "上海办事处", null, new BigDecimal("20000.00"), new BigDecimal("66666.67"));
        fixture.rollup("DAY", friday, friday, "REP", "R001", "王小明", "SH", new BigDecimal("20000.00"), new BigDecimal("33333.33"));
        fixture.rollup("DAY", friday, friday, "REP", "R002", "周晓燕", "SH", new BigDecimal("0.00"), new BigDecimal("33333.33"));
        // a third of 100,000 a day each: the month to 05-29 is the shares' sum rounded once, 66,666.67 each, 133,333.33 the team
        String share = "33333.3333333333";
        fixture.repDay(friday.minusDays(1), "R001", "SH", "100000.00", share);
        fixture.repDay(friday, "R001", "SH", "20000.00", share);
        fixture.repDay(friday.minusDays(1), "R002", "SH", "5000.00", share);
        fixture.repDay(friday, "R002", "SH", "0.00", share);
        fixture.repDay(ReportFixture.DATE, "R001", "SH", "999999.00", share); // after the day: not in its month to date
        fixture.reportLine("R001", friday, 31, "C001", "SERVICE", "例行拜访", friday.atTime(19, 0), "PRESENT", 0, 0, null, null);
        reports.run(friday, ReportType.DIGEST, false, out);

        String zh = open(Path.of((String) archiveRow("DIGEST", "SH", "zh").get("file_path"))).text();
        assertThat(zh).containsPattern("本月累计订单额\\s+125,000.00\\s+本月累计目标\\s+133,333.33\\s+本月累计达成率\\s+93.75%")
                .containsPattern("王小明\\s+20,000.00\\s+25\\s+20\\s+12,000.00\\s+120,000.00\\s+66,666.67\\s+180.00%")
                .containsPattern("周晓燕\\s+0.00\\s+25\\s+20\\s+0.00\\s+5,000.00\\s+66,666.67\\s+7.50%")
                .contains("未提交日报（1 人）", "周晓燕 (R002)").doesNotContain("全部已提交");

        // a day the rollup has not run for: refused, saying what to run, and nothing written
        LocalDate notRolledUp = LocalDate.of(2026, 5, 27);
        assertThatThrownBy(() -> reports.run(notRolledUp, ReportType.DIGEST, false, out))
                .isInstanceOf(ReportRefusedException.class)
                .hasMessageContaining("2026-05-27").hasMessageContaining("kam rollup --date 2026-05-27");
        assertThat(out.resolve("2026-05-27")).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM report_archive WHERE as_of = '2026-05-27'")).isZero();
    }

    @Test
    void theDigestListsLateReportsWithTheirTimeAndShowsLeaveWithItsNote() throws Exception {
        ReportFixture fixture = new ReportFixture(jdbc);
        // 王小明 filed the 31st's report the next morning, after the 21:00 deadline; 周晓燕 was on sick leave
        jdbc.update("UPDATE report_line SET submitted_at = ? WHERE rep_id = 'R001' AND report_date = ?",
                java.sql.Timestamp.valueOf(ReportFixture.DATE.plusDays(1).atTime(8, 15)), ReportFixture.DATE);
        fixture.reportLine("R002", ReportFixture.DATE, 21, null, null, null, ReportFixture.DATE.atTime(20, 40), "SICK", 0, 0, null,
                "病假, 已提交证明");
        reports.run(ReportFixture.DATE, ReportType.DIGEST, false, out);

        String zh = open(Path.of((String) archiveRow("DIGEST", "SH", "zh").get("file_path"))).text();
        assertThat(zh).contains("未提交日报（0 人）", "全部已提交，其中 1 人迟交（见下）", "迟交日报（1 人，截止时间 21:00）",
                        "王小明 (R001) 提交于 06-01 08:15")
                .containsPattern("周晓燕[^\\n]*\\R\\s*病假：病假, 已提交证明");
        String en = open(Path.of((String) archiveRow("DIGEST", "SH", "en").get("file_path"))).text();
        assertThat(en).contains("Daily report submitted late (1, deadline 21:00)", "王小明 (R001) submitted 06-01 08:15",
                "Sick leave: 病假, 已提交证明");
    }

    @Test
    void everyScorecardOfAMonthWhoseTargetFileWasRefusedAndNotLoadedSinceSaysItsTargetsAreNotCounted() throws Exception {
        String load = "INSERT INTO ingest_load (job_instance_id, business_date, source_name, kind, file_name, status, refused_reason,"
                + " created_at) VALUES (1, ?, 'targets', 'target', ?, ?, ?, CURRENT_TIMESTAMP)";
        jdbc.update(load, ReportFixture.DATE.minusDays(1), "targets.xlsx", "LOADED", null);
        jdbc.update(load, ReportFixture.DATE.minusDays(1), "targets_adjustment.xlsx", "REFUSED",
                "wrong sheet: no sheet named '月度目标'; the workbook has [Sheet1]");
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, false, out);

        for (String rep : List.of("R001", "R002")) {
            assertThat(open(Path.of((String) archiveRow("SCORECARD", rep, "zh").get("file_path"))).text()).as(rep)
                    .contains("注意：目标文件 targets_adjustment.xlsx 被拒收，至今未载入。其中的目标未计入本考核").doesNotContain("targets.xlsx");
            assertThat(open(Path.of((String) archiveRow("SCORECARD", rep, "en").get("file_path"))).text()).as(rep)
                    .contains("the target file targets_adjustment.xlsx was refused", "not in this appraisal");
        }
        // fixed, renamed and loaded the next night: no notice any more
        jdbc.update(load, ReportFixture.DATE, "targets_adjustment_v2.xlsx", "LOADED", null);
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, true, out);
        assertThat(open(Path.of((String) archiveRow("SCORECARD", "R001", "zh").get("file_path"))).text())
                .doesNotContain("targets_adjustment.xlsx");
    }

    @Test
    void aScorecardShowsTheMonthsExpensesAndSaysWhenTheyWentOverTheirBudget() throws Exception {
        // 王小明's May: expenses 62,000.00 against a budget of 5 % of his 1,000,000.00 target, as the rollup warned
        jdbc.update("UPDATE rollup_row SET expenses = 62000.00 WHERE period_type = 'MONTH' AND period_start = ? AND entity_id = 'R001'",
                ReportFixture.MAY);
        jdbc.update("INSERT INTO rollup_warning (period_type, period_start, entity_type, entity_id, measure, actual, baseline, reason)"
                + " VALUES ('MONTH', ?, 'REP', 'R001', 'expenses', 62000.00, 50000.00, 'expenses over budget (5% of the sales target)')",
                ReportFixture.MAY);
        // the team's own warning of the month is not a rep's
        jdbc.update("INSERT INTO rollup_warning (period_type, period_start, entity_type, entity_id, measure, actual, baseline, reason)"
                + " VALUES ('MONTH', ?, 'TEAM', 'SH', 'expenses', 67200.00, 50000.00, 'expenses over budget (5% of the sales target)')",
                ReportFixture.MAY);
        reports.run(ReportFixture.DATE, ReportType.SCORECARD, false, out);

        assertThat(open(Path.of((String) archiveRow("SCORECARD", "R001", "zh").get("file_path"))).text())
                .contains("拜访 25   费用 62,000.00", "费用超预算：本月费用 62,000.00，预算 50,000.00（按销售目标的比例核定）。");
        assertThat(open(Path.of((String) archiveRow("SCORECARD", "R001", "en").get("file_path"))).text())
                .contains("Expenses 62,000.00", "Expenses over budget: 62,000.00 this month against a budget of 50,000.00");
        assertThat(open(Path.of((String) archiveRow("SCORECARD", "R002", "zh").get("file_path"))).text())
                .contains("拜访 25   费用 5,200.00").doesNotContain("费用超预算");
    }

    @Test
    void theWeeklyReportWarnsOfTheMonthsExpensesOverBudgetSoFarForTheTeamItsRegionAndItsReps() throws Exception {
        String warning = "INSERT INTO rollup_warning (period_type, period_start, entity_type, entity_id, measure, actual, baseline, reason)"
                + " VALUES ('MONTH', ?, ?, ?, 'expenses', ?, ?, 'expenses over budget (5% of the sales target)')";
        jdbc.update(warning, ReportFixture.MAY, "REP", "R001", new BigDecimal("62000.00"), new BigDecimal("50000.00"));
        jdbc.update(warning, ReportFixture.MAY, "REP", "R002", new BigDecimal("51000.00"), new BigDecimal("50000.00"));
        jdbc.update(warning, ReportFixture.MAY, "TEAM", "SH", new BigDecimal("113000.00"), new BigDecimal("100000.00"));
        // another team's rep, and April's: not this report's
        new ReportFixture(jdbc).rollup("MONTH", ReportFixture.MAY, ReportFixture.DATE, "REP", "R003", "吴昊", "HZ",
                new BigDecimal("90000.00"), new BigDecimal("100000.00"));
        jdbc.update(warning, ReportFixture.MAY, "REP", "R003", new BigDecimal("9000.00"), new BigDecimal("0.00"));
        jdbc.update(warning, ReportFixture.MAY.minusMonths(1), "REP", "R001", new BigDecimal("70000.00"), new BigDecimal("50000.00"));
        reports.run(ReportFixture.DATE, ReportType.WEEKLY, false, out);

        // after the week's own warning, the team's, then its reps by how far they are over
        String zh = open(Path.of((String) archiveRow("WEEKLY", "SH", "zh").get("file_path"))).text();
        assertThat(zh).containsPattern("办事处 SH\\s+52,000.00\\s+30,000.00\\s+比近期周均值高 73.33%\\R"
                + "费用\\s+办事处 SH\\s+113,000.00\\s+100,000.00\\s+2026-05 月累计费用超出预算（预算按同期销售目标的比例核定）\\R"
                + "费用\\s+王小明\\s+62,000.00\\s+50,000.00\\s+2026-05 月累计费用超出预算.*\\R"
                + "费用\\s+周晓燕\\s+51,000.00\\s+50,000.00\\s+2026-05 月累计费用超出预算")
                .doesNotContain("吴昊", "70,000.00", "expenses over budget");
        assertThat(open(Path.of((String) archiveRow("WEEKLY", "SH", "en").get("file_path"))).text())
                .containsPattern("Expenses\\s+王小明\\s+62,000.00\\s+50,000.00\\s+Expenses of 2026-05 so far over budget");
    }

    private static void assertFontsEmbedded(Pdf pdf) {
        assertThat(pdf.fonts()).isNotEmpty();
        assertThat(pdf.fonts()).allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
            assertThat(font.getName()).contains("WenQuanYi");
        });
    }

    private List<String> archive(String sql) {
        return jdbc.queryForList(sql, String.class);
    }

    private Map<String, Object> archiveRow(String type, String entity, String language) {
        return jdbc.queryForMap("SELECT * FROM report_archive WHERE report_type = ? AND entity_id = ? AND language = ?",
                type, entity, language);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
