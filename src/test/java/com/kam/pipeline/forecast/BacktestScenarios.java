package com.kam.pipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kam.pipeline.bench.PipelineHistoryGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backtest: its errors recomputed independently, no look-ahead, and sane intervals on generated data. */
abstract class BacktestScenarios extends ForecastTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    com.kam.pipeline.system.NightlyFlow flow;

    private static final YearMonth MAY = YearMonth.of(2026, 5);

    @Test
    void backtestErrorsMatchAnIndependentRecomputation() {
        new ForecastFixture(jdbc).load();
        List<Backtest.Error> errors = backtest.run(MAY, MAY, false, line -> { });
        // what May actually closed, read straight from the latest snapshot: H2, 200,000 on 05-01
        BigDecimal actual = jdbc.queryForObject("SELECT SUM(amount) FROM opportunity_snapshot WHERE snapshot_date ="
                + " (SELECT MAX(snapshot_date) FROM opportunity_snapshot) AND stage = 'WON'"
                + " AND closed_date >= '2026-05-01' AND closed_date <= '2026-05-31'", BigDecimal.class);
        assertThat(actual).isEqualByComparingTo("200000.00");
        long run = latestRun(ForecastFixture.MAY_1, "BACKTEST");
        // hand-checked: as of 05-01 only O3 (DEVELOPED, 50,000, expected 05-25) is due in May: 200,000 won + 30,000
        assertThat(p50(run, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("230000.00");
        for (Method m : Method.values()) {
            BigDecimal p50 = p50(run, "CURRENT_MONTH", "COMPANY", "ALL", m.name());
            double expected = Math.abs(p50.doubleValue() - actual.doubleValue()) / actual.doubleValue();
            Backtest.Error e = BacktestTable.find(errors, m.name(), "CURRENT_MONTH", "COMPANY").orElseThrow();
            assertThat(e.mape()).as(m.name()).isCloseTo(expected, within(0.00005));
            assertThat(e.bias()).as(m.name()).isCloseTo((p50.doubleValue() - actual.doubleValue()) / actual.doubleValue(),
                    within(0.00005));
            assertThat(e.forecasts()).isEqualTo(1);
        }
        assertThat(BacktestTable.find(errors, "WEIGHTED", "CURRENT_MONTH", "COMPANY").orElseThrow().mape())
                .isCloseTo(0.15, within(0.00005));
        // June and the quarter end after the latest snapshot (06-10): not measured yet
        assertThat(errors).noneMatch(e -> e.horizon().equals("NEXT_MONTH") || e.horizon().equals("CURRENT_QUARTER"));
        // R2 and R3 won nothing in May: no percentage error for them, the rep level holds R1 only
        assertThat(errors).filteredOn(e -> e.entityType().equals("REP")).allMatch(e -> e.forecasts() == 1);
        StringWriter table = new StringWriter();
        BacktestTable.print(errors, new PrintWriter(table));
        assertThat(table.toString()).contains("COMPANY level").contains("WEIGHTED").contains("15.0%");
    }

    @Test
    void laterSnapshotsNeverReachAnEarlierForecast() {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.load();
        backtest.run(MAY, MAY, false, line -> { });
        List<Map<String, Object>> before = storedBacktest();
        List<Map<String, Object>> contributorsBefore = contributors();
        // after 05-01: huge deals in a new snapshot, a huge win, stage changes and a team move
        LocalDate may20 = LocalDate.of(2026, 5, 20);
        fixture.snapshot(may20, "O3", "R3", "云服务", 99_000_000, "COMMITTED", "2026-05-25", "2026-04-20", null, "COMMIT");
        fixture.snapshot(may20, "BIG", "R1", "云服务", 50_000_000, "COMMITTED", "2026-05-28", "2026-04-01", null, "COMMIT");
        fixture.snapshot(may20, "WIN", "R2", "云服务", 77_000_000, "WON", "2026-05-10", "2026-04-01", "2026-05-10", "COMMIT");
        fixture.snapshot(may20, "O2", "R2", "信息安全", 200_000, "COMMITTED", "2026-05-21", "2026-05-01", null, "COMMIT");
        fixture.change("BIG", "2026-05-02", "IDENTIFIED", "COMMITTED");
        fixture.change("O2", "2026-05-15", "IDENTIFIED", "COMMITTED");
        fixture.change("WIN", "2026-05-10", "IDENTIFIED", "WON");
        jdbc.update("UPDATE org_assignment SET valid_to = ? WHERE employee_id = 'R1'", Date.valueOf("2026-05-04"));
        fixture.person("R1x", "王小明", "T2", "杭州办事处");
        jdbc.update("UPDATE org_assignment SET employee_id = 'R1', valid_from = ? WHERE employee_id = 'R1x'",
                Date.valueOf("2026-05-05"));

        backtest.run(MAY, MAY, false, line -> { });
        assertThat(storedBacktest()).isEqualTo(before);
        assertThat(contributors()).isEqualTo(contributorsBefore);
        // while a forecast as of a later date does see them
        backtest.run(YearMonth.of(2026, 6), YearMonth.of(2026, 6), false, line -> { });
        long june = latestRun(LocalDate.of(2026, 6, 1), "BACKTEST");
        assertThat(jdbc.queryForObject("SELECT snapshot_date FROM forecast_run WHERE run_id = ?", LocalDate.class, june))
                .isEqualTo(may20);
    }

    private List<Map<String, Object>> storedBacktest() {
        long run = latestRun(ForecastFixture.MAY_1, "BACKTEST");
        assertThat(jdbc.queryForObject("SELECT snapshot_date FROM forecast_run WHERE run_id = ?", LocalDate.class, run))
                .isEqualTo(ForecastFixture.MAY_1);
        return jdbc.queryForList("SELECT horizon, period_start, entity_type, entity_id, entity_name, method, closed_won, p10, p50,"
                + " p90, target FROM forecast WHERE run_id = ? ORDER BY horizon, entity_type, entity_id, method", run);
    }

    private List<Map<String, Object>> contributors() {
        return jdbc.queryForList("SELECT horizon, entity_type, entity_id, method, rank_no, opportunity_id, amount, contribution"
                + " FROM forecast_contributor WHERE run_id = ? ORDER BY horizon, entity_type, entity_id, method, rank_no",
                latestRun(ForecastFixture.MAY_1, "BACKTEST"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    BacktestCommand backtestCommand;

    /** `kam backtest` and its output, as an operator runs it. */
    private String backtestCommand(String... args) {
        StringWriter out = new StringWriter();
        picocli.CommandLine command = new picocli.CommandLine(backtestCommand).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out));
        assertThat(command.execute(args)).as(out.toString()).isZero();
        return out.toString();
    }

    /** Factors as a production calibration holds them, one a level, REGION's too. */
    private List<Map<String, Object>> storeProductionCalibration() {
        String[][] production = {{"LEARNED", "CURRENT_MONTH", "COMPANY", "2.0000"}, {"LEARNED", "CURRENT_MONTH", "REGION", "3.0000"},
                {"WEIGHTED", "NEXT_MONTH", "TEAM", "1.5000"}, {"COMBINED", "CURRENT_QUARTER", "REP", "0.8000"}};
        for (String[] f : production) {
            jdbc.update("INSERT INTO forecast_calibration (method, horizon, entity_type, scale, forecasts, backtest_from, backtest_to,"
                    + " computed_at) VALUES (?, ?, ?, ?, 12, '2025-11-01', '2026-10-01', '2026-11-01 07:00:00')",
                    f[0], f[1], f[2], new BigDecimal(f[3]));
        }
        return jdbc.queryForList(CALIBRATION);
    }

    private static final String CALIBRATION = "SELECT * FROM forecast_calibration ORDER BY method, horizon, entity_type";

    private static final String RANGES = "SELECT horizon, entity_type, entity_id, method, p10, p50, p90 FROM forecast"
            + " WHERE run_id = ? ORDER BY horizon, entity_type, entity_id, method";

    /**
     * A backtest run for analysis leaves the calibration the nightly forecasts apply as it was, every level's factor
     * (here REGION's too, which it could not relearn), though it learned factors of its own: the next night's P10-P90
     * are unchanged. Over six months of generated history it has enough forecasts to learn from, so an ignored
     * {@code --calibrate} would store them.
     */
    @Test
    void aBacktestWithoutCalibrateLeavesTheNightlyCalibrationAlone() throws Exception {
        generateAYearOfMonthlySnapshots();
        List<Map<String, Object>> stored = storeProductionCalibration();
        LocalDate asOf = LocalDate.of(2026, 7, 1);
        assertThat(job.run(asOf, true, work).getStatus().isUnsuccessful()).isFalse();
        List<Map<String, Object>> before = jdbc.queryForList(RANGES, latestRun(asOf, "NIGHTLY"));

        assertThat(backtestCommand("--from", "2026-01", "--to", "2026-06")).contains("COMPANY level")
                .contains("P10-P90 calibration NOT stored (run with --calibrate to store it): the nightly forecasts keep the"
                        + " 4 factor(s) stored before. This backtest's would be: company ");
        assertThat(jdbc.queryForList(CALIBRATION)).isEqualTo(stored);

        // the next night (a forced rerun of the date) applies the same factors: the same P10-P90, to the cent
        assertThat(job.run(asOf, true, work).getStatus().isUnsuccessful()).isFalse();
        List<Map<String, Object>> after = jdbc.queryForList(RANGES, latestRun(asOf, "NIGHTLY"));
        assertThat(after).isEqualTo(before);
        // and they are calibrated: the region's LEARNED current-month range is three times as wide as without them
        jdbc.update("DELETE FROM forecast_calibration");
        assertThat(job.run(asOf, true, work).getStatus().isUnsuccessful()).isFalse();
        Map<String, Object> plain = regionLearnedMonth(jdbc.queryForList(RANGES, latestRun(asOf, "NIGHTLY")));
        Map<String, Object> calibrated = regionLearnedMonth(after);
        double width = ((BigDecimal) plain.get("p90")).subtract((BigDecimal) plain.get("p50")).doubleValue();
        assertThat(width).isPositive();
        assertThat(((BigDecimal) calibrated.get("p90")).subtract((BigDecimal) calibrated.get("p50")).doubleValue())
                .isCloseTo(3 * width, within(0.05));
    }

    private static Map<String, Object> regionLearnedMonth(List<Map<String, Object>> ranges) {
        return ranges.stream().filter(r -> r.get("horizon").equals("CURRENT_MONTH") && r.get("entity_type").equals("REGION")
                && r.get("method").equals("LEARNED")).findFirst().orElseThrow();
    }

    /** A backtest too short to learn from keeps the stored factors, asked to calibrate or not. */
    @Test
    void aBacktestThatLearnsNothingKeepsTheNightlyCalibration() throws Exception {
        new ForecastFixture(jdbc).load();
        List<Map<String, Object>> stored = storeProductionCalibration();
        String out = backtestCommand("--from", "2026-05", "--to", "2026-05");
        assertThat(out).contains("COMPANY level").contains("P10-P90 calibration: too few measured forecasts to learn from;"
                + " nothing stored, the nightly forecasts keep the 4 factor(s) stored before");
        assertThat(jdbc.queryForList(CALIBRATION)).isEqualTo(stored);
        assertThat(backtestCommand("--from", "2026-05", "--to", "2026-05", "--calibrate")).contains("nothing stored");
        assertThat(jdbc.queryForList(CALIBRATION)).isEqualTo(stored);
    }

    @Test
    void theBacktestCalibratesTheRangesOfTheNightlyForecasts() throws Exception {
        generateAYearOfMonthlySnapshots();
        LocalDate asOf = LocalDate.of(2026, 7, 1);
        assertThat(job.run(asOf, true, work).getStatus().isUnsuccessful()).isFalse();
        long before = latestRun(asOf, "NIGHTLY");

        // as the shipped monthly schedule runs it on the 1st, for the month just closed: months 2026-01..06, calibrating
        StringWriter console = new StringWriter();
        int code = flow.run(List.of(new com.kam.pipeline.system.NightlyFlow.Step("backtest", Map.of("months", "6",
                        "calibrate", "true"))),
                LocalDate.of(2026, 6, 30), false, work, work, new PrintWriter(console), new PrintWriter(console));
        assertThat(code).as(console.toString()).isZero();
        assertThat(console.toString()).contains("as of 2026-01-01: run ").contains("as of 2026-06-01: run ")
                .doesNotContain("as of 2025-12-01").doesNotContain("as of 2026-07-01")
                .contains("P10-P90 calibration stored for the nightly forecasts").contains("COMPANY level")
                .contains("backtest 2026-01..2026-06: DONE");
        List<Map<String, Object>> scales = jdbc.queryForList("SELECT method, horizon, entity_type, scale, forecasts"
                + " FROM forecast_calibration");
        // 3 teams x 6 months (5 for the horizons that end after the last snapshot) per team combination, 8 at least
        assertThat(scales).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("forecasts")).intValue()).isGreaterThanOrEqualTo(8));
        assertThat(scales).noneMatch(row -> row.get("method").equals("CATEGORY"));

        assertThat(job.run(asOf, true, work).getStatus().isUnsuccessful()).isFalse();
        long after = latestRun(asOf, "NIGHTLY");
        for (Map<String, Object> scale : scales) {
            double s = ((BigDecimal) scale.get("scale")).doubleValue();
            // the stored bounds are rounded to the cent, and the factor scales that rounding too
            double cents = 0.01 * (1 + s);
            List<Map<String, Object>> pairs = jdbc.queryForList("SELECT b.p10 AS b10, b.p50 AS b50, b.p90 AS b90, b.closed_won,"
                    + " a.p10 AS a10, a.p50 AS a50, a.p90 AS a90 FROM forecast b JOIN forecast a ON a.horizon = b.horizon"
                    + " AND a.entity_type = b.entity_type AND a.entity_id = b.entity_id AND a.method = b.method"
                    + " WHERE b.run_id = ? AND a.run_id = ? AND b.method = ? AND b.horizon = ? AND b.entity_type = ?",
                    before, after, scale.get("method"), scale.get("horizon"), scale.get("entity_type"));
            assertThat(pairs).as("%s", scale).isNotEmpty();
            for (Map<String, Object> p : pairs) {
                double b50 = ((BigDecimal) p.get("b50")).doubleValue();
                double a50 = ((BigDecimal) p.get("a50")).doubleValue();
                assertThat(a50).as("P50 %s", scale).isCloseTo(b50, within(0.01));
                assertThat(((BigDecimal) p.get("a90")).doubleValue()).as("P90 %s", scale)
                        .isCloseTo(b50 + s * (((BigDecimal) p.get("b90")).doubleValue() - b50), within(cents));
                double lower = Math.max(((BigDecimal) p.get("closed_won")).doubleValue(),
                        b50 - s * (b50 - ((BigDecimal) p.get("b10")).doubleValue()));
                assertThat(((BigDecimal) p.get("a10")).doubleValue()).as("P10 %s", scale).isCloseTo(lower, within(cents));
            }
        }
        // a short backtest for analysis changes nothing the nights apply; with --calibrate it replaces all of it, and
        // says which combinations it had too few forecasts to relearn
        List<Map<String, Object>> calibration = jdbc.queryForList("SELECT * FROM forecast_calibration ORDER BY method, horizon,"
                + " entity_type");
        assertThat(backtestCommand("--from", "2026-05", "--to", "2026-06")).contains("P10-P90 calibration NOT stored (run with"
                + " --calibrate to store it): the nightly forecasts keep the " + scales.size() + " factor(s) stored before."
                + " This backtest's would be: company ");
        assertThat(jdbc.queryForList("SELECT * FROM forecast_calibration ORDER BY method, horizon, entity_type"))
                .isEqualTo(calibration);
        assertThat(backtestCommand("--from", "2026-05", "--to", "2026-06", "--calibrate")).contains("P10-P90 calibration stored"
                + " for the nightly forecasts (--calibrate;").contains("it replaces the " + scales.size() + " factor(s) stored"
                + " before, and these it could not learn are no longer calibrated: TEAM x12");
        assertThat(jdbc.queryForList("SELECT DISTINCT backtest_from FROM forecast_calibration", LocalDate.class))
                .containsExactly(LocalDate.of(2026, 5, 1));

        // the reps' own commit and best case are left as they are
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast b JOIN forecast a ON a.horizon = b.horizon"
                + " AND a.entity_type = b.entity_type AND a.entity_id = b.entity_id AND a.method = b.method WHERE b.run_id = ?"
                + " AND a.run_id = ? AND b.method = 'CATEGORY' AND (a.p10 <> b.p10 OR a.p90 <> b.p90)", Integer.class, before, after))
                .isZero();
    }

    @Test
    void intervalsCoverAboutWhatTheySayOnGeneratedData() {
        List<LocalDate> snapshots = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 1, 1); !d.isAfter(LocalDate.of(2026, 11, 1)); d = d.plusMonths(1)) {
            snapshots.add(d);
        }
        new PipelineHistoryGenerator(jdbc).generate(new PipelineHistoryGenerator.Options(40, 12_000, LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 11, 1), snapshots, 7));
        List<Backtest.Error> errors = backtest.run(YearMonth.of(2026, 1), YearMonth.of(2026, 10), false, line -> { });
        // every stored range is ordered
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast WHERE p10 > p50 OR p50 > p90", Integer.class)).isZero();
        // P10-P90 should hold about 80% of the actuals: the reps' (many forecasts) well inside 60-97%
        for (String method : List.of("LEARNED", "TIME_SERIES", "COMBINED")) {
            Backtest.Error e = BacktestTable.find(errors, method, "CURRENT_QUARTER", "REP").orElseThrow();
            assertThat(e.forecasts()).isGreaterThan(300);
            assertThat(e.coverage()).as(method + " rep coverage").isBetween(0.60, 0.97);
        }
        // and the learned and combined forecasts beat the weighted pipeline at company level on this data
        double weighted = BacktestTable.find(errors, "WEIGHTED", "CURRENT_MONTH", "COMPANY").orElseThrow().mape();
        assertThat(BacktestTable.find(errors, "COMBINED", "CURRENT_MONTH", "COMPANY").orElseThrow().mape())
                .isLessThan(0.7 * weighted);
    }

    /** A generated company of 30 reps with 6,000 deals and a snapshot on the first of each month, 2025-07..2026-07. */
    private void generateAYearOfMonthlySnapshots() {
        List<LocalDate> snapshots = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 7, 1); !d.isAfter(LocalDate.of(2026, 7, 1)); d = d.plusMonths(1)) {
            snapshots.add(d);
        }
        new PipelineHistoryGenerator(jdbc).generate(new PipelineHistoryGenerator.Options(30, 6_000, LocalDate.of(2025, 7, 1),
                LocalDate.of(2026, 7, 1), snapshots, 11));
    }
}
