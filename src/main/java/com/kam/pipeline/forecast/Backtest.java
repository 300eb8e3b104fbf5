package com.kam.pipeline.forecast;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays forecasts as of each month start in a range, each from what was known that day only
 * (the same bounded reads as a nightly run), then measures them against what the latest data
 * say was won, summarises the error per method, horizon and entity level, and learns the
 * calibration of the ranges ({@link RangeCalibration}). Only when asked ({@code calibrate}) does it
 * store that calibration for the nightly forecasts: a backtest run for analysis, over a few months,
 * would otherwise change the next nights' P10-P90 (and drop the levels it has too few forecasts of).
 */
@Component
class Backtest {

    /** Mean absolute percentage error, mean bias and P10-P90 coverage of one method, horizon and entity level. */
    record Error(String method, String horizon, String entityType, double mape, double bias, double coverage, int forecasts) {
    }

    private final ForecastService service;
    private final AsOfDataReader reader;
    private final ForecastAccuracy accuracy;
    private final JdbcTemplate jdbc;

    Backtest(ForecastService service, AsOfDataReader reader, ForecastAccuracy accuracy, JdbcTemplate jdbc) {
        this.service = service;
        this.reader = reader;
        this.accuracy = accuracy;
        this.jdbc = jdbc;
    }

    /**
     * Runs the replay and returns the error table; {@code progress} is told about each month and about the
     * calibration, stored for the nightly forecasts only with {@code calibrate}.
     */
    List<Error> run(YearMonth from, YearMonth to, boolean calibrate, java.util.function.Consumer<String> progress) {
        ForecastSettings settings = service.settings();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long started = System.nanoTime();
            ForecastService.Outcome o = service.run(m.atDay(1), ForecastStore.BACKTEST, null, settings);
            progress.accept(String.format("as of %s: run %d, %d open deals, %.1f s", m.atDay(1), o.runId(), o.data().open().size(),
                    (System.nanoTime() - started) / 1e9));
        }
        LocalDate latest = jdbc.queryForObject("SELECT MAX(snapshot_date) FROM opportunity_snapshot", LocalDate.class);
        if (latest != null) {
            // the day after the latest snapshot: every period ending on or before it can be measured
            accuracy.measure(reader.read(latest.plusDays(1)), ForecastStore.BACKTEST);
        }
        progress.accept(calibrate(from.atDay(1), to.atDay(1), calibrate));
        return errors(from.atDay(1), to.atDay(1));
    }

    /** Learns the calibration and stores it if asked; says what the nightly forecasts apply from now on. */
    private String calibrate(LocalDate from, LocalDate to, boolean store) {
        java.util.Map<RangeCalibration.Key, double[]> learned = RangeCalibration.learn(jdbc, from, to);
        RangeCalibration stored = RangeCalibration.load(jdbc);
        String kept = "the nightly forecasts keep the " + stored.size() + " factor(s) stored before";
        if (learned.isEmpty()) {
            return "P10-P90 calibration: too few measured forecasts to learn from; nothing stored, " + kept;
        }
        RangeCalibration calibration = RangeCalibration.of(learned);
        if (!store) {
            return "P10-P90 calibration NOT stored (run with --calibrate to store it): " + kept + ". This backtest's would be: "
                    + calibration.describe();
        }
        RangeCalibration.store(jdbc, learned, from, to);
        String dropped = stored.missingFrom(calibration);
        return "P10-P90 calibration stored for the nightly forecasts (--calibrate; factor on the distance from P50 to each"
                + " bound): " + calibration.describe() + "; it replaces the " + stored.size() + " factor(s) stored before"
                + (dropped.isEmpty() ? "" : ", and these it could not learn are no longer calibrated: " + dropped);
    }

    List<Error> errors(LocalDate from, LocalDate to) {
        List<Error> errors = new ArrayList<>();
        jdbc.query("SELECT a.method, a.horizon, a.entity_type, AVG(a.abs_pct_error), AVG(a.bias),"
                + " AVG(CASE WHEN a.within_p10_p90 THEN 1.0 ELSE 0.0 END), COUNT(*) FROM forecast_accuracy a"
                + " JOIN forecast_run r ON r.run_id = a.run_id WHERE r.run_kind = 'BACKTEST' AND r.as_of_date >= ?"
                + " AND r.as_of_date <= ? AND a.abs_pct_error IS NOT NULL GROUP BY a.method, a.horizon, a.entity_type", rs -> {
            errors.add(new Error(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getDouble(6), rs.getInt(7)));
        }, Date.valueOf(from), Date.valueOf(to));
        return errors;
    }
}
