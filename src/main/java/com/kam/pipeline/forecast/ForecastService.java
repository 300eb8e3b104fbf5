package com.kam.pipeline.forecast;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes and stores one forecast run as of a date: the funnel (nightly runs) and every
 * method's forecasts. A run that fails leaves nothing behind; a backtest run replaces the
 * earlier backtest run of the same date, a nightly run never replaces anything (but the detail
 * of old nightly runs is removed: {@link ForecastDetailRetention}).
 */
@Service
public class ForecastService {

    private static final Logger log = LoggerFactory.getLogger(ForecastService.class);
    /** Days an opportunity snapshot may be older than the as-of date before the warning asks about the export (weekly exports pass). */
    private static final int STALE_SNAPSHOT_DAYS = 7;

    /** A stored run and the data it was computed from. */
    record Outcome(long runId, AsOfData data) {
    }

    private final ForecastSettingsSource settingsSource;
    private final AsOfDataReader reader;
    private final ForecastStore store;
    private final JdbcTemplate jdbc;
    private final ForecastDetailRetention retention;

    public ForecastService(ForecastSettingsSource settingsSource, AsOfDataReader reader, ForecastStore store, JdbcTemplate jdbc,
                           ForecastDetailRetention retention) {
        this.settingsSource = settingsSource;
        this.reader = reader;
        this.store = store;
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** Reads and checks the settings; a malformed file stops here with its line and reason. */
    public ForecastSettings settings() {
        return settingsSource.read();
    }

    Outcome run(LocalDate asOf, String kind, Long jobInstanceId, ForecastSettings settings) {
        long started = System.nanoTime();
        AsOfData data = reader.read(asOf);
        long read = System.nanoTime();
        long computed;
        if (ForecastStore.BACKTEST.equals(kind)) {
            List<Long> earlier = jdbc.queryForList("SELECT run_id FROM forecast_run WHERE as_of_date = ? AND run_kind = ?",
                    Long.class, java.sql.Date.valueOf(asOf), kind);
            earlier.forEach(store::deleteRun);
        }
        long runId = store.startRun(asOf, data.snapshotDate(), kind, jobInstanceId, settings.sha256());
        int factors = 0;
        try {
            LearnedConversion learned = new LearnedConversion(data, settings);
            // a backtest measures the methods as they compute their ranges, to learn the calibration from
            RangeCalibration calibration = ForecastStore.BACKTEST.equals(kind) ? RangeCalibration.none()
                    : RangeCalibration.load(jdbc);
            factors = calibration.size();
            ForecastCalculator.Result result = new ForecastCalculator(settings, calibration).calculate(data, learned);
            computed = System.nanoTime();
            store.writeForecasts(runId, result);
            if (ForecastStore.NIGHTLY.equals(kind)) {
                FunnelSnapshot.Result funnel = new FunnelSnapshot(settings).compute(data);
                List<Object[]> ideal = new IdealFunnel(settings).compute(data, funnel.cells(), learned);
                store.writeFunnel(runId, funnel, ideal);
            }
            store.finishRun(runId);
        } catch (RuntimeException e) {
            store.deleteRun(runId);
            throw e;
        }
        log.info("forecast {} as of {}: run {}, {} open and {} closed deals (snapshot {}); read {} ms, forecasts computed {} ms,"
                + " total {} ms{}", kind, asOf, runId, data.open().size(), data.closed().size(), data.snapshotDate(),
                (read - started) / 1_000_000, (computed - read) / 1_000_000, (System.nanoTime() - started) / 1_000_000,
                factors == 0 ? "" : "; P10-P90 calibrated by the last backtest (" + factors + " factors)");
        warnOfAnEarlierSnapshot(kind, asOf, data.snapshotDate());
        if (ForecastStore.NIGHTLY.equals(kind)) {
            warnOfMonthsWithoutTargets(asOf, data);
            retention.apply(runId);
        }
        return new Outcome(runId, data);
    }

    /**
     * A month of the quarter the coverage is measured against with no sales target for anyone
     * counts as 0 in the quarter's target, which then looks easy to cover: say so (targets are
     * often loaded a month at a time).
     */
    static List<LocalDate> monthsWithoutTargets(LocalDate asOf, AsOfData data) {
        Horizon quarter = Horizon.openQuarter(data.knownOn(), asOf);
        java.util.Set<LocalDate> withTargets = new java.util.HashSet<>();
        data.targets().values().forEach(months -> withTargets.addAll(months.keySet()));
        List<LocalDate> missing = new java.util.ArrayList<>();
        for (LocalDate month = quarter.start(); month.isBefore(quarter.end()); month = month.plusMonths(1)) {
            if (!withTargets.contains(month)) {
                missing.add(month);
            }
        }
        return missing;
    }

    private static void warnOfMonthsWithoutTargets(LocalDate asOf, AsOfData data) {
        List<LocalDate> missing = monthsWithoutTargets(asOf, data);
        if (!missing.isEmpty()) {
            Horizon quarter = Horizon.openQuarter(data.knownOn(), asOf);
            log.warn("forecast as of {}: no sales target for {}: the quarter's target and coverage ({}..{}) count {} as 0."
                    + " Load the targets of {}", asOf, missing.stream().map(m -> m.toString().substring(0, 7)).toList(),
                    quarter.start(), quarter.end(), missing.size() == 1 ? "that month" : "those months",
                    missing.size() == 1 ? "that month" : "those months");
        }
    }

    /**
     * A night without a new snapshot forecasts as of the latest one (see {@link AsOfData#knownOn}): say so every time,
     * naming both dates, since its figures are that snapshot's night's, not the business date's.
     */
    private static void warnOfAnEarlierSnapshot(String kind, LocalDate asOf, LocalDate snapshot) {
        long days = snapshot == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(snapshot, asOf);
        if (ForecastStore.NIGHTLY.equals(kind) && days > 0) {
            log.warn("forecast as of {}: no opportunity snapshot of that date; the forecasts are made as of the latest, {}"
                    + " ({} day(s) earlier): won to date and the rest of each period from {} on, as that snapshot knows them"
                    + " (the extract's snapshot_date says so).{}", asOf, snapshot, days, Horizon.firstCloseDay(snapshot, asOf),
                    days > STALE_SNAPSHOT_DAYS ? " Is the snapshot export still running?" : "");
        }
    }
}
