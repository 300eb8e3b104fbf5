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
        assertThat(scored.items()).extracting(i -> i.attainment.toPlainString()).containsExactly("0.8000", "1.2000", "0.5000",
                "0.7500");
        assertThat(scored.score()).isEqualByComparingTo("81.00");

        // sales 0.5; orders 10 % below last year's: no points, counted all the same; nothing resolved and timed:
        // left out, the other 80 rescaled to 100: sales 40 x 0.5 x 100/80 = 25, effective 1.0 x 20 x 100/80 = 25
        scored = score(settings, "50000.00", "-0.1000", null, "0.6000");
        assertThat(scored.items()).extracting(i -> i.attainment == null ? null : i.attainment.toPlainString())
                .containsExactly("0.5000", "0.0000", null, "1.0000");
        assertThat(scored.score()).isEqualByComparingTo("50.00");

        // every complaint resolved the same day (0 days) attains the cap; no month last year: growth left out;
        // sales 1.0 x 40 x 100/80 = 50, days 1.0 x 20 x 100/80 = 25, effective 0.5 x 20 x 100/80 = 12.50
        scored = score(settings, "100000.00", null, "0.00", "0.3000");
        assertThat(scored.score()).isEqualByComparingTo("87.50");
        assertThat(AppraisalSettings.kindOf("complaint_resolution_days")).isEqualTo("DAYS");
        assertThat(AppraisalSettings.kindOf("sales_growth")).isEqualTo("RATE");
    }

    // The shipped file: sales 35, collections 20, new customers 15, effective visits 10 (goal 0.6),
    // reports on time 10, complaints resolved 10 (goal 1.0).

    @Test
    void aRepAtExactlyEachGradesMinimumEverywhereGetsThatGradeThoughItemsAreRescaled() throws Exception {
        AppraisalSettings settings = AppraisalSettings.load(Path.of("jobs"));
        // no new-customer target: 85 weight points counted, each weight scaled by 100/85. At 80 % of every
        // goal: sales 35/0.85 x 0.8 = 32.941 -> 32.94, collections 20/0.85 x 0.8 = 18.824 -> 18.82, each
        // rate 10/0.85 x 0.8 = 9.412 -> 9.41; the shown points add up to 79.99, the score is exactly
        // 0.8 x 100 = 80.00, 良好 (rounding each item first made it 79.99, 中等)
        Appraisals.ItemScores at80 = score(settings, "0.80");
        assertThat(at80.items()).extracting(i -> i.points == null ? null : i.points.toPlainString())
                .containsExactly("32.94", "18.82", null, "9.41", "9.41", "9.41");
        assertThat(at80.items()).extracting(i -> i.appliedWeight == null ? null : i.appliedWeight.toPlainString())
                .containsExactly("41.18", "23.53", null, "11.76", "11.76", "11.76");
        assertThat(at80.score()).isEqualByComparingTo("80.00");
        assertThat(settings.gradeOf(at80.score())).isEqualTo("良好");
        // 90 %: 37.06 + 21.18 + 3 x 10.59 = 90.01 shown, score 90.00, 优秀
        assertThat(score(settings, "0.90").score()).isEqualByComparingTo("90.00");
        assertThat(settings.gradeOf(score(settings, "0.90").score())).isEqualTo("优秀");
        // 70 %: 28.82 + 16.47 + 3 x 8.24 = 70.01 shown, score 70.00, 中等
        assertThat(score(settings, "0.70").score()).isEqualByComparingTo("70.00");
        assertThat(settings.gradeOf(score(settings, "0.70").score())).isEqualTo("中等");
        // 60 %: 24.71 + 14.12 + 3 x 7.06 = 60.01 shown, score 60.00, 及格
        assertThat(score(settings, "0.60").score()).isEqualByComparingTo("60.00");
        assertThat(settings.gradeOf(score(settings, "0.60").score())).isEqualTo("及格");
    }

    @Test
    void aRepAtEveryGoalScores100WhateverTheRescaledWeights() throws Exception {
        AppraisalSettings settings = AppraisalSettings.load(Path.of("jobs"));
        // a joiner whose targets are all 0, no goal (E00043 of the demo's July, who sold 1,425,200 all the same):
        // the three rates alone, 10 each of 30 counted:
        // 100/3 = 33.33 each shown; the score is 3 x 100/3 = 100.00 (summing the rounded points made it 99.99)
        Appraisals.ItemScores joiner = Appraisals.items(row("1425200.00", "0", "1833300.00", "0", "5", "0", "0.6377", "1.0000",
                "1.0000")::get,
                settings);
        assertThat(joiner.items()).extracting(i -> i.points == null ? null : i.points.toPlainString())
                .containsExactly(null, null, null, "33.33", "33.33", "33.33");
        assertThat(joiner.score()).isEqualByComparingTo("100.00");
        assertThat(joiner.pointsTotal()).isEqualByComparingTo("100.00");
        // no new-customer target and every goal met: 85 counted, 41.18 + 23.53 + 3 x 11.76 = 99.99 shown, score 100.00
        Appraisals.ItemScores perfect = score(settings, "1.00");
        assertThat(perfect.score()).isEqualByComparingTo("100.00");
        assertThat(perfect.pointsTotal()).isEqualByComparingTo("100.00");
    }

    @Test
    void pointsComeFromTheExactAttainmentNotTheRoundedOne() throws Exception {
        AppraisalSettings settings = AppraisalSettings.load(Path.of("jobs"));
        // E00020 of the demo's October, every item counted: sales 498,900 / 2,390,000 = 0.2087448 (stored 0.2087)
        // x 35 = 7.3061 -> 7.31 (0.2087 x 35 = 7.30); collections 509,100 / 2,130,000 = 0.2390141 x 20 = 4.7803
        // -> 4.78; new customers 1 / 1 x 15 = 15; effective 0.6774 / 0.6 capped at 1 x 10 = 10; on time
        // 0.9444 x 10 = 9.444 -> 9.44; complaints 0.8333 x 10 = 8.333 -> 8.33; score 7.3061 + 4.7803 + 15 + 10
        // + 9.444 + 8.333 = 54.8633 -> 54.86 (54.85 before)
        Appraisals.ItemScores scored = Appraisals.items(row("498900.00", "2390000.00", "509100.00", "2130000.00", "1", "1",
                "0.6774", "0.9444", "0.8333")::get, settings);
        assertThat(scored.items().get(0).attainment).isEqualByComparingTo("0.2087");
        assertThat(scored.items().get(0).points).isEqualByComparingTo("7.31");
        assertThat(scored.items().get(1).points).isEqualByComparingTo("4.78");
        assertThat(scored.score()).isEqualByComparingTo("54.86");
    }

    @Test
    void aTotalAbove100IsCappedAndKeptForTheScorecard() throws Exception {
        AppraisalSettings settings = AppraisalSettings.load(Path.of("jobs"));
        // E00015 of the demo's October, no new-customer target (85 counted): sales 1,985,000 / 1,300,000 capped at
        // 1.2 x 35/0.85 = 49.4118; collections 1,047,800 / 1,120,000 = 0.9355357 x 20/0.85 = 22.0126; effective
        // 0.6032 / 0.6 capped at 1 x 10/0.85 = 11.7647; on time 0.8889 x 10/0.85 = 10.4576; complaints 11.7647;
        // total 105.4114 -> 105.41 (the points shown add up to 105.40), score 100.00
        Appraisals.ItemScores scored = Appraisals.items(row("1985000.00", "1300000.00", "1047800.00", "1120000.00", "0", "0",
                "0.6032", "0.8889", "1.0000")::get, settings);
        assertThat(scored.items()).extracting(i -> i.points == null ? null : i.points.toPlainString())
                .containsExactly("49.41", "22.01", null, "11.76", "10.46", "11.76");
        assertThat(scored.items().get(0).appliedWeight).isEqualByComparingTo("41.18");
        assertThat(scored.pointsTotal()).isEqualByComparingTo("105.41");
        assertThat(scored.score()).isEqualByComparingTo("100.00");
    }

    /** A month row at {@code share} of every goal of the shipped file, with no new-customer target. */
    private static Appraisals.ItemScores score(AppraisalSettings settings, String share) throws Exception {
        BigDecimal s = new BigDecimal(share);
        String amount = s.multiply(new BigDecimal("100000")).toPlainString();
        return Appraisals.items(row(amount, "100000", amount, "100000", "0", "0", s.multiply(new BigDecimal("0.6")).toPlainString(),
                share, share)::get, settings);
    }

    /** A rep's month row for the shipped file's measures; null for a figure the month does not have. */
    private static java.util.Map<String, BigDecimal> row(String orders, String salesTarget, String collections,
                                                         String collectionTarget, String newCustomers, String newCustomerTarget,
                                                         String effective, String onTime, String complaintsResolved) {
        java.util.Map<String, BigDecimal> row = new java.util.HashMap<>();
        String[] columns = {"orders_amount", "sales_target", "collections", "collection_target", "new_customers",
                "new_customer_target", "effective_visit_rate", "report_on_time_rate", "complaint_resolution_rate"};
        String[] values = {orders, salesTarget, collections, collectionTarget, newCustomers, newCustomerTarget, effective, onTime,
                complaintsResolved};
        for (int k = 0; k < columns.length; k++) {
            row.put(columns[k], values[k] == null ? null : new BigDecimal(values[k]));
        }
        return row;
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
