package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.report.ReportHeadline;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * What a mail's line says of each report's figures as report_archive keeps them, in both languages,
 * and what it says of a figure the report has not got. (The GreenMail scenarios check them against the
 * stored figures and the PDFs; this covers the four reports and their gaps.)
 */
class HeadlineTextTest {

    @Test
    void scorecardScoreGradeAndRank() {
        String figures = "score=86.5;grade=良好;rank=2;team_size=7";
        assertThat(text("SCORECARD", figures, "zh")).contains("得分 86.50（良好），组内第 2/7 名");
        assertThat(text("SCORECARD", figures, "en")).contains("score 86.50 (Good), rank 2 of 7 in team");
        // a grade appraisal.yml names that the scorecard has no English for: as stored
        assertThat(text("SCORECARD", "score=99.00;grade=卓越;rank=1;team_size=3", "en"))
                .contains("score 99.00 (卓越), rank 1 of 3 in team");
    }

    @Test
    void aScorecardOfAMonthStillRunningSaysItsScoreIsProvisionalAsItsPdfDoes() {
        String figures = "score=86.5;grade=良好;rank=2;team_size=7;provisional_as_of=2026-10-15";
        assertThat(text("SCORECARD", figures, "zh")).contains("得分 86.50（良好），组内第 2/7 名（月度未结束：截至 2026-10-15 的暂定分数）");
        assertThat(text("SCORECARD", figures, "en"))
                .contains("score 86.50 (Good), rank 2 of 7 in team (month in progress: provisional, as of 2026-10-15)");
        // a closed month's (or one archived before it was kept) says nothing of it
        assertThat(text("SCORECARD", "score=86.5;grade=良好;rank=2;team_size=7", "zh")).get().asString().doesNotContain("暂定");
        assertThat(text("SCORECARD", "score=86.5;grade=良好;rank=2;team_size=7", "en")).get().asString()
                .doesNotContain("provisional");
    }

    @Test
    void weeklyOrdersAgainstTargetAndAbnormalCustomersOrNoTarget() {
        String figures = "orders=1234567.00;target=1500000.00;attainment=0.8230;abnormal_customers=5";
        assertThat(text("WEEKLY", figures, "zh")).contains("订单 1,234,567.00 / 目标 1,500,000.00（82.30%），异常客户 5 个");
        assertThat(text("WEEKLY", figures, "en"))
                .contains("orders 1,234,567.00 / target 1,500,000.00 (82.30%), 5 abnormal customer(s)");
        assertThat(text("WEEKLY", "orders=0.00;abnormal_customers=0", "zh")).contains("订单 0.00，无目标，异常客户 0 个");
        assertThat(text("WEEKLY", "orders=0.00;abnormal_customers=0", "en")).contains("orders 0.00, no target, 0 abnormal customer(s)");
        // a target of 0 has no attainment
        assertThat(text("WEEKLY", "orders=10.00;target=0.00;abnormal_customers=1", "en"))
                .contains("orders 10.00 / target 0.00 (n/a), 1 abnormal customer(s)");
    }

    @Test
    void funnelThisMonthsForecastAndCoverageOrWhyNone() {
        String figures = "forecast_p50=2345678.00;forecast_method=COMBINED;coverage=2.3456;coverage_end=2026-11-30;"
                + "remaining_target=100000.00";
        assertThat(text("FUNNEL", figures, "zh")).contains("本月预测 P50（综合）2,345,678.00，覆盖倍数（至11-30）2.35x");
        assertThat(text("FUNNEL", figures, "en")).contains("this month's P50 (Combined) 2,345,678.00, coverage to 11-30 2.35x");
        assertThat(text("FUNNEL", "forecast_p50=5.00;forecast_method=WEIGHTED;coverage_end=2026-11-30", "zh"))
                .contains("本月预测 P50（加权管道）5.00，无目标，无覆盖倍数");
        assertThat(text("FUNNEL", "forecast_p50=5.00;forecast_method=WEIGHTED;coverage_end=2026-11-30;remaining_target=0.00", "en"))
                .contains("this month's P50 (Weighted) 5.00, coverage to 11-30: none, target already met");
        assertThat(text("FUNNEL", "coverage=1.5;coverage_end=2026-11-30;remaining_target=10.00", "en"))
                .contains("no forecast for this month, coverage to 11-30 1.50x");
        assertThat(text("FUNNEL", "coverage_end=2026-11-30", "zh")).contains("暂无预测与覆盖倍数");
    }

    @Test
    void digestReportsInOfDueAndLate() {
        assertThat(text("DIGEST", "reports_submitted=6;reports_due=8;reports_late=1", "zh")).contains("日报已交 6/8，迟交 1 人");
        assertThat(text("DIGEST", "reports_submitted=6;reports_due=8;reports_late=1", "en")).contains("daily reports 6 of 8 in, 1 late");
        assertThat(text("DIGEST", "reports_submitted=0;reports_due=0;reports_late=0", "en")).contains("no daily reports due that day");
        assertThat(text("DIGEST", "reports_late=2", "zh")).contains("日报提交数暂无，迟交 2 人");
    }

    @Test
    void aReportArchivedWithoutFiguresSaysNone() {
        assertThat(HeadlineText.of(report("WEEKLY", null), texts("zh"))).isEmpty();
    }

    private static Optional<String> text(String type, String stored, String language) {
        return HeadlineText.of(report(type, stored), texts(language));
    }

    private static ArchivedReport report(String type, String stored) {
        LocalDate day = LocalDate.of(2026, 10, 31);
        return new ArchivedReport(1, type, "TEAM", "T001", "上海办事处", day, day, "zh", day, Path.of("x.pdf"), 1, null,
                ReportHeadline.parse(stored));
    }

    private static ResourceBundle texts(String language) {
        return ResourceBundle.getBundle("delivery.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
