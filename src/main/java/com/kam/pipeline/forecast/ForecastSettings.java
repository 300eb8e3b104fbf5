package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The checked contents of {@code jobs/forecast.yml}.
 *
 * @param stageProbabilities weighted pipeline: chance of winning per open stage
 * @param stalledPercentile  share (0..1) of historical stage durations a stalled deal exceeds
 * @param minTeamHistory     closed opportunities a team needs before its own rates are used
 * @param shrinkageStrength  pseudo-count pulling a team's rates toward the company's
 * @param alpha              smoothing weight of the level
 * @param beta               smoothing weight of the trend
 * @param gamma              smoothing weight of the seasonal factors
 * @param combinationWeights weight of each method in the combined forecast
 * @param topContributors    contributing opportunities kept per forecast
 * @param sha256             digest of the file, stored with each run
 */
public record ForecastSettings(Map<Stage, BigDecimal> stageProbabilities, double stalledPercentile, int minTeamHistory,
                               double shrinkageStrength, double alpha, double beta, double gamma,
                               Map<Method, Double> combinationWeights, int topContributors, String sha256) {

    BigDecimal probability(Stage stage) {
        return stageProbabilities.get(stage);
    }
}
