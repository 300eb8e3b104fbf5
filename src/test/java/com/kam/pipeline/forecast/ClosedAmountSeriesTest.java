package com.kam.pipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holt's method on noisy monthly sales, as the demo's team T006 and rep E00014 won them in 2026. */
class ClosedAmountSeriesTest {

    static final double ALPHA = 0.5;
    static final double BETA = 0.1;

    /** T006: nothing in January (the company won 2.8 M), then 0.5-4.5 M every month to October. */
    static Map<YearMonth, Double> t006() {
        Map<YearMonth, Double> won = new LinkedHashMap<>();
        double[] feb2oct = {3_331_000, 526_000, 3_029_000, 3_601_000, 956_000, 4_508_000, 4_062_000, 1_922_000, 3_054_000};
        for (int i = 0; i < feb2oct.length; i++) {
            won.put(YearMonth.of(2026, 2 + i), feb2oct[i]);
        }
        return won;
    }

    @Test
    void aNoisyTeamSeriesForecastsWhatTheTeamWinsNotItsFirstTwoMonthsDifference() {
        // as of 10-31: the series runs from January, where the company's history starts, to October
        double[] x = ClosedAmountSeries.monthly(t006(), YearMonth.of(2026, 1), LocalDate.of(2026, 11, 1));
        assertThat(x).hasSize(10);
        assertThat(x[0]).isZero();
        double november = ClosedAmountSeries.project(x, 1, ALPHA, BETA, 0.3).mean()[0];
        // least-squares start over the ten months (level -> intercept, trend -> slope), then Holt with the trend
        // damped by 0.8: 3,004,070.97, inside what T006 won each month since February (mean 2.78 M); the
        // first-difference start gave 6,311,561 from January and 35,976 from February
        assertThat(november).isCloseTo(3_004_070.97, within(0.01));
        // from February alone (the way the series used to start) it stays in the same range
        double[] fromFeb = ClosedAmountSeries.monthly(t006(), null, LocalDate.of(2026, 11, 1));
        assertThat(fromFeb).hasSize(9);
        assertThat(ClosedAmountSeries.project(fromFeb, 1, ALPHA, BETA, 0.3).mean()[0]).isBetween(2_500_000.0, 3_500_000.0);
    }

    @Test
    void aRepWinningEveryMonthIsNotForecastAtZero() {
        // E00014, January to October: 1,615,000, 0, 1,077,000, 418,000, 988,000, 734,000, 383,000, 309,000, 824,000, 416,000;
        // the first-difference start (trend -1,615,000) projected -1,069,981 for November, shown as 0
        double[] x = {1_615_000, 0, 1_077_000, 418_000, 988_000, 734_000, 383_000, 309_000, 824_000, 416_000};
        double november = ClosedAmountSeries.project(x, 3, ALPHA, BETA, 0.3).mean()[0];
        assertThat(november).isCloseTo(498_749.72, within(0.01));
    }

    @Test
    void theInitialLineIsTheLeastSquaresLineOfTheFirstMonths() {
        // 180,000, 200,000, 70,000 at t = 1, 2, 3: slope -55,000, intercept 150,000 + 2 x 55,000 = 260,000
        assertThat(ClosedAmountSeries.leastSquares(new double[] {180_000, 200_000, 70_000}, 3))
                .containsExactly(new double[] {260_000, -55_000}, within(1e-6));
        // a steep fall is never forecast below nothing
        double[] falling = {900_000, 300_000, 0}; // projected -94,577, -258,360, -389,387
        assertThat(ClosedAmountSeries.project(falling, 3, ALPHA, BETA, 0.3).mean()).containsOnly(0.0);
    }

    @Test
    void theSeriesStartsWhereTheHistoryDoesOrInTheFirstWholeMonthOfALaterRep() {
        YearMonth january = YearMonth.of(2026, 1);
        AsOfData data = new AsOfData(LocalDate.of(2026, 10, 31), null, java.util.List.of(), java.util.List.of(), Map.of(),
                Map.of(), Map.of("E00014", LocalDate.of(2025, 6, 7), "E00043", LocalDate.of(2026, 7, 5),
                        "E00050", LocalDate.of(2026, 8, 1)));
        // a team's month without a win is a 0 from the first month the company won anything
        assertThat(ForecastCalculator.seriesStart(new EntityKey(EntityKey.TEAM, "T006"), january, data)).isEqualTo(january);
        assertThat(ForecastCalculator.seriesStart(new EntityKey(EntityKey.REP, "E00014"), january, data)).isEqualTo(january);
        // a rep who joined on 07-05 had no whole month before August; one who joined on 08-01 starts in August
        assertThat(ForecastCalculator.seriesStart(new EntityKey(EntityKey.REP, "E00043"), january, data))
                .isEqualTo(YearMonth.of(2026, 8));
        assertThat(ForecastCalculator.seriesStart(new EntityKey(EntityKey.REP, "E00050"), january, data))
                .isEqualTo(YearMonth.of(2026, 8));
    }
}
