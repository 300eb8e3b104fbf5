package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of the appraisal that need no database: ranking with ties, grade bounds, the file's checks, one rounding rule. */
class AppraisalRulesTest {

    @Test
    void tiedScoresShareARankAndTheNextRankSkips() {
        List<BigDecimal> team = List.of(new BigDecimal("91.50"), new BigDecimal("91.50"), new BigDecimal("78.00"),
                new BigDecimal("95.00"));
        assertThat(team.stream().map(s -> Appraisals.rankOf(s, team)).toList()).containsExactly(2, 2, 4, 1);
    }

    @Test
    void gradesStartExactlyAtTheirMinimumScore() {
        AppraisalSettings settings = AppraisalSettings.load(Path.of("jobs"));
        assertThat(settings.gradeOf(new BigDecimal("100.00"))).isEqualTo("优秀");
        assertThat(settings.gradeOf(new BigDecimal("90.00"))).isEqualTo("优秀");
        assertThat(settings.gradeOf(new BigDecimal("89.99"))).isEqualTo("良好");
        assertThat(settings.gradeOf(new BigDecimal("80.00"))).isEqualTo("良好");
        assertThat(settings.gradeOf(new BigDecimal("70.00"))).isEqualTo("中等");
        assertThat(settings.gradeOf(new BigDecimal("60.00"))).isEqualTo("及格");
        assertThat(settings.gradeOf(new BigDecimal("59.99"))).isEqualTo("差");
        assertThat(settings.gradeOf(BigDecimal.ZERO)).isEqualTo("差");
    }

    @Test
    void weightsThatDoNotAddUpToHundredAreRefusedNamingEachWeight(@TempDir Path jobs) throws Exception {
        String file = Files.readString(Path.of("jobs", AppraisalSettings.FILE)).replace("weight: 35", "weight: 45");
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), file);
        assertThatThrownBy(() -> AppraisalSettings.load(jobs)).hasMessageContaining("appraisal.yml:" + lineOf(file, "items:"))
                .hasMessageContaining("the item weights add up to 110 (sales 45, collections 20, new_customers 15,"
                        + " effective_visit_rate 10, report_on_time_rate 10, complaint_resolution_rate 10); they must add up to 100");
    }

    @Test
    void gradesOutOfOrderAreRefused(@TempDir Path jobs) throws Exception {
        String file = Files.readString(Path.of("jobs", AppraisalSettings.FILE)).replace("良好: 80", "良好: 95");
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), file);
        assertThatThrownBy(() -> AppraisalSettings.load(jobs)).hasMessageContaining("appraisal.yml:" + lineOf(file, "良好: 95"))
                .hasMessageContaining("grade 良好 (95) must have a lower minimum than 优秀 (90) above it");
    }

    private static final String GROWTH_AND_DAYS = """
            items:
              - measure: sales
                weight: 40
                cap: 1.2
              - measure: sales_growth
                weight: 20
                goal: 0.15
                cap: 1.2
              - measure: complaint_resolution_days
                weight: 20
                goal: 3
                cap: 1.0
              - measure: effective_visit_rate
                weight: 20
                goal: 0.6
                cap: 1.0
            grades:
              优秀: 90
            """;

    @Test
    void growthOnLastYearScoresAgainstItsGoalAndResolutionDaysTheFewerTheBetter(@TempDir Path jobs) throws Exception {
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), GROWTH_AND_DAYS);
        AppraisalSettings settings = AppraisalSettings.load(jobs);

        // sales 80,000 of 100,000: 0.8 x 40 = 32; growth 30 % for a goal of 15 %: 2.0, capped at 1.2 x 20 = 24;
        // resolved in 6 days on average for a goal of 3: 3 / 6 = 0.5 x 20 = 10; effective 0.45 / 0.6 = 0.75 x 20 = 15
        Appraisals.ItemScores scored = score(settings, "80000.00", "0.3000", "6.00", "0.4500");
        assertThat(scored.items()).extracting(i -> i.attainment.toPlainString()).containsExactly("0.8000", "1.2", "0.5000",
                "0.7500");
        assertThat(scored.score()).isEqualByComparingTo("81.00");

        // sales 0.5; orders 10 % below last year's: no points, counted all the same; nothing resolved and timed:
        // left out, the other 80 rescaled to 100: sales 40 x 0.5 x 100/80 = 25, effective 1.0 x 20 x 100/80 = 25
        scored = score(settings, "50000.00", "-0.1000", null, "0.6000");
        assertThat(scored.items()).extracting(i -> i.attainment == null ? null : i.attainment.toPlainString())
                .containsExactly("0.5000", "0", null, "1.0000");
        assertThat(scored.score()).isEqualByComparingTo("50.00");

        // every complaint resolved the same day (0 days) attains the cap; no month last year: growth left out;
        // sales 1.0 x 40 x 100/80 = 50, days 1.0 x 20 x 100/80 = 25, effective 0.5 x 20 x 100/80 = 12.50
        scored = score(settings, "100000.00", null, "0.00", "0.3000");
        assertThat(scored.score()).isEqualByComparingTo("87.50");
        assertThat(AppraisalSettings.kindOf("complaint_resolution_days")).isEqualTo("DAYS");
        assertThat(AppraisalSettings.kindOf("sales_growth")).isEqualTo("RATE");
    }

    @Test
    void aLabelLongerThanTheAppraisalKeepsIsRefused(@TempDir Path jobs) throws Exception {
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), GROWTH_AND_DAYS.replace("  - measure: sales_growth\n",
                "  - measure: sales_growth\n    label: " + "增".repeat(201) + "\n"));
        assertThatThrownBy(() -> AppraisalSettings.load(jobs)).hasMessageContaining("appraisal.yml:5")
                .hasMessageContaining("item sales_growth: the label is 201 characters long; at most 200");
    }

    @Test
    void growthAndDaysNeedAGoalInTheFile(@TempDir Path jobs) throws Exception {
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), GROWTH_AND_DAYS.replace("    goal: 0.15\n", ""));
        assertThatThrownBy(() -> AppraisalSettings.load(jobs)).hasMessageContaining("item sales_growth: a rate needs a goal"
                + " above 0, e.g. goal: 0.15 for 15 % more than the same month last year");
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), GROWTH_AND_DAYS.replace("    goal: 3\n", ""));
        assertThatThrownBy(() -> AppraisalSettings.load(jobs)).hasMessageContaining("item complaint_resolution_days: needs a"
                + " goal in days above 0");
    }

    /** A month row with a sales target of 100,000 and the given orders, growth, resolution days and effective-visit rate. */
    private static Appraisals.ItemScores score(AppraisalSettings settings, String orders, String growth, String days,
                                               String effective) throws Exception {
        java.util.Map<String, BigDecimal> row = new java.util.HashMap<>();
        row.put("orders_amount", new BigDecimal(orders));
        row.put("sales_target", new BigDecimal("100000.00"));
        row.put("orders_yoy_growth", growth == null ? null : new BigDecimal(growth));
        row.put("complaint_resolution_days", days == null ? null : new BigDecimal(days));
        row.put("effective_visit_rate", new BigDecimal(effective));
        return Appraisals.items(row::get, settings);
    }

    private static int lineOf(String file, String text) {
        List<String> lines = file.lines().toList();
        return lines.indexOf(lines.stream().filter(l -> l.trim().startsWith(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void ratesRoundHalfUpAndAreEmptyWithoutADenominator() {
        assertThat(Ratio.rate(BigDecimal.ONE, new BigDecimal("23"))).isEqualByComparingTo("0.0435");
        assertThat(Ratio.rate(new BigDecimal("0.00005"), BigDecimal.ONE)).isEqualByComparingTo("0.0001");
        assertThat(Ratio.rate(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Ratio.rate(BigDecimal.ONE, null)).isNull();
        assertThat(Ratio.money(new BigDecimal("1580.645"))).isEqualByComparingTo("1580.65");
    }
}
