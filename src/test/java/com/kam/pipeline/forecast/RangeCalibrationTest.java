package com.kam.pipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calibration rule, by hand: the 80th percentile of how far out the actuals fell, bounded, applied around P50. */
class RangeCalibrationTest {

    @Test
    void theFactorIsTheEighthOfTenRatiosAndNeedsEightForecasts() {
        // |actual - P50| / (P90 - P50) of ten backtested forecasts; 80% of them must fall inside: the 8th smallest
        double[] ratios = {0.1, 3.0, 0.4, 2.2, 0.9, 1.7, 0.2, 2.9, 1.1, 0.6};
        assertThat(RangeCalibration.scaleOf(ratios)).isEqualTo(2.2);
        assertThat(RangeCalibration.scaleOf(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7})).as("seven").isNull();
        // bounded: narrowed at most by half, widened at most tenfold
        assertThat(RangeCalibration.scaleOf(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1})).isEqualTo(0.5);
        assertThat(RangeCalibration.scaleOf(new double[] {40, 40, 40, 40, 40, 40, 40, 40})).isEqualTo(10);
    }

    @Test
    void theDistanceFromP50ToEachBoundIsScaledAndP10StaysAtLeastWhatIsWon() {
        RangeCalibration calibration = new RangeCalibration(Map.of(
                new RangeCalibration.Key(Method.LEARNED, Horizon.CURRENT_MONTH, "TEAM"), 2.2));
        // 100,000 -> 80,000 below and +30,000 above become 44,000 and 66,000; 60,000 is already won
        assertThat(calibration.apply(Method.LEARNED, Horizon.CURRENT_MONTH, "TEAM", new double[] {80_000, 100_000, 130_000}, 60_000))
                .containsExactly(60_000, 100_000, 166_000);
        assertThat(calibration.apply(Method.LEARNED, Horizon.CURRENT_MONTH, "TEAM", new double[] {80_000, 100_000, 130_000}, 0))
                .containsExactly(56_000, 100_000, 166_000);
        // no factor for this method, horizon or level: as computed
        assertThat(calibration.apply(Method.LEARNED, Horizon.NEXT_MONTH, "TEAM", new double[] {80_000, 100_000, 130_000}, 0))
                .containsExactly(80_000, 100_000, 130_000);
    }
}
