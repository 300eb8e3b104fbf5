package com.kam.pipeline.forecast;

import java.util.Map;

/**
 * Blends the methods' P50s with the configured weights (renormalised over the methods an entity
 * has). Its spread is the same blend of the methods' standard errors, read back from their
 * P10-P90 ranges, i.e. it assumes their errors move together: a wide rather than a narrow range.
 */
final class CombinedForecast {

    static final double Z90 = 1.2815515655446004; // standard normal 90th percentile

    record Blend(double p10, double p50, double p90) {
    }

    private CombinedForecast() {
    }

    /** Methods given as P10/P50/P90 triples; null when none of them has a weight. */
    static Blend blend(Map<Method, double[]> methods, Map<Method, Double> weights, double floor) {
        double total = 0;
        double p50 = 0;
        double sigma = 0;
        for (Map.Entry<Method, double[]> e : methods.entrySet()) {
            double w = weights.getOrDefault(e.getKey(), 0.0);
            if (w <= 0) {
                continue;
            }
            double[] q = e.getValue();
            total += w;
            p50 += w * q[1];
            sigma += w * (q[2] - q[0]) / (2 * Z90);
        }
        if (total <= 0) {
            return null;
        }
        p50 /= total;
        sigma /= total;
        return new Blend(Math.max(floor, p50 - Z90 * sigma), p50, p50 + Z90 * sigma);
    }

    /** The share of each pipeline method in a deal's combined contribution. */
    static double share(Method method, Map<Method, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).filter(w -> w > 0).sum();
        return total <= 0 ? 0 : Math.max(0, weights.getOrDefault(method, 0.0)) / total;
    }
}
