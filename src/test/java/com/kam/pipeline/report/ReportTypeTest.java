package com.kam.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which reports a night makes and for which period. */
class ReportTypeTest {

    @Test
    void theDigestIsDueDailyTheWeeklyOnSundaysTheMonthlyOnTheLastDay() {
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 27), null)).containsExactly(ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 24), null)).containsExactly(ReportType.WEEKLY, ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 6, 30), null))
                .containsExactly(ReportType.SCORECARD, ReportType.FUNNEL, ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 2, 28), null)).contains(ReportType.SCORECARD);
    }

    @Test
    void aForcedTypeCoversThePeriodContainingTheDate() {
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 27), ReportType.parse("Weekly"))).containsExactly(ReportType.WEEKLY);
        assertThat(ReportType.WEEKLY.periodContaining(LocalDate.of(2026, 5, 27)))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 31)));
        ReportPeriod may = ReportType.SCORECARD.periodContaining(LocalDate.of(2026, 5, 13));
        assertThat(may).isEqualTo(new ReportPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
        assertThat(may.asOf(LocalDate.of(2026, 5, 13))).isEqualTo(LocalDate.of(2026, 5, 13));
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> ReportType.parse("monthly"))
                .hasMessage("unknown report type 'monthly'; one of [SCORECARD, WEEKLY, FUNNEL, DIGEST]");
    }
}
