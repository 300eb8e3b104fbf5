package com.kam.pipeline.forecast;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Reads and checks {@code jobs/forecast.yml}; anything wrong is refused with the file, line and reason. */
public final class ForecastSettingsFile {

    /** The file as written. */
    record Raw(@JsonProperty("stage-probabilities") Map<String, BigDecimal> stageProbabilities,
               @JsonProperty("stalled-percentile") Double stalledPercentile,
               @JsonProperty("min-team-history") Integer minTeamHistory,
               @JsonProperty("shrinkage-strength") Double shrinkageStrength,
               @JsonProperty("smoothing-alpha") Double alpha,
               @JsonProperty("smoothing-beta") Double beta,
               @JsonProperty("smoothing-gamma") Double gamma,
               @JsonProperty("combination-weights") Map<String, Double> combinationWeights,
               @JsonProperty("top-contributors") Integer topContributors) {
    }

    private ForecastSettingsFile() {
    }

    public static ForecastSettings read(Path file) {
        Raw raw = com.kam.pipeline.system.ConfigFile.read(file, Raw.class, "stage-probabilities, stalled-percentile,"
                + " min-team-history, shrinkage-strength, smoothing-alpha, smoothing-beta, smoothing-gamma,"
                + " combination-weights, top-contributors");
        Checker c = new Checker(file);
        Map<Stage, BigDecimal> probabilities = new EnumMap<>(Stage.class);
        Map<String, BigDecimal> given = c.required("stage-probabilities", raw.stageProbabilities());
        for (Map.Entry<String, BigDecimal> e : given.entrySet()) {
            if (!Stage.isOpen(e.getKey())) {
                throw c.error(e.getKey(), "unknown stage '" + e.getKey() + "'; open stages are " + Stage.OPEN);
            }
            if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(BigDecimal.ONE) > 0) {
                throw c.error(e.getKey(), "probability of " + e.getKey() + " must be between 0 and 1, not " + e.getValue());
            }
            probabilities.put(Stage.of(e.getKey()), e.getValue());
        }
        Stage before = null;
        for (Stage s : Stage.OPEN) {
            if (!probabilities.containsKey(s)) {
                throw c.error("stage-probabilities", "no probability for stage " + s);
            }
            // a deal further along the funnel is at least as likely to be won; a falling one is a slip of the pen
            if (before != null && probabilities.get(s).compareTo(probabilities.get(before)) < 0) {
                throw c.error(s.name(), "probability of " + s + " (" + probabilities.get(s).toPlainString() + ") is below that of "
                        + before + " (" + probabilities.get(before).toPlainString() + "), the stage before it; a later stage"
                        + " must be at least as likely to be won");
            }
            before = s;
        }
        Map<Method, Double> weights = new EnumMap<>(Method.class);
        double total = 0;
        for (Map.Entry<String, Double> e : c.required("combination-weights", raw.combinationWeights()).entrySet()) {
            Method m;
            try {
                m = Method.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                m = null;
            }
            if (m == null || m == Method.COMBINED) {
                throw c.error(e.getKey(), "unknown method '" + e.getKey() + "'; methods are WEIGHTED, LEARNED, TIME_SERIES, CATEGORY");
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw c.error(e.getKey(), "weight of " + e.getKey() + " must be zero or more");
            }
            weights.put(m, e.getValue());
            total += e.getValue();
        }
        if (total <= 0) {
            throw c.error("combination-weights", "at least one combination weight must be above zero");
        }
        return new ForecastSettings(probabilities,
                c.fraction("stalled-percentile", raw.stalledPercentile()),
                (int) c.atLeast("min-team-history", raw.minTeamHistory(), 0),
                c.atLeast("shrinkage-strength", raw.shrinkageStrength(), 0),
                c.fraction("smoothing-alpha", raw.alpha()),
                c.fraction("smoothing-beta", raw.beta()),
                c.fraction("smoothing-gamma", raw.gamma()),
                weights,
                (int) c.atLeast("top-contributors", raw.topContributors(), 0),
                sha256(file));
    }

    /** The settings' fingerprint, stored with each run so a forecast can be traced to the settings it used. */
    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ForecastConfigException(file, 0, "cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns a problem into an exception pointing at the line that defines the key. */
    private record Checker(Path file) {

        ForecastConfigException error(String key, String reason) {
            return new ForecastConfigException(file, lineOf(key), reason);
        }

        <T> T required(String key, T value) {
            if (value == null) {
                throw error(key, "'" + key + "' is required");
            }
            return value;
        }

        double fraction(String key, Double value) {
            double v = required(key, value);
            if (v < 0 || v > 1) {
                throw error(key, "'" + key + "' must be between 0 and 1, not " + plain(v));
            }
            return v;
        }

        double atLeast(String key, Number value, double min) {
            double v = required(key, value).doubleValue();
            if (v < min) {
                throw error(key, "'" + key + "' must be at least " + plain(min) + ", not " + plain(v));
            }
            return v;
        }

        /** A number as written in the file: 30, not 30.0. */
        private static String plain(double v) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }

        int lineOf(String key) {
            try {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith(key + ":") || line.startsWith("\"" + key + "\":")) {
                        return i + 1;
                    }
                }
            } catch (IOException ignored) {
                // the line number is a courtesy
            }
            return 0;
        }
    }
}
