package com.kam.pipeline.forecast;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the P10-P90 ranges hold about 80% of what is won. The WEIGHTED and LEARNED ranges treat
 * deals as independent wins, so at team and company level they narrow far below the real error;
 * the time series' range comes from its one-step errors. A backtest replays the uncalibrated
 * methods; for each method, horizon and entity level, the ratio |actual - P50| / (P90 - P50) of
 * its forecasts, taken at the 80th percentile, is the factor by which the distance from P50 to
 * each bound must change for 80% of them to have fallen inside. Nightly forecasts apply the factors
 * stored by the last backtest asked to calibrate ({@code --calibrate}); a backtest run for analysis
 * only prints what it would store. The CATEGORY range (commit to best case) is the reps' own and is left.
 */
final class RangeCalibration {

    /** Share of the actuals the range should hold. */
    static final double COVERAGE = 0.8;
    /** Fewer backtested forecasts than this give no factor: the range stays as computed. */
    static final int MIN_FORECASTS = 8;
    // a factor learned from few forecasts is noisy: narrow at most by half, widen at most tenfold
    static final double MIN_SCALE = 0.5;
    static final double MAX_SCALE = 10;
    static final Set<Method> CALIBRATED = Set.of(Method.WEIGHTED, Method.LEARNED, Method.TIME_SERIES, Method.COMBINED);

    /** A method's range at one horizon and entity level. */
    record Key(Method method, String horizon, String entityType) {
    }

    private final Map<Key, Double> scales;

    RangeCalibration(Map<Key, Double> scales) {
        this.scales = Map.copyOf(scales);
    }

    static RangeCalibration none() {
        return new RangeCalibration(Map.of());
    }

    boolean isEmpty() {
        return scales.isEmpty();
    }

    int size() {
        return scales.size();
    }

    /** {p10, p50, p90} with the distance from P50 to each bound scaled; P10 never below what is already won. */
    double[] apply(Method method, String horizon, String entityType, double[] range, double floor) {
        Double scale = scales.get(new Key(method, horizon, entityType));
        if (scale == null) {
            return range;
        }
        double p50 = range[1];
        return new double[] {Math.max(floor, p50 - scale * (p50 - range[0])), p50, p50 + scale * (range[2] - p50)};
    }

    /**
     * The factor from a sample of |actual - P50| / (P90 - P50): its nearest-rank 80th percentile,
     * bounded; null with too few forecasts.
     */
    static Double scaleOf(double[] ratios) {
        if (ratios.length < MIN_FORECASTS) {
            return null;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double q = sorted[(int) Math.ceil(COVERAGE * sorted.length) - 1];
        // stored with 4 decimals: the factor applied is the one kept
        return Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, q)) * 10_000) / 10_000.0;
    }

    /** The factors stored by the last calibrating backtest, which the nightly forecasts apply. */
    static RangeCalibration load(JdbcTemplate jdbc) {
        Map<Key, Double> scales = new HashMap<>();
        jdbc.query("SELECT method, horizon, entity_type, scale FROM forecast_calibration", rs -> {
            scales.put(new Key(Method.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)), rs.getDouble(4));
        });
        return new RangeCalibration(scales);
    }

    /** A backtested forecast and what was won. */
    record Measured(Key key, double p10, double p50, double p90, double actual, double closedWon) {

        /** |actual - P50| / (P90 - P50): how far out the actual fell, in units of the upper half-range. */
        double ratio() {
            return Math.abs(actual - p50) / (p90 - p50);
        }
    }

    /** The measured forecasts of the calibrated methods in the backtest runs as of {@code from..to}. */
    static List<Measured> measured(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        List<Measured> measured = new ArrayList<>();
        jdbc.query("SELECT f.method, f.horizon, f.entity_type, f.p10, f.p50, f.p90, a.actual, f.closed_won"
                + " FROM forecast f JOIN forecast_run r ON r.run_id = f.run_id"
                + " JOIN forecast_accuracy a ON a.run_id = f.run_id AND a.horizon = f.horizon AND a.entity_type = f.entity_type"
                + "   AND a.entity_id = f.entity_id AND a.method = f.method"
                + " WHERE r.run_kind = 'BACKTEST' AND r.as_of_date BETWEEN ? AND ? AND f.p90 > f.p50", rs -> {
            Method method = Method.valueOf(rs.getString(1));
            if (CALIBRATED.contains(method)) {
                measured.add(new Measured(new Key(method, rs.getString(2), rs.getString(3)), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)));
            }
        }, Date.valueOf(from), Date.valueOf(to));
        return measured;
    }

    /** The factors the measured forecasts give, with how many forecasts each was learned from. */
    static Map<Key, double[]> scalesOf(List<Measured> measured) {
        Map<Key, List<Double>> ratios = new HashMap<>();
        measured.forEach(m -> ratios.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m.ratio()));
        Map<Key, double[]> scales = new HashMap<>();
        ratios.forEach((key, sample) -> {
            Double scale = scaleOf(sample.stream().mapToDouble(Double::doubleValue).toArray());
            if (scale != null) {
                scales.put(key, new double[] {scale, sample.size()});
            }
        });
        return scales;
    }

    /** The factors the measured forecasts of the backtest runs as of {@code from..to} give, with their sample sizes; nothing stored. */
    static Map<Key, double[]> learn(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        return scalesOf(measured(jdbc, from, to));
    }

    /** The factors alone, as the nightly forecasts would apply them. */
    static RangeCalibration of(Map<Key, double[]> learned) {
        Map<Key, Double> scales = new HashMap<>();
        learned.forEach((key, scale) -> scales.put(key, scale[0]));
        return new RangeCalibration(scales);
    }

    /**
     * Stores learned factors in place of all the earlier ones: the nightly forecasts apply these from now on, and a
     * combination the backtest could not learn is no longer calibrated. Only `kam backtest --calibrate` (and the
     * schedule's backtest with calibrate: true) call this; returns the factors stored.
     */
    static RangeCalibration store(JdbcTemplate jdbc, Map<Key, double[]> learned, LocalDate from, LocalDate to) {
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        learned.forEach((key, scale) -> rows.add(new Object[] {key.method().name(), key.horizon(), key.entityType(), scale[0],
                (int) scale[1], Date.valueOf(from), Date.valueOf(to), now}));
        jdbc.update("DELETE FROM forecast_calibration");
        jdbc.batchUpdate("INSERT INTO forecast_calibration (method, horizon, entity_type, scale, forecasts, backtest_from,"
                + " backtest_to, computed_at) VALUES (?,?,?,?,?,?,?,?)", rows);
        return of(learned);
    }

    /** The method, horizon and level combinations calibrated here and not in {@code other}, e.g. {@code REGION x12}. */
    String missingFrom(RangeCalibration other) {
        Map<String, Integer> levels = new java.util.TreeMap<>();
        scales.keySet().stream().filter(k -> !other.scales.containsKey(k)).forEach(k -> levels.merge(k.entityType(), 1, Integer::sum));
        return levels.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The factors at company level, e.g. {@code LEARNED CURRENT_MONTH x2.31}, then how many there are in all. */
    String describe() {
        List<String> company = scales.entrySet().stream().filter(e -> "COMPANY".equals(e.getKey().entityType()))
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing((Key k) -> k.method().ordinal())
                        .thenComparing(Key::horizon)))
                .map(e -> e.getKey().method() + " " + e.getKey().horizon() + " x" + String.format(java.util.Locale.ROOT, "%.2f", e.getValue()))
                .toList();
        return "company " + (company.isEmpty() ? "none" : String.join(", ", company)) + "; " + scales.size()
                + " method, horizon and level combinations in all";
    }
}
