package com.kam.pipeline.report;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which reports a night makes and for which period. */
class ReportTypeTest {

    @Test
    void theDigestIsDueDailyTheWeeklyOnSundaysTheMonthlyOnTheLastDay() {
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 27), null, MONDAY)).containsExactly(ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 24), null, MONDAY)).containsExactly(ReportType.WEEKLY, ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 6, 30), null, MONDAY))
                .containsExactly(ReportType.SCORECARD, ReportType.FUNNEL, ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 2, 28), null, MONDAY)).contains(ReportType.SCORECARD);
    }

    @Test
    void aForcedTypeCoversThePeriodContainingTheDate() {
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 27), ReportType.parse("Weekly"), MONDAY)).containsExactly(ReportType.WEEKLY);
        assertThat(ReportType.WEEKLY.periodContaining(LocalDate.of(2026, 5, 27), MONDAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 31)));
        ReportPeriod may = ReportType.SCORECARD.periodContaining(LocalDate.of(2026, 5, 13), MONDAY);
        assertThat(may).isEqualTo(new ReportPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)));
        assertThat(may.asOf(LocalDate.of(2026, 5, 13))).isEqualTo(LocalDate.of(2026, 5, 13));
    }

    @Test
    void theWeeklyReportFollowsTheRollupsWeekStart() {
        // weeks from Sunday: Saturday closes one, and the report is due then, not on Sunday
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 30), null, SUNDAY)).containsExactly(ReportType.WEEKLY, ReportType.DIGEST);
        assertThat(ReportType.forRun(LocalDate.of(2026, 5, 31), null, SUNDAY)).containsExactly(ReportType.SCORECARD,
                ReportType.FUNNEL, ReportType.DIGEST);
        assertThat(ReportType.WEEKLY.periodContaining(LocalDate.of(2026, 5, 27), SUNDAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 30)));
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> ReportType.parse("monthly"))
                .hasMessage("unknown report type 'monthly'; one of [SCORECARD, WEEKLY, FUNNEL, DIGEST]");
    }
}
