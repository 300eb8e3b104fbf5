package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The open-pipeline parts of an entity's forecasts for one horizon: weighted and learned
 * expectations with their variances (deals taken as independent wins), committed and best-case
 * amounts, and the top contributors of each method.
 */
final class PipelineTotals {

    BigDecimal weighted = BigDecimal.ZERO;
    double weightedVariance;
    double learned;
    double learnedVariance;
    BigDecimal commit = BigDecimal.ZERO;
    BigDecimal bestCase = BigDecimal.ZERO;
    final Map<Method, TopContributors> top = new EnumMap<>(Method.class);

    PipelineTotals(int topSize) {
        for (Method m : Method.values()) {
            if (m != Method.TIME_SERIES) {
                top.put(m, new TopContributors(topSize));
            }
        }
    }
}
