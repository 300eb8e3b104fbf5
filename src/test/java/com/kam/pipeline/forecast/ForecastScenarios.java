package com.kam.pipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.kam.pipeline.system.JobRunner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The forecast job on the hand-made {@link ForecastFixture}; every expected number is worked out in the comments. */
abstract class ForecastScenarios extends ForecastTestBase {

    static final double Z90 = 1.2815515655446004;

    long run;

    @org.springframework.beans.factory.annotation.Autowired
    ExtractCommand extractCommand;

    /** Watched for the organisations read (a read per as-of date of the rows measured). */
    @org.springframework.test.context.bean.override.mockito.MockitoSpyBean
    AsOfDataReader reader;

    @BeforeEach
    void forecastTheFixture() throws Exception {
        new ForecastFixture(jdbc).load();
        JobExecution execution = job.run(ForecastFixture.AS_OF, false, work.resolve("out"));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        run = latestRun(ForecastFixture.AS_OF, "NIGHTLY");
    }

    @Test
    void weightedPipelineIsAmountTimesStageProbabilityPlusWhatIsWon() {
        // June: O1 100,000 x 0.8 (expected 06-20) + O3 50,000 x 0.8 (06-05) = 120,000; nothing won in June yet
        assertThat(p50(run, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("120000.00");
        assertThat(p50(run, "CURRENT_MONTH", "TEAM", "T1", "WEIGHTED")).isEqualByComparingTo("80000.00");
        assertThat(p50(run, "CURRENT_MONTH", "TEAM", "T2", "WEIGHTED")).isEqualByComparingTo("40000.00");
        assertThat(p50(run, "CURRENT_MONTH", "REP", "R1", "WEIGHTED")).isEqualByComparingTo("80000.00");
        assertThat(p50(run, "CURRENT_MONTH", "REGION", "EAST", "WEIGHTED")).isEqualByComparingTo("120000.00");
        // July: O2 200,000 x 0.6 = 120,000 (O4 expected in September, O5 in August)
        assertThat(p50(run, "NEXT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("120000.00");
        // Q2: won H1 100,000 (04-11) + H2 200,000 (05-01) + H4 80,000 (04-21) = 380,000, plus June's 120,000
        Map<String, Object> quarter = forecast(run, "CURRENT_QUARTER", "COMPANY", "ALL", "WEIGHTED");
        assertThat((BigDecimal) quarter.get("closed_won")).isEqualByComparingTo("380000.00");
        assertThat((BigDecimal) quarter.get("p50")).isEqualByComparingTo("500000.00");
        // targets: April and May 3 x 100,000, June 200,000 + 100,000 + 100,000
        assertThat((BigDecimal) quarter.get("target")).isEqualByComparingTo("1000000.00");
        // spread: variance 100,000^2 x 0.8 x 0.2 + 50,000^2 x 0.8 x 0.2 = 2.0e9
        Map<String, Object> june = forecast(run, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED");
        assertThat(((BigDecimal) june.get("p90")).doubleValue()).isCloseTo(120_000 + Z90 * Math.sqrt(2.0e9), within(0.01));
        assertThat(((BigDecimal) june.get("p10")).doubleValue()).isCloseTo(120_000 - Z90 * Math.sqrt(2.0e9), within(0.01));
    }

    @Test
    void learnedConversionUsesTheCompanysOwnClosedHistory() {
        // Rates: all 5 closed deals reached COMMITTED (H1-H5 moved there on 04-01), 3 won: company 0.6 at every stage.
        // T1 has 4 closed deals (>= min-team-history 4), 2 won, drawn toward 0.6 with strength 2:
        //   (2 + 2 x 0.6) / (4 + 2) = 8/15, a propensity of 8/15 / 0.6 = 8/9. T2 has 1 closed deal: the company's, 1.
        // Timing, the company's (T1 has only 2 timed wins), by days since entering the stage; open deals count as
        // still open at their age on 06-10. COMMITTED: H1 won 10, H5 lost 14, H4 won 20, H3 lost 20, H2 won 30; open
        //   O3 5, O1 9, O5 40. Won within t: day 10 1/6 (6 still open before it); day 14 a loss leaves 4/6 open;
        //   day 20 + 4/6 x 1/4 = 1/3, 2/6 open; day 30 + 2/6 x 1/2 = 1/2.
        // IDENTIFIED (from created 03-01): H1 won 41, H5 lost 45, H3 lost 51, H4 won 51, H2 won 61; open O4 9, O1 26,
        //   O2 40, O3 51, O5 61: day 41 1/7; day 45 5/7 open; day 51 + 5/7 x 1/5 = 2/7. DEVELOPED: nobody won from
        //   it with a date, so the expected close date decides.
        // June, days 1..20 after 06-10: COMMITTED 1/3 - 0; IDENTIFIED 0.
        //   O1 100,000 x 8/9 x 1/3 = 29,629.63   O3 50,000 x 1/3 = 16,666.67   O5 10,000 x 8/9 x 1/3 = 2,962.96
        //   June company = 49,259.26; T1 = 32,592.59; T2 = 16,666.67; R1 = 29,629.63
        assertThat(p50(run, "CURRENT_MONTH", "COMPANY", "ALL", "LEARNED")).isEqualByComparingTo("49259.26");
        assertThat(p50(run, "CURRENT_MONTH", "TEAM", "T1", "LEARNED")).isEqualByComparingTo("32592.59");
        assertThat(p50(run, "CURRENT_MONTH", "TEAM", "T2", "LEARNED")).isEqualByComparingTo("16666.67");
        assertThat(p50(run, "CURRENT_MONTH", "REP", "R1", "LEARNED")).isEqualByComparingTo("29629.63");
        // July, days 21..51: COMMITTED 1/2 - 1/3 = 1/6: O1 14,814.81 + O3 8,333.33 + O5 1,481.48;
        //   O2 200,000 x 8/15 (expected 07-15) = 106,666.67; O4 300,000 x 8/9 x (2/7 - 0) = 76,190.48 -> 207,486.77
        assertThat(p50(run, "NEXT_MONTH", "COMPANY", "ALL", "LEARNED")).isEqualByComparingTo("207486.77");
        // Q2: 380,000 won + June's 49,259.26
        assertThat(p50(run, "CURRENT_QUARTER", "COMPANY", "ALL", "LEARNED")).isEqualByComparingTo("429259.26");
    }

    @Test
    void forecastCategoriesAndCombinedRange() {
        // June commits: O1 100,000 + O3 50,000; no best case due in June
        Map<String, Object> june = forecast(run, "CURRENT_MONTH", "COMPANY", "ALL", "CATEGORY");
        assertThat((BigDecimal) june.get("p50")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) june.get("p90")).isEqualByComparingTo("150000.00");
        // July: O2 is best case 200,000
        assertThat((BigDecimal) forecast(run, "NEXT_MONTH", "COMPANY", "ALL", "CATEGORY").get("p90"))
                .isEqualByComparingTo("200000.00");
        List<Map<String, Object>> combined = jdbc.queryForList("SELECT p10, p50, p90, closed_won FROM forecast"
                + " WHERE run_id = ? AND method = 'COMBINED'", run);
        assertThat(combined).hasSizeGreaterThanOrEqualTo(3 * 6); // 3 horizons x (3 reps, 2 teams, region, company)
        for (Map<String, Object> c : combined) {
            BigDecimal p10 = (BigDecimal) c.get("p10");
            BigDecimal p50 = (BigDecimal) c.get("p50");
            assertThat(p10).isLessThanOrEqualTo(p50);
            assertThat(p50).isLessThanOrEqualTo((BigDecimal) c.get("p90"));
            assertThat(p10).isGreaterThanOrEqualTo((BigDecimal) c.get("closed_won"));
        }
        // the largest contributors of June's learned forecast for the company: O1, then O3, then O5
        assertThat(jdbc.queryForList("SELECT opportunity_id FROM forecast_contributor WHERE run_id = ? AND horizon = 'CURRENT_MONTH'"
                + " AND entity_type = 'COMPANY' AND method = 'LEARNED' ORDER BY rank_no", String.class, run))
                .containsExactly("O1", "O3", "O5");
    }

    @Test
    void funnelStalledSlippedCoverageAndIdealFunnel() {
        Map<String, Object> committed = jdbc.queryForMap("SELECT * FROM funnel_stage WHERE run_id = ? AND entity_type = 'COMPANY'"
                + " AND product_line = '*' AND stage = 'COMMITTED'", run);
        assertThat(committed.get("open_count")).isEqualTo(3); // O1, O3, O5
        assertThat((BigDecimal) committed.get("open_amount")).isEqualByComparingTo("160000.00");
        assertThat((BigDecimal) committed.get("weighted_amount")).isEqualByComparingTo("128000.00");
        assertThat((BigDecimal) committed.get("win_rate")).isEqualByComparingTo("0.6000");
        // days in COMMITTED of the closed deals: 10, 30, 20, 14, 20 -> mean 18.8, median 20
        assertThat((BigDecimal) committed.get("days_in_stage_mean")).isEqualByComparingTo("18.8");
        assertThat((BigDecimal) committed.get("days_in_stage_median")).isEqualByComparingTo("20.0");
        // 80th percentile of {10, 14, 20, 20, 30} is 20 days: O5, quiet since 05-01 (40 days), is stalled
        assertThat(jdbc.queryForList("SELECT opportunity_id FROM funnel_flagged WHERE run_id = ? AND flag = 'STALLED'",
                String.class, run)).containsExactly("O5");
        List<Map<String, Object>> slipped = jdbc.queryForList("SELECT opportunity_id, push_count, first_expected_close_date"
                + " FROM funnel_flagged WHERE run_id = ? AND flag = 'SLIPPED' ORDER BY opportunity_id", run);
        assertThat(slipped).extracting(r -> r.get("opportunity_id")).containsExactly("O2", "O3");
        assertThat(slipped).extracting(r -> ((Number) r.get("push_count")).intValue()).containsExactly(1, 1);
        assertThat(slipped.get(1).get("first_expected_close_date").toString()).isEqualTo("2026-05-25");

        Map<String, Object> company = jdbc.queryForMap("SELECT * FROM funnel_summary WHERE run_id = ? AND entity_type = 'COMPANY'"
                + " AND product_line = '*'", run);
        assertThat((BigDecimal) company.get("open_amount")).isEqualByComparingTo("660000.00");
        // 80,000 + 120,000 + 40,000 + 30,000 + 8,000
        assertThat((BigDecimal) company.get("weighted_amount")).isEqualByComparingTo("278000.00");
        // June: target 400,000, nothing won: coverage 660,000 / 400,000 and 278,000 / 400,000
        assertThat((BigDecimal) company.get("month_remaining")).isEqualByComparingTo("400000.00");
        assertThat((BigDecimal) company.get("month_coverage")).isEqualByComparingTo("1.6500");
        assertThat((BigDecimal) company.get("month_weighted_coverage")).isEqualByComparingTo("0.6950");
        // Q2: 1,000,000 - 380,000 won = 620,000
        assertThat((BigDecimal) company.get("quarter_remaining")).isEqualByComparingTo("620000.00");
        // won cycles 41, 61, 51 days; velocity = 5 open x 0.6 x 126,666.67 / 51 days
        assertThat((BigDecimal) company.get("cycle_days_median")).isEqualByComparingTo("51.0");
        assertThat((BigDecimal) company.get("velocity_per_day")).isEqualByComparingTo("7450.98");
        // per product line too
        assertThat(jdbc.queryForObject("SELECT open_count FROM funnel_summary WHERE run_id = ? AND entity_type = 'COMPANY'"
                + " AND product_line = '云服务'", Integer.class, run)).isEqualTo(3);

        // ideal funnel, June, COMMITTED: 400,000 / 0.6 = 666,666.67 needed, / 126,666.67 average won = 5.26 deals,
        // so 6 (a deal is won whole: rounded up); median time to close from COMMITTED 20 days = days left (06-10 to
        // 06-30): reachable. Today 3 deals, 160,000: 3 deals short, 506,666.67 (amounts stay exact)
        Map<String, Object> ideal = companyIdealStage(run, "CURRENT_MONTH", "COMMITTED");
        assertThat((BigDecimal) ideal.get("needed_amount")).isEqualByComparingTo("666666.67");
        assertThat((BigDecimal) ideal.get("needed_count")).isEqualByComparingTo("6");
        assertThat((BigDecimal) ideal.get("gap_count")).isEqualByComparingTo("3");
        assertThat((BigDecimal) ideal.get("gap_amount")).isEqualByComparingTo("506666.67");
        // IDENTIFIED takes a median 51 days to close: cannot help this month
        assertThat(companyIdealStage(run, "CURRENT_MONTH", "IDENTIFIED").get("reachable")).isEqualTo(false);
        // and July's (the monthly report shows it on a month's last day): 300,000 / 0.6 = 500,000 needed,
        // 3.95 deals, so 4, one more than the 3 today; IDENTIFIED's 51 days fit in the 51 days to 07-31
        Map<String, Object> july = companyIdealStage(run, "NEXT_MONTH", "COMMITTED");
        assertThat((BigDecimal) july.get("remaining_target")).isEqualByComparingTo("300000.00");
        assertThat((BigDecimal) july.get("needed_amount")).isEqualByComparingTo("500000.00");
        assertThat((BigDecimal) july.get("needed_count")).isEqualByComparingTo("4");
        assertThat((BigDecimal) july.get("gap_count")).isEqualByComparingTo("1");
        // every count stored is a whole number of deals
        assertThat(jdbc.queryForList("SELECT needed_count FROM ideal_funnel WHERE run_id = ? AND needed_count IS NOT NULL"
                + " UNION ALL SELECT gap_count FROM ideal_funnel WHERE run_id = ? AND gap_count IS NOT NULL", BigDecimal.class, run, run))
                .isNotEmpty().allSatisfy(count -> assertThat(count.stripTrailingZeros().scale()).as(count.toPlainString()).isLessThanOrEqualTo(0));
        assertThat((BigDecimal) july.get("gap_amount")).isEqualByComparingTo("340000.00");
        assertThat(companyIdealStage(run, "NEXT_MONTH", "IDENTIFIED").get("reachable")).isEqualTo(true);
    }

    /**
     * Days in stage count from the stage-change log where it has the deal's entry into its stage: a later weekly snapshot
     * only shows the change on its own date. Only where the log has none does the snapshot's date count.
     */
    @Test
    void daysInStageCountFromTheLogsEntryNotALaterSnapshot() throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        // O6: the log has it in COMMITTED since 05-02; the 06-10 snapshot, the first to list it, dates the change 06-10
        fixture.snapshot(ForecastFixture.AS_OF, "O6", "R1", "云服务", 40_000, "COMMITTED", "2026-07-31", "2026-04-01", null,
                "PIPELINE");
        fixture.change("O6", "2026-05-02", "DEVELOPED", "COMMITTED");
        fixture.snapshotChange("O6", "2026-06-10", null, "COMMITTED");
        // O7: no log rows, only the snapshot's 06-10
        fixture.snapshot(ForecastFixture.AS_OF, "O7", "R2", "云服务", 20_000, "COMMITTED", "2026-07-31", "2026-04-01", null,
                "PIPELINE");
        fixture.snapshotChange("O7", "2026-06-10", null, "COMMITTED");
        LocalDate june11 = LocalDate.of(2026, 6, 11);
        assertThat(job.run(june11, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long later = latestRun(june11, "NIGHTLY");
        // as of 06-11 O6 has been in COMMITTED 40 days, over the 20 days of closed deals: stalled, as is O5 (41 days)
        List<Map<String, Object>> stalled = jdbc.queryForList("SELECT opportunity_id, stage_entered_on, days_in_stage"
                + " FROM funnel_flagged WHERE run_id = ? AND flag = 'STALLED' ORDER BY opportunity_id", later);
        assertThat(stalled).extracting(r -> r.get("opportunity_id")).containsExactly("O5", "O6");
        assertThat(stalled.get(1).get("stage_entered_on").toString()).isEqualTo("2026-05-02");
        assertThat(((Number) stalled.get(1).get("days_in_stage")).intValue()).isEqualTo(40);
        // COMMITTED's age in stage: O1 10, O3 6, O5 41, O6 40, O7 1 (its snapshot's date) -> 98 / 5
        assertThat((BigDecimal) jdbc.queryForObject("SELECT aging_days_mean FROM funnel_stage WHERE run_id = ?"
                + " AND entity_type = 'COMPANY' AND product_line = '*' AND stage = 'COMMITTED'", BigDecimal.class, later))
                .isEqualByComparingTo("19.6");
    }

    /**
     * A night without a new opportunities file makes its ideal funnel as its forecasts are made: as of the snapshot's
     * date, so while both nights forecast the same periods it is the snapshot's own night's, row for row. As of 06-11
     * from the 06-10 snapshot, COMMITTED's median 20 days to close still fit in June (20 days after 06-10), as on 06-10;
     * counted from 06-11 (19 days) June's COMMITTED deals were too late.
     */
    @Test
    void aNightWithoutANewSnapshotMakesTheIdealFunnelAsOfTheSnapshot() throws Exception {
        LocalDate june11 = ForecastFixture.AS_OF.plusDays(1);
        assertThat(job.run(june11, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long later = latestRun(june11, "NIGHTLY");
        assertThat(jdbc.queryForObject("SELECT snapshot_date FROM forecast_run WHERE run_id = ?", LocalDate.class, later))
                .isEqualTo(ForecastFixture.AS_OF);
        Map<String, Object> june = companyIdealStage(later, "CURRENT_MONTH", "COMMITTED");
        assertThat(june.get("reachable")).isEqualTo(true);
        assertThat((BigDecimal) june.get("remaining_target")).isEqualByComparingTo("400000.00");
        assertThat((BigDecimal) june.get("needed_count")).isEqualByComparingTo("6");
        String rows = "SELECT horizon, entity_type, entity_id, stage, remaining_target, win_rate, reachable, needed_count,"
                + " needed_amount, actual_count, actual_amount, gap_count, gap_amount FROM ideal_funnel WHERE run_id = ?"
                + " ORDER BY horizon, entity_type, entity_id, stage";
        assertThat(jdbc.queryForList(rows, later)).isNotEmpty().isEqualTo(jdbc.queryForList(rows, run));
    }

    /** The company's ideal-funnel row of a stage for a horizon. */
    private Map<String, Object> companyIdealStage(long run, String horizon, String stage) {
        return jdbc.queryForMap("SELECT * FROM ideal_funnel WHERE run_id = ? AND horizon = ? AND entity_type = 'COMPANY'"
                + " AND stage = ?", run, horizon, stage);
    }

    /** Every night that forecasts from an earlier snapshot says which, whatever the gap; after a week it asks about the export. */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aForecastFromAnEarlierSnapshotSaysWhichItUsed(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        // the fixture's latest snapshot is of 06-10, the night forecast as of it in setUp says nothing
        assertThat(output).doesNotContain("no opportunity snapshot of that date");
        assertThat(job.run(ForecastFixture.AS_OF.plusDays(1), false, work.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(output).contains("forecast as of 2026-06-11: no opportunity snapshot of that date; the forecasts are made as"
                + " of the latest, 2026-06-10 (1 day(s) earlier): won to date and the rest of each period from 2026-06-11 on,"
                + " as that snapshot knows them (the extract's snapshot_date says so).");
        assertThat(output).doesNotContain("Is the snapshot export still running?");
        assertThat(job.run(ForecastFixture.AS_OF.plusDays(8), false, work.resolve("out")).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(output).contains("forecast as of 2026-06-18: no opportunity snapshot of that date; the forecasts are made as"
                + " of the latest, 2026-06-10 (8 day(s) earlier)").contains("Is the snapshot export still running?");
    }

    /**
     * A night without a new opportunities file knows no more than the snapshot's own night. While the day after the
     * snapshot is in the business date's month, its forecast of the same periods is that night's, to the cent, by
     * every method: as of 06-30 from the 06-29 snapshot, O1 and O3 (open on 06-29, overdue: expected on 06-30) are
     * still June's, not dropped because 06-30 is June's last day. Once the business date is in a later month, the
     * deals the snapshot expected before it count on its month's first day, not in a month no longer forecast.
     */
    @Test
    void aNightWithoutANewSnapshotForecastsAsTheSnapshotsOwnNight() throws Exception {
        new ForecastFixture(jdbc).juneWin();
        assertThat(job.run(ForecastFixture.JUNE_29, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long own = latestRun(ForecastFixture.JUNE_29, "NIGHTLY");
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        assertThat(job.run(june30, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long later = latestRun(june30, "NIGHTLY");
        // June as of 06-30 is what the 06-29 night forecast: W1 70,000 won + O1 80,000 + O3 40,000 (WEIGHTED)
        assertThat(p50(later, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("190000.00");
        assertThat(sameRows(later, own, "1 = 1")).isEqualTo(rows(own, "1 = 1"));
        // the next day, 07-01, still from the 06-29 snapshot: June is no longer forecast, so O1 and O3, expected on
        // 06-30 as of 06-29, are expected on 07-01, as a night with its own 06-30 snapshot has them (see
        // asOfAMonthsLastDayEveryMethodsForecastOfItIsWhatWasWon), not dropped from every period
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        assertThat(job.run(july1, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long july = latestRun(july1, "NIGHTLY");
        // O1 100,000 x 0.8 + O3 50,000 x 0.8 + O2 200,000 x 0.6 (07-15) = 240,000 (06-29's July: O2's 120,000 only)
        assertThat(p50(own, "NEXT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("120000.00");
        assertThat(p50(july, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("240000.00");
        assertThat(p50(july, "CURRENT_MONTH", "TEAM", "T2", "WEIGHTED")).isEqualByComparingTo("40000.00");
        // commits O1 + O3 = 150,000, plus best case O2 = 350,000; Q3 counts them too (+ O4 30,000 + O5 8,000)
        Map<String, Object> julyCategory = forecast(july, "CURRENT_MONTH", "COMPANY", "ALL", "CATEGORY");
        assertThat((BigDecimal) julyCategory.get("p50")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) julyCategory.get("p90")).isEqualByComparingTo("350000.00");
        assertThat(p50(july, "CURRENT_QUARTER", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("278000.00");
        // June counts as the series' complete history (70,000 won), as on 06-30's own night: 85,927.14
        assertThat(p50(july, "CURRENT_MONTH", "COMPANY", "ALL", "TIME_SERIES")).isEqualByComparingTo("85927.14");
        // and the same run's deals behind July include them
        assertThat(jdbc.queryForList("SELECT opportunity_id FROM forecast_contributor WHERE run_id = ? AND horizon ="
                + " 'CURRENT_MONTH' AND entity_type = 'COMPANY' AND method = 'WEIGHTED' ORDER BY rank_no", String.class, july))
                .containsExactly("O2", "O1", "O3");
        assertThat(jdbc.queryForObject("SELECT snapshot_date FROM forecast_run WHERE run_id = ?", LocalDate.class, july))
                .isEqualTo(ForecastFixture.JUNE_29);

        // and the extract says which snapshot it was made from
        List<String> lines = new String(Files.readAllBytes(work.resolve("out/2026-07-01/extracts/forecast-2026-07-01.csv")),
                StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).endsWith(",as_of_date,generated_at,snapshot_date,closed_won,target,team_code,region_code,run_id");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("2,").contains(",2026-07-01,").contains(",2026-06-29,").endsWith("," + july));
        // July's WEIGHTED row of the company and of a rep: nothing won yet, the target, and the rep's team and region
        List<String> julyWeighted = lines.stream().filter(l -> l.contains(",MONTH,2026-07-01,2026-07-31,")
                && l.contains(",WEIGHTED,")).toList();
        String target = jdbc.queryForObject("SELECT target FROM forecast WHERE run_id = ? AND horizon = 'CURRENT_MONTH'"
                + " AND entity_type = 'COMPANY' AND method = 'WEIGHTED'", BigDecimal.class, july).toPlainString();
        assertThat(julyWeighted).anySatisfy(l -> assertThat(l).contains(",COMPANY,ALL,").endsWith(",2026-06-29,0.00," + target
                + ",,," + july));
        Map<String, Object> r1 = jdbc.queryForMap("SELECT team_code, region_code FROM org_assignment WHERE employee_id = 'R1'");
        assertThat(julyWeighted).anySatisfy(l -> assertThat(l).contains(",REP,R1,").containsPattern(",2026-06-29,0\\.00,[0-9.]*,"
                + r1.get("team_code") + "," + r1.get("region_code") + "," + july + "$"));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(
                work.resolve("out/2026-07-01/extracts/forecast-2026-07-01.xlsx")))) {
            Row first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(july1);
            assertThat(first.getCell(13).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ForecastFixture.JUNE_29);
        }
    }

    /**
     * A corrected opportunities file that changes a closed month's actual: every accuracy row of that month is scored
     * again against the new actual, whichever night measured it; the forecasts stay as they were made. Rows of a
     * forecast made on the month's last day, from that day's snapshot, are marked as actuals by construction.
     */
    @Test
    void aCorrectedActualRescoresEveryStoredRowOfItsPeriod() throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.juneWin();
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        fixture.copySnapshot(ForecastFixture.JUNE_29, june30);
        fixture.copySnapshot(june30, july1);
        for (LocalDate night : List.of(ForecastFixture.JUNE_29, june30, july1)) {
            assertThat(job.run(night, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        // 07-01 measured June for the runs of 06-10, 06-29 and 06-30: W1's 70,000
        String june = "SELECT DISTINCT actual FROM forecast_accuracy WHERE period_type = 'MONTH' AND period_start = '2026-06-01'"
                + " AND entity_type = 'COMPANY'";
        assertThat(jdbc.queryForList(june, BigDecimal.class)).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("70000.00"));
        // measured that night, in the company's time zone as the night's run was generated (not the server's)
        java.sql.Timestamp measured = jdbc.queryForObject("SELECT MAX(computed_at) FROM forecast_accuracy", java.sql.Timestamp.class);
        java.sql.Timestamp generated = jdbc.queryForObject("SELECT generated_at FROM forecast_run WHERE run_id = ?",
                java.sql.Timestamp.class, latestRun(july1, "NIGHTLY"));
        assertThat(java.time.Duration.between(generated.toLocalDateTime(), measured.toLocalDateTime()).abs())
                .isLessThan(java.time.Duration.ofMinutes(5));
        String made = "SELECT * FROM forecast WHERE run_id <= " + latestRun(july1, "NIGHTLY")
                + " ORDER BY run_id, horizon, entity_type, entity_id, method";
        List<Map<String, Object>> forecastsBefore = jdbc.queryForList(made);

        // 07-02's file corrects W1 to 170,000 (the 07-01 snapshot's deals otherwise)
        LocalDate july2 = LocalDate.of(2026, 7, 2);
        fixture.copySnapshot(july1, july2);
        jdbc.update("UPDATE opportunity_snapshot SET amount = 170000 WHERE opportunity_id = 'W1' AND snapshot_date = ?",
                java.sql.Date.valueOf(july2));
        fixture.versions(july2);
        assertThat(job.run(july2, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // one actual for June, at every level, in every row: the 06-10 run's as well as the later ones
        assertThat(jdbc.queryForList(june, BigDecimal.class)).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("170000.00"));
        assertThat(jdbc.queryForList("SELECT DISTINCT actual FROM forecast_accuracy WHERE period_type = 'MONTH'"
                + " AND period_start = '2026-06-01' AND entity_type = 'REP' AND entity_id = 'R1'", BigDecimal.class))
                .singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("170000.00"));
        // Q2 too: 380,000 + 170,000
        assertThat(jdbc.queryForList("SELECT DISTINCT actual FROM forecast_accuracy WHERE period_type = 'QUARTER'"
                + " AND period_start = '2026-04-01' AND entity_type = 'COMPANY'", BigDecimal.class))
                .singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("550000.00"));
        // the 06-10 run's June WEIGHTED 120,000 against 170,000: error 29.41 %, bias -29.41 %
        Map<String, Object> early = jdbc.queryForMap("SELECT forecast_p50, abs_pct_error, bias, within_p10_p90,"
                + " actual_snapshot_date FROM forecast_accuracy WHERE run_id = ? AND horizon = 'CURRENT_MONTH'"
                + " AND entity_type = 'COMPANY' AND method = 'WEIGHTED'", run);
        assertThat((BigDecimal) early.get("forecast_p50")).isEqualByComparingTo("120000.00");
        assertThat((BigDecimal) early.get("abs_pct_error")).isEqualByComparingTo("0.2941");
        assertThat((BigDecimal) early.get("bias")).isEqualByComparingTo("-0.2941");
        assertThat(early.get("actual_snapshot_date").toString()).isEqualTo("2026-07-02");
        // a night rerun for 07-01 knows the old file only: it leaves the corrected actual alone
        assertThat(job.run(july1, true, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList(june, BigDecimal.class)).singleElement().satisfies(a -> assertThat(a).isEqualByComparingTo("170000.00"));
        // the forecasts themselves are as they were made
        assertThat(jdbc.queryForList(made)).isEqualTo(forecastsBefore);

        // made on June's last day from its snapshot: June was what was won (70,000), an actual by construction, so
        // marked; its range no longer holds the corrected actual
        long lastDay = latestRun(june30, "NIGHTLY");
        Map<String, Object> lastDayRow = jdbc.queryForMap("SELECT forecast_p50, abs_pct_error, within_p10_p90, actual_by_construction"
                + " FROM forecast_accuracy WHERE run_id = ? AND horizon = 'CURRENT_MONTH' AND entity_type = 'COMPANY'"
                + " AND method = 'LEARNED'", lastDay);
        assertThat((BigDecimal) lastDayRow.get("forecast_p50")).isEqualByComparingTo("70000.00");
        assertThat((BigDecimal) lastDayRow.get("abs_pct_error")).isEqualByComparingTo("0.5882");
        assertThat(lastDayRow.get("within_p10_p90")).isEqualTo(false);
        assertThat(lastDayRow.get("actual_by_construction")).isEqualTo(true);
        assertThat(jdbc.queryForList("SELECT DISTINCT r.as_of_date FROM forecast_accuracy a JOIN forecast_run r"
                + " ON r.run_id = a.run_id WHERE a.actual_by_construction", LocalDate.class)).containsExactly(june30);
    }

    /**
     * Measuring reads the stored rows of a period only when its actual changed: a night that measures nothing new and
     * corrects nothing reads no earlier as-of date's organisation, however many nights measured the periods before.
     */
    @Test
    void aNightWithNothingNewToMeasureReadsNoEarlierOrganisation() throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.juneWin();
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        LocalDate july2 = LocalDate.of(2026, 7, 2);
        fixture.copySnapshot(ForecastFixture.JUNE_29, june30);
        fixture.copySnapshot(june30, july1);
        fixture.copySnapshot(july1, july2);
        for (LocalDate night : List.of(ForecastFixture.JUNE_29, june30, july1)) {
            assertThat(job.run(night, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        String measured = "SELECT COUNT(*) FROM forecast_accuracy";
        Integer rows = jdbc.queryForObject(measured, Integer.class);
        assertThat(rows).isPositive(); // June and Q2 of the runs of 06-10, 06-29 and 06-30
        org.mockito.Mockito.clearInvocations(reader);
        assertThat(job.run(july2, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // only the night's own organisation (its forecast's), none of 06-10, 06-29 or 06-30
        org.mockito.Mockito.verify(reader, org.mockito.Mockito.never())
                .org(org.mockito.ArgumentMatchers.argThat(day -> !day.equals(july2)));
        assertThat(jdbc.queryForObject(measured, Integer.class)).isEqualTo(rows);
    }

    /** A run's forecasts of some periods, as a finance user compares them: entity, method and the amounts. */
    private List<Map<String, Object>> rows(long runId, String periods) {
        return jdbc.queryForList("SELECT period_type, period_start, entity_type, entity_id, method, closed_won, p10, p50, p90,"
                + " target FROM forecast WHERE run_id = ? AND " + periods + " ORDER BY period_type, period_start, entity_type,"
                + " entity_id, method", runId);
    }

    /** The rows of {@code runId} for the periods that {@code other} forecast too. */
    private List<Map<String, Object>> sameRows(long runId, long other, String periods) {
        return rows(runId, periods + " AND EXISTS (SELECT 1 FROM forecast o WHERE o.run_id = " + other
                + " AND o.period_type = forecast.period_type AND o.period_start = forecast.period_start)");
    }

    @Test
    void aDealStillOpenAtTheEndOfItsExpectedCloseDateIsFlaggedOverdueThatNight() throws Exception {
        // O1 is expected to close on 06-20; the 06-10 snapshot is the latest, so it is still open as of 06-20
        LocalDate june20 = LocalDate.of(2026, 6, 20);
        assertThat(job.run(june20, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT reason FROM funnel_flagged WHERE run_id = ? AND opportunity_id = 'O1'"
                + " AND flag = 'SLIPPED'", String.class, latestRun(june20, "NIGHTLY")))
                .containsExactly("expected close date 2026-06-20 has passed");
    }

    @Test
    void asOfAMonthsLastDayEveryMethodsForecastOfItIsWhatWasWon() throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.juneWin();
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        // 06-30's own snapshot (the 06-29 deals unchanged): it is the end of 06-30, so nothing of June is left
        fixture.copySnapshot(ForecastFixture.JUNE_29, june30);
        assertThat(job.run(june30, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long last = latestRun(june30, "NIGHTLY");
        // June (and Q2, whose last day it is too) is over: every entity's every method is what was won, P10 = P50 = P90
        List<Map<String, Object>> over = jdbc.queryForList("SELECT entity_type, entity_id, method, closed_won, p10, p50, p90"
                + " FROM forecast WHERE run_id = ? AND horizon IN ('CURRENT_MONTH', 'CURRENT_QUARTER')", last);
        assertThat(over).hasSizeGreaterThanOrEqualTo(2 * 7 * 4); // 2 horizons x 7 entities x 4 methods at least
        for (Map<String, Object> f : over) {
            BigDecimal won = (BigDecimal) f.get("closed_won");
            assertThat((BigDecimal) f.get("p10")).as(f.toString()).isEqualByComparingTo(won);
            assertThat((BigDecimal) f.get("p50")).as(f.toString()).isEqualByComparingTo(won);
            assertThat((BigDecimal) f.get("p90")).as(f.toString()).isEqualByComparingTo(won);
        }
        // June: W1 70,000; Q2: H1 100,000 + H2 200,000 + H4 80,000 + W1 70,000 = 450,000; all five methods
        for (Method m : Method.values()) {
            assertThat(p50(last, "CURRENT_MONTH", "COMPANY", "ALL", m.name())).as(m.name()).isEqualByComparingTo("70000.00");
            assertThat(p50(last, "CURRENT_QUARTER", "COMPANY", "ALL", m.name())).as(m.name()).isEqualByComparingTo("450000.00");
        }
        assertThat(p50(last, "CURRENT_MONTH", "REP", "R1", "WEIGHTED")).isEqualByComparingTo("70000.00");
        assertThat(p50(last, "CURRENT_MONTH", "REP", "R3", "CATEGORY")).isEqualByComparingTo("0.00");
        // and no deal is said to contribute to them
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast_contributor WHERE run_id = ? AND horizon IN"
                + " ('CURRENT_MONTH', 'CURRENT_QUARTER')", Integer.class, last)).isZero();

        // July: O1 (06-20) and O3 (06-05), overdue and open at the end of 06-30, are expected on 07-01, as the
        // 07-01 run counts them: O1 100,000 x 0.8 + O3 50,000 x 0.8 + O2 200,000 x 0.6 (07-15) = 240,000
        assertThat(p50(last, "NEXT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("240000.00");
        // commits O1 + O3 = 150,000, plus best case O2 200,000 = 350,000
        Map<String, Object> julyCategory = forecast(last, "NEXT_MONTH", "COMPANY", "ALL", "CATEGORY");
        assertThat((BigDecimal) julyCategory.get("p50")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) julyCategory.get("p90")).isEqualByComparingTo("350000.00");
        // the series is smoothed up to June, now complete: April 180,000, May 200,000, June 70,000 (Holt, alpha 0.5,
        // beta 0.1, trend damped by 0.8), started from their least-squares line: level 260,000, trend -55,000.
        // April: predicted 260,000 - 44,000 = 216,000, level 0.5 x 180,000 + 0.5 x 216,000 = 198,000, trend
        // 0.1 x -62,000 + 0.9 x 0.8 x -55,000 = -45,800; May: predicted 161,360, level 180,680, trend -1,732 - 32,976
        // = -34,708; June: predicted 152,913.60, level 111,456.80, trend -6,922.32 - 24,989.76 = -31,912.08
        // -> July 111,456.80 - 0.8 x 31,912.08 = 85,927.136
        assertThat(p50(last, "NEXT_MONTH", "COMPANY", "ALL", "TIME_SERIES")).isEqualByComparingTo("85927.14");
        // the same as July's forecast the next day, from the same snapshot
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        assertThat(job.run(july1, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long next = latestRun(july1, "NIGHTLY");
        for (String m : List.of("WEIGHTED", "CATEGORY", "TIME_SERIES")) {
            assertThat(forecast(next, "CURRENT_MONTH", "COMPANY", "ALL", m).get("p50")).as(m)
                    .isEqualTo(forecast(last, "NEXT_MONTH", "COMPANY", "ALL", m).get("p50"));
        }

        // a month's last day that is not a quarter's: as of 05-31 (its snapshot, the 05-01 deals unchanged: O2 IDENTIFIED
        // 200,000 expected 06-30, O3 DEVELOPED 50,000 expected 05-25, O5 08-31) May is H2's 200,000 whatever the method;
        // O3, overdue, is expected on 06-01: June 50,000 x 0.6 + 200,000 x 0.1 = 50,000, Q2 380,000 won + the same 50,000
        LocalDate may31 = LocalDate.of(2026, 5, 31);
        fixture.copySnapshot(ForecastFixture.MAY_1, may31);
        assertThat(job.run(may31, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long may = latestRun(may31, "NIGHTLY");
        for (Method m : Method.values()) {
            Map<String, Object> f = forecast(may, "CURRENT_MONTH", "COMPANY", "ALL", m.name());
            assertThat(List.of(f.get("p10"), f.get("p50"), f.get("p90"))).as(m.name())
                    .allSatisfy(v -> assertThat((BigDecimal) v).isEqualByComparingTo("200000.00"));
        }
        assertThat(p50(may, "NEXT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("50000.00");
        assertThat(p50(may, "CURRENT_QUARTER", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("430000.00");
    }

    /**
     * Coverage follows {@link Horizon#firstCloseDay}: as of a month's (quarter's) last day nothing of it is left for the
     * pipeline to close, so the coverage is of next month's (quarter's) target, as the next day's run measures it.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void asOfAMonthsLastDayCoverageIsOfNextMonthsTarget(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.juneWin();
        // the nights of 06-30 and 07-01 have their own files (from the 06-29 snapshot June would still have a day left)
        fixture.copySnapshot(ForecastFixture.JUNE_29, LocalDate.of(2026, 6, 30));
        fixture.copySnapshot(ForecastFixture.JUNE_29, LocalDate.of(2026, 7, 1));
        // the 06-29 snapshot: open O1 100,000 + O2 200,000 + O3 50,000 + O4 300,000 + O5 10,000 = 660,000
        assertThat(job.run(ForecastFixture.JUNE_29, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> june29 = companySummary(latestRun(ForecastFixture.JUNE_29, "NIGHTLY"));
        // 06-29, a day left: June's target 400,000 less W1's 70,000 won = 330,000 -> 2.0x; Q2 1,000,000 - 450,000
        assertThat((BigDecimal) june29.get("month_remaining")).isEqualByComparingTo("330000.00");
        assertThat((BigDecimal) june29.get("month_coverage")).isEqualByComparingTo("2.0000");
        assertThat((BigDecimal) june29.get("quarter_remaining")).isEqualByComparingTo("550000.00");
        assertThat((BigDecimal) june29.get("quarter_coverage")).isEqualByComparingTo("1.2000");

        LocalDate june30 = LocalDate.of(2026, 6, 30);
        assertThat(job.run(june30, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> end = companySummary(latestRun(june30, "NIGHTLY"));
        // 06-30, June's and Q2's last day: July's target 3 x 100,000, nothing won in July yet -> 660,000 / 300,000;
        // Q3 likewise (the fixture has targets up to July only)
        assertThat((BigDecimal) end.get("month_target")).isEqualByComparingTo("300000.00");
        assertThat((BigDecimal) end.get("month_won")).isEqualByComparingTo("0.00");
        assertThat((BigDecimal) end.get("month_remaining")).isEqualByComparingTo("300000.00");
        assertThat((BigDecimal) end.get("month_coverage")).isEqualByComparingTo("2.2000");
        assertThat((BigDecimal) end.get("quarter_remaining")).isEqualByComparingTo("300000.00");
        assertThat((BigDecimal) end.get("quarter_coverage")).isEqualByComparingTo("2.2000");
        // which the log says is Q3 without August's and September's targets
        assertThat(output.getAll()).contains("forecast as of 2026-06-30: no sales target for [2026-08, 2026-09]: the quarter's"
                + " target and coverage (2026-07-01..2026-09-30) count those months as 0");
        // the same as the 07-01 run's, from the same pipeline
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        assertThat(job.run(july1, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> next = companySummary(latestRun(july1, "NIGHTLY"));
        for (String column : List.of("month_remaining", "month_coverage", "quarter_remaining", "quarter_coverage")) {
            assertThat((BigDecimal) next.get(column)).as(column).isEqualByComparingTo((BigDecimal) end.get(column));
        }
    }

    /**
     * A period's coverage is of the open deals expected to close by its end (an overdue one as on the day after the
     * as-of date, as the forecasts count it), not of every open deal whatever its date; the latter is kept apart.
     */
    @Test
    void coverageCountsThePipelineExpectedToCloseByThePeriodsEnd() throws Exception {
        Map<String, Object> june10 = companySummary(run);
        // June (and Q2, which ends with it): O1 100,000 (06-20) + O3 50,000 (06-05, overdue) = 150,000 of the 660,000 open;
        // weighted 80,000 + 40,000. June's remaining target 400,000, Q2's 620,000
        assertThat((BigDecimal) june10.get("month_due_amount")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) june10.get("month_due_coverage")).isEqualByComparingTo("0.3750");
        assertThat((BigDecimal) june10.get("month_due_weighted_coverage")).isEqualByComparingTo("0.3000");
        assertThat((BigDecimal) june10.get("quarter_due_amount")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) june10.get("quarter_due_coverage")).isEqualByComparingTo("0.2419");
        // all open deals, O4 (09-30) and O5 (08-31) too, as before
        assertThat((BigDecimal) june10.get("month_coverage")).isEqualByComparingTo("1.6500");

        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.juneWin();
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        fixture.copySnapshot(ForecastFixture.JUNE_29, june30); // 06-30's own file: nothing of June is left
        assertThat(job.run(june30, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> end = companySummary(latestRun(june30, "NIGHTLY"));
        // 06-30: July, by 07-31: O1 and O3 (overdue: expected on 07-01) + O2 200,000 (07-15) = 350,000 / 300,000;
        // weighted 80,000 + 40,000 + 120,000 = 240,000, July's WEIGHTED forecast that night (without 06-30's own
        // file, from the 06-29 snapshot, O1 and O3 are June's and so is the coverage: see the test below)
        assertThat(p50(latestRun(june30, "NIGHTLY"), "NEXT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("240000.00");
        assertThat((BigDecimal) end.get("month_due_amount")).isEqualByComparingTo("350000.00");
        assertThat((BigDecimal) end.get("month_due_coverage")).isEqualByComparingTo("1.1667");
        assertThat((BigDecimal) end.get("month_due_weighted_coverage")).isEqualByComparingTo("0.8000");
        // Q3, by 09-30: every open deal, 660,000 / 300,000
        assertThat((BigDecimal) end.get("quarter_due_amount")).isEqualByComparingTo("660000.00");
        assertThat((BigDecimal) end.get("quarter_due_coverage")).isEqualByComparingTo("2.2000");
        // per team: T2's R3 has only O3 (overdue), due in July: 50,000 / 100,000
        assertThat(jdbc.queryForObject("SELECT month_due_coverage FROM funnel_summary WHERE run_id = ? AND entity_type = 'TEAM'"
                + " AND entity_id = 'T2' AND product_line = '*'", BigDecimal.class, latestRun(june30, "NIGHTLY")))
                .isEqualByComparingTo("0.5000");
    }

    /**
     * A night without a new opportunities file measures coverage as its forecasts count the deals: as of 06-30 from the
     * 06-29 snapshot June still has a day for O1 and O3 (overdue at 06-29, expected on 06-30), so the coverage is of
     * June's and Q2's remaining target, as the run's June and Q2 forecasts hold them, not of July's.
     */
    @Test
    void aNightWithoutANewSnapshotMeasuresCoverageAsItsForecastsCount() throws Exception {
        new ForecastFixture(jdbc).juneWin();
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        assertThat(job.run(june30, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long night = latestRun(june30, "NIGHTLY");
        Map<String, Object> summary = companySummary(night);
        // June: target 400,000 less W1's 70,000 = 330,000; due O1 100,000 + O3 50,000, weighted 80,000 + 40,000
        assertThat((BigDecimal) summary.get("month_target")).isEqualByComparingTo("400000.00");
        assertThat((BigDecimal) summary.get("month_remaining")).isEqualByComparingTo("330000.00");
        assertThat((BigDecimal) summary.get("month_due_amount")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) summary.get("month_due_coverage")).isEqualByComparingTo("0.4545");
        assertThat((BigDecimal) summary.get("month_due_weighted_coverage")).isEqualByComparingTo("0.3636");
        // the same 120,000 the June WEIGHTED forecast adds to what was won
        Map<String, Object> june = forecast(night, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED");
        assertThat(((BigDecimal) june.get("p50")).subtract((BigDecimal) june.get("closed_won"))).isEqualByComparingTo("120000.00");
        // Q2: 1,000,000 - 450,000 = 550,000, the same 150,000 due
        assertThat((BigDecimal) summary.get("quarter_remaining")).isEqualByComparingTo("550000.00");
        assertThat((BigDecimal) summary.get("quarter_due_amount")).isEqualByComparingTo("150000.00");
    }

    /**
     * On a quarter's last day the quarter is over, as the month is: the run forecasts the coming quarter too, the one
     * the pipeline can still close into, so finance's extract of that night has a quarter ahead.
     */
    @Test
    void asOfAQuartersLastDayTheNextQuarterIsForecastAndExtracted() throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.juneWin();
        assertThat(job.run(ForecastFixture.JUNE_29, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast WHERE run_id = ? AND horizon = 'NEXT_QUARTER'",
                Integer.class, latestRun(ForecastFixture.JUNE_29, "NIGHTLY"))).isZero();
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        LocalDate july1 = LocalDate.of(2026, 7, 1);
        // the nights of 06-30 and 07-01 have their own files (without one a night forecasts as of the 06-29 snapshot)
        fixture.copySnapshot(ForecastFixture.JUNE_29, june30);
        fixture.copySnapshot(june30, july1);
        assertThat(job.run(june30, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long last = latestRun(june30, "NIGHTLY");
        // Q3, every deal open at the end of 06-30 (O1 and O3 overdue: expected on 07-01): O1 80,000 + O3 40,000 +
        // O2 120,000 + O4 300,000 x 0.1 + O5 10,000 x 0.8 = 278,000; target July's 300,000 (none for August, September)
        Map<String, Object> q3 = forecast(last, "NEXT_QUARTER", "COMPANY", "ALL", "WEIGHTED");
        assertThat((BigDecimal) q3.get("p50")).isEqualByComparingTo("278000.00");
        assertThat((BigDecimal) q3.get("closed_won")).isEqualByComparingTo("0.00");
        assertThat((BigDecimal) q3.get("target")).isEqualByComparingTo("300000.00");
        // commits O1 + O3, best case O2
        Map<String, Object> category = forecast(last, "NEXT_QUARTER", "COMPANY", "ALL", "CATEGORY");
        assertThat((BigDecimal) category.get("p50")).isEqualByComparingTo("150000.00");
        assertThat((BigDecimal) category.get("p90")).isEqualByComparingTo("350000.00");
        assertThat(jdbc.queryForList("SELECT DISTINCT method FROM forecast WHERE run_id = ? AND horizon = 'NEXT_QUARTER'",
                String.class, last)).containsExactlyInAnyOrder("WEIGHTED", "LEARNED", "CATEGORY", "TIME_SERIES", "COMBINED");
        // the same as Q3's forecast the next day, from the same pipeline
        assertThat(job.run(july1, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long next = latestRun(july1, "NIGHTLY");
        for (String m : List.of("WEIGHTED", "CATEGORY", "TIME_SERIES")) {
            assertThat(forecast(last, "NEXT_QUARTER", "COMPANY", "ALL", m).get("p50")).as(m)
                    .isEqualTo(forecast(next, "CURRENT_QUARTER", "COMPANY", "ALL", m).get("p50"));
        }
        // finance's extract of 06-30 has Q3, after the closed Q2, June and July
        String csv = new String(Files.readAllBytes(work.resolve("out/2026-06-30/extracts/forecast-2026-06-30.csv")),
                StandardCharsets.UTF_8);
        assertThat(csv).containsPattern("2,QUARTER,2026-07-01,2026-09-30,COMPANY,ALL,全公司,WEIGHTED,[0-9.]+,278000.00,")
                .contains("2,QUARTER,2026-04-01,2026-06-30,COMPANY,ALL,").contains("2,MONTH,2026-07-01,2026-07-31,COMPANY,ALL,");
    }

    private Map<String, Object> companySummary(long runId) {
        return jdbc.queryForMap("SELECT * FROM funnel_summary WHERE run_id = ? AND entity_type = 'COMPANY'"
                + " AND product_line = '*'", runId);
    }

    /** The day before a month's last day one day is left: the open deals still count. */
    @Test
    void theDayBeforeAMonthsLastDayTheMonthIsStillOpen() throws Exception {
        new ForecastFixture(jdbc).juneWin();
        assertThat(job.run(ForecastFixture.JUNE_29, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long before = latestRun(ForecastFixture.JUNE_29, "NIGHTLY");
        // won in June: W1 70,000. WEIGHTED: + O1 80,000 + O3 40,000 (overdue: expected on 06-30) = 190,000
        assertThat(p50(before, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("190000.00");
        // CATEGORY: + commits O1 100,000 + O3 50,000 = 220,000 (O2's best case is July's)
        assertThat(p50(before, "CURRENT_MONTH", "COMPANY", "ALL", "CATEGORY")).isEqualByComparingTo("220000.00");
        // LEARNED, the one day left (06-30, day 1): company COMMITTED timing, W1 won on day 1 of the 9 observations
        //   (W1 1, H1 10, H5 14, H3 20, H4 20, O3 24, O1 28, H2 30, O5 59): W(1) - W(0) = 1/9. Rates: 6 closed deals,
        //   4 won: company 2/3; T1 5 closed, 3 won: (3 + 2 x 2/3) / (5 + 2) = 13/21, a propensity of 13/14; T2 the
        //   company's. O1 100,000 x 13/14 x 1/9 + O5 10,000 x 13/14 x 1/9 + O3 50,000 x 1/9 = 16,904.76; O4 (IDENTIFIED,
        //   first win on day 24) and O2 (DEVELOPED, no timing: its 07-15) nothing
        assertThat(p50(before, "CURRENT_MONTH", "COMPANY", "ALL", "LEARNED")).isEqualByComparingTo("86904.76");
        // TIME_SERIES: April 180,000 and May 200,000, two months: their mean 190,000 (above the 70,000 won)
        assertThat(p50(before, "CURRENT_MONTH", "COMPANY", "ALL", "TIME_SERIES")).isEqualByComparingTo("190000.00");
        // COMBINED: 0.7 x 86,904.76 + 0.2 x 190,000 + 0.1 x 220,000
        double combined = 0.7 * (70_000 + 2_130_000 / 126.0) + 0.2 * 190_000 + 0.1 * 220_000;
        assertThat(p50(before, "CURRENT_MONTH", "COMPANY", "ALL", "COMBINED")).isEqualByComparingTo(Money.of(combined));
        assertThat(Money.of(combined)).isEqualByComparingTo("120833.33");
        // every method but none of them collapsed to the won amount
        for (Method m : Method.values()) {
            Map<String, Object> f = forecast(before, "CURRENT_MONTH", "COMPANY", "ALL", m.name());
            assertThat((BigDecimal) f.get("closed_won")).isEqualByComparingTo("70000.00");
            assertThat((BigDecimal) f.get("p90")).as(m.name()).isGreaterThan(new BigDecimal("70000.00"));
        }
        // Q2: 450,000 won + WEIGHTED's June 120,000
        assertThat(p50(before, "CURRENT_QUARTER", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("570000.00");
    }

    @Test
    void financeExtractKeepsChineseAndNeutralisesFormulas() throws Exception {
        Path csv = work.resolve("out/2026-06-10/extracts/forecast-2026-06-10.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", FinanceExtract.HEADER));
        assertThat(text).contains(",REP,R1,王小明,").contains(",TEAM,T1,上海办事处,").contains(",REGION,EAST,华东区,");
        assertThat(text).contains(",REP,R3,'=吴昊+1,").doesNotContain(",=吴昊");
        assertThat(text).contains("2,QUARTER,2026-04-01,2026-06-30,COMPANY,ALL,全公司,WEIGHTED,");
        // generated_at is the company's time (Asia/Shanghai by default), whatever the server's zone
        String[] firstRow = text.lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(firstRow[13]).isEqualTo("2026-06-10"); // the snapshot it was made from, of its own date
        java.time.LocalDateTime generated = java.time.LocalDateTime.parse(firstRow[12],
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(generated).isCloseTo(java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")),
                org.assertj.core.api.Assertions.within(30, java.time.temporal.ChronoUnit.MINUTES));
        long lines = text.lines().count();
        assertThat(lines - 1).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM forecast WHERE run_id = ?", Long.class, run));

        Path xlsx = work.resolve("out/2026-06-10/extracts/forecast-2026-06-10.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("entity_name");
            boolean sawName = false;
            boolean sawFormulaName = false;
            for (Row row : sheet) {
                Cell cell = row.getCell(6);
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                String name = cell.getStringCellValue();
                sawName |= name.equals("王小明");
                if (name.equals("=吴昊+1")) {
                    // the name itself, shown as typed, and kept as text by Excel's quote prefix (no visible apostrophe)
                    sawFormulaName = true;
                    assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                }
            }
            assertThat(sawName).isTrue();
            assertThat(sawFormulaName).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo((int) (lines - 1));
        }
    }

    /**
     * The extract's rows as finance reads them: entity by entity (company, regions, teams, reps), each one's months
     * before its quarter, in date order, then method; the XLSX in the same order as the CSV.
     */
    @Test
    void financeExtractListsEachEntitysMonthsBeforeItsQuarter() throws Exception {
        List<String[]> rows = new String(Files.readAllBytes(work.resolve("out/2026-06-10/extracts/forecast-2026-06-10.csv")),
                StandardCharsets.UTF_8).substring(1).lines().skip(1).map(line -> line.split(",", -1)).toList();
        // as of 06-10: June, July, then Q2; five methods each; the company first
        List<String> methods = List.of("CATEGORY", "COMBINED", "LEARNED", "TIME_SERIES", "WEIGHTED");
        List<String> company = new java.util.ArrayList<>();
        for (String period : List.of("MONTH 2026-06-01", "MONTH 2026-07-01", "QUARTER 2026-04-01")) {
            methods.forEach(m -> company.add("COMPANY ALL " + period + " " + m));
        }
        assertThat(rows.subList(0, 15)).extracting(r -> r[4] + " " + r[5] + " " + r[1] + " " + r[2] + " " + r[7])
                .containsExactlyElementsOf(company);
        // and so on down: entities in order, each one's rows together, its months before its quarter
        List<String> entityOrder = List.of("COMPANY", "REGION", "TEAM", "REP");
        java.util.Comparator<String[]> finance = java.util.Comparator.<String[]>comparingInt(r -> entityOrder.indexOf(r[4]))
                .thenComparing(r -> r[5]).thenComparing(r -> r[1].equals("MONTH") ? 0 : 1).thenComparing(r -> r[2])
                .thenComparing(r -> r[7]);
        assertThat(rows).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM forecast WHERE run_id = ?", Integer.class, run))
                .isSortedAccordingTo(finance);
        assertThat(rows).extracting(r -> r[4] + " " + r[5]).containsSubsequence("COMPANY ALL", "REGION EAST", "TEAM T1", "TEAM T2",
                "REP R1", "REP R2", "REP R3");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(
                work.resolve("out/2026-06-10/extracts/forecast-2026-06-10.xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1);
                assertThat(row.getCell(4).getStringCellValue() + " " + row.getCell(5).getStringCellValue() + " "
                        + row.getCell(1).getStringCellValue() + " " + row.getCell(7).getStringCellValue()).as("row %d", r + 1)
                        .isEqualTo(rows.get(r)[4] + " " + rows.get(r)[5] + " " + rows.get(r)[1] + " " + rows.get(r)[7]);
            }
        }
    }

    /** The XLSX as a finance user opens it: numbers, dates, a frozen bold header with a filter, readable widths. */
    @Test
    void financeExtractXlsxHasTypedCellsAFrozenHeaderAndAFilter() throws Exception {
        Path csv = work.resolve("out/2026-06-10/extracts/forecast-2026-06-10.csv");
        List<String> csvLines = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8).substring(1).lines().toList();
        Path xlsx = work.resolve("out/2026-06-10/extracts/forecast-2026-06-10.xlsx");
        DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            // header: bold, frozen (one row split off the top), filter over every row and column
            Row header = sheet.getRow(0);
            for (int i = 0; i < FinanceExtract.HEADER.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(FinanceExtract.HEADER.get(i));
                assertThat(book.getFontAt(header.getCell(i).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
            char lastColumn = (char) ('A' + FinanceExtract.HEADER.size() - 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:" + lastColumn + csvLines.size());

            // Q2, company, WEIGHTED: p50 500,000 (won 380,000 + June's 120,000), see the weighted test
            Row quarter = null;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().equals("QUARTER")
                        && row.getCell(4).getStringCellValue().equals("COMPANY") && row.getCell(7).getStringCellValue().equals("WEIGHTED")) {
                    quarter = row;
                }
            }
            assertThat(quarter).isNotNull();
            // schema_version and run_id are numbers, not text Excel would mark as a number stored as text
            Cell schema = quarter.getCell(0);
            assertThat(schema.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(schema.getNumericCellValue()).isEqualTo(2.0);
            assertThat(shown.formatCellValue(schema)).isEqualTo("2");
            Cell runId = quarter.getCell(18);
            assertThat(runId.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) runId.getNumericCellValue()).isEqualTo(run);
            assertThat(shown.formatCellValue(runId)).isEqualTo(Long.toString(run));
            Cell p50 = quarter.getCell(9);
            assertThat(p50.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(p50.getNumericCellValue()).isEqualTo(500_000.0);
            assertThat(p50.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(shown.formatCellValue(p50)).isEqualTo("500,000.00");
            Cell periodStart = quarter.getCell(2);
            assertThat(periodStart.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(periodStart)).isTrue();
            assertThat(periodStart.getLocalDateTimeCellValue()).isEqualTo(LocalDate.of(2026, 4, 1).atStartOfDay());
            assertThat(shown.formatCellValue(periodStart)).isEqualTo("2026-04-01");
            assertThat(quarter.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDate.of(2026, 6, 30).atStartOfDay());
            Cell asOf = quarter.getCell(11);
            assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
            assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ForecastFixture.AS_OF);
            assertThat(shown.formatCellValue(asOf)).isEqualTo("2026-06-10");
            Cell generated = quarter.getCell(12);
            assertThat(DateUtil.isCellDateFormatted(generated)).isTrue();
            assertThat(shown.formatCellValue(generated)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

            // every row as the CSV has it: the same amounts to the cent (no binary-float drift), the same dates and text
            assertThat(sheet.getLastRowNum()).isEqualTo(csvLines.size() - 1);
            int amounts = 0;
            for (int r = 1; r < csvLines.size(); r++) {
                String[] fields = csvLines.get(r).split(",", -1);
                Row row = sheet.getRow(r);
                for (int i = 0; i < fields.length; i++) {
                    Cell cell = row.getCell(i);
                    if (fields[i].isEmpty()) {
                        assertThat(cell).isNull();
                    } else if ((i >= 8 && i <= 10) || i == 14 || i == 15) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).isEqualByComparingTo(fields[i]);
                        assertThat(shown.formatCellValue(cell).replace(",", "")).isEqualTo(fields[i]);
                        amounts++;
                    } else if (i == 0 || i == 18) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(shown.formatCellValue(cell)).isEqualTo(fields[i]);
                    } else if (i == 2 || i == 3 || (i >= 11 && i <= 13)) {
                        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
                        assertThat(shown.formatCellValue(cell)).isEqualTo(fields[i]);
                    } else if (!fields[i].startsWith("'")) {
                        assertThat(cell.getStringCellValue()).isEqualTo(fields[i]);
                    }
                }
            }
            assertThat(amounts).isGreaterThan(0);

            // widths from the content: the amounts and names fit, nothing is left at the default
            assertThat(sheet.getColumnWidth(9)).isGreaterThanOrEqualTo("500,000.00".length() * 256);
            assertThat(sheet.getColumnWidth(6)).isGreaterThanOrEqualTo(ExtractFile.displayWidth("上海办事处") * 256);
            assertThat(sheet.getColumnWidth(12)).isGreaterThanOrEqualTo("2026-06-10 00:00:00".length() * 256);
        }
    }

    @Test
    void extractOnDemandForAStoredDateOnly() throws Exception {
        Path file = work.resolve("finance/forecast.xlsx");
        picocli.CommandLine command = new picocli.CommandLine(extractCommand);
        java.io.StringWriter err = new java.io.StringWriter();
        command.setErr(new java.io.PrintWriter(err));
        assertThat(command.execute("--as-of", "2026-06-10", "--format", "xlsx", "--out", file.toString())).isZero();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            Row first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(FinanceExtract.SCHEMA_VERSION);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("COMPANY");
            assertThat(first.getCell(11).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 10));
        }
        assertThat(command.execute("--as-of", "2026-06-11", "--out", work.resolve("none.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no forecast run is stored as of 2026-06-11");
        // an XLSX asked for under a .csv name is refused, not written for Excel to open as garbage
        Path misnamed = work.resolve("finance/forecast.csv");
        assertThat(command.execute("--as-of", "2026-06-10", "--format", "xlsx", "--out", misnamed.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is named .csv but --format is xlsx: name the file .xlsx or pass --format csv");
        assertThat(misnamed).doesNotExist();
    }

    @Test
    void aForcedRerunAddsARunAndNeverChangesTheEarlierOne() throws Exception {
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM forecast WHERE run_id = ? ORDER BY horizon,"
                + " entity_type, entity_id, method", run);
        assertThatThrownBy(() -> job.run(ForecastFixture.AS_OF, false, work.resolve("out")))
                .isInstanceOf(JobRunner.AlreadyCompleteException.class);
        new ForecastFixture(jdbc).snapshot(ForecastFixture.AS_OF, "O6", "R1", "云服务", 1_000_000, "COMMITTED", "2026-06-15",
                "2026-06-01", null, "COMMIT");
        assertThat(job.run(ForecastFixture.AS_OF, true, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long second = latestRun(ForecastFixture.AS_OF, "NIGHTLY");
        assertThat(second).isGreaterThan(run);
        assertThat(jdbc.queryForList("SELECT * FROM forecast WHERE run_id = ? ORDER BY horizon, entity_type, entity_id, method", run))
                .isEqualTo(before);
        // the new run sees O6: 1,000,000 x 0.8 more in June
        assertThat(p50(second, "CURRENT_MONTH", "COMPANY", "ALL", "WEIGHTED")).isEqualByComparingTo("920000.00");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.kam.pipeline.report.ReportService reports;

    @org.springframework.beans.factory.annotation.Autowired
    ForecastStore store;

    @org.springframework.beans.factory.annotation.Autowired
    com.kam.pipeline.system.KamProperties properties;

    @Test
    void aNightRemovesTheDetailOfAFewRunsAtMostAndLeavesTheOlderOnesToTheNextNights() throws Exception {
        List<Long> runs = new java.util.ArrayList<>(List.of(run));
        for (int day = 11; day <= 13; day++) {
            LocalDate asOf = LocalDate.of(2026, 6, day);
            job.run(asOf, false, work.resolve("out"));
            runs.add(latestRun(asOf, "NIGHTLY"));
        }
        // one day kept back from 06-13: the detail of 06-10 and 06-11 goes (06-12 is kept, 06-13 is June's last run),
        // one run a night
        ForecastDetailRetention oneANight = new ForecastDetailRetention(jdbc, store, 1, properties, 1);
        String contributors = "SELECT COUNT(*) FROM forecast_contributor WHERE run_id = ?";
        assertThat(oneANight.apply(-1)).isEqualTo(1);
        assertThat(jdbc.queryForObject(contributors, Integer.class, runs.get(0))).isZero();
        assertThat(jdbc.queryForObject(contributors, Integer.class, runs.get(1))).isPositive();
        assertThat(oneANight.apply(-1)).isEqualTo(1);
        assertThat(jdbc.queryForObject(contributors, Integer.class, runs.get(1))).isZero();
        assertThat(oneANight.apply(-1)).isZero();
        assertThat(jdbc.queryForObject(contributors, Integer.class, runs.get(2))).isPositive();
        assertThat(jdbc.queryForObject(contributors, Integer.class, runs.get(3))).isPositive();
    }

    @Test
    void aRunsDealDetailGoesAfterTheDaysKeptButItsForecastsAndEachMonthsLastRunStay() throws Exception {
        LocalDate june30 = LocalDate.of(2026, 6, 30);
        LocalDate july5 = LocalDate.of(2026, 7, 5);
        job.run(june30, false, work.resolve("out"));
        job.run(july5, false, work.resolve("out"));
        long juneLast = latestRun(june30, "NIGHTLY");
        long julyOnly = latestRun(july5, "NIGHTLY");
        String forecasts = "SELECT COUNT(*) FROM forecast WHERE run_id = ?";
        int forecastsBefore = jdbc.queryForObject(forecasts, Integer.class, run);
        // 92 days kept (the default): a night 93 days after 06-10 removes that night's detail
        LocalDate later = ForecastFixture.AS_OF.plusDays(93);
        job.run(later, false, work.resolve("out"));
        for (String table : ForecastStore.DETAIL_TABLES) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Integer.class, run))
                    .as(table).isZero();
            // June's last run (the month's funnel report) and July's only run keep theirs
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Integer.class, juneLast))
                    .as(table).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast_contributor WHERE run_id = ?", Integer.class, julyOnly))
                .isPositive();
        assertThat(jdbc.queryForObject(forecasts, Integer.class, run)).isEqualTo(forecastsBefore).isPositive();
        assertThat(jdbc.queryForObject("SELECT detail_removed_on FROM forecast_run WHERE run_id = ?", LocalDate.class, run))
                .isEqualTo(later);
        // a funnel report as of 06-10 would be empty, and so would a scorecard's funnel: refused, saying why
        assertThatThrownBy(() -> reports.run(ForecastFixture.AS_OF, com.kam.pipeline.report.ReportType.FUNNEL, false,
                work.resolve("out"))).isInstanceOf(com.kam.pipeline.report.ReportRefusedException.class)
                .hasMessageContaining("no funnel report as of 2026-06-10: the deal detail of that night's forecast, which it"
                        + " shows, was removed by the night of " + later);
        assertThatThrownBy(() -> reports.run(ForecastFixture.AS_OF, com.kam.pipeline.report.ReportType.SCORECARD, false,
                work.resolve("out"))).hasMessageStartingWith("no scorecard report as of 2026-06-10");

        // 06-10 run again (a corrected snapshot) keeps the detail it was run for
        job.run(ForecastFixture.AS_OF, true, work.resolve("out"));
        long again = latestRun(ForecastFixture.AS_OF, "NIGHTLY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM forecast_contributor WHERE run_id = ?", Integer.class, again))
                .isPositive();
    }
}
