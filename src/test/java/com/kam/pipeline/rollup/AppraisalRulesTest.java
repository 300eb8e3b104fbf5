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
