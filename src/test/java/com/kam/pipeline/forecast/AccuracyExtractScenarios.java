package com.kam.pipeline.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.system.KamCommandLine;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

/**
 * {@code kam extract --accuracy}: the stored accuracy rows as finance gets them, and each method's MAPE without the
 * forecasts that were the actual by construction. Most scenarios on hand-made rows whose every figure is set below; one
 * on the accuracy the forecast job itself stored for {@link ForecastFixture}'s nights.
 */
@TestPropertySource(properties = "kam.out=target/accuracy-extract-test/out")
abstract class AccuracyExtractScenarios extends ForecastTestBase {

    static final LocalDate JUNE_10 = LocalDate.of(2026, 6, 10);
    static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);
    static final LocalDate JULY_10 = LocalDate.of(2026, 7, 10);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    static final LocalDateTime COMPUTED = LocalDateTime.of(2026, 7, 1, 3, 15, 20);

    @Autowired
    ApplicationContext context;

    @Autowired
    KamProperties properties;

    /** The runs of {@link #scoredForecasts()}: 06-10's (and the run it replaced), 06-30's, 07-10's, a backtest's. */
    long replaced;
    long june10;
    long june30;
    long july10;
    long backtestRun;

    /**
     * Forecasts scored as the forecast job stores them, every figure chosen here:
     * <pre>
     * run      period  entity              method    p10      p50      p90      actual   error   bias    in     by constr.
     * 06-10    June    COMPANY 全公司       WEIGHTED   90,000  120,000  150,000  100,000  0.2000  0.2000  true
     * 06-10    June    COMPANY 全公司       LEARNED    60,000   80,000   95,000  100,000  0.2000 -0.2000  false
     * 06-10    June    TEAM T1 上海办事处    LEARNED    40,000   45,000   60,000   50,000  0.1000 -0.1000  true
     * 06-10    June    REP R1 王小明        WEIGHTED   70,000   80,000   90,000   50,000  0.6000  0.6000  false
     * 06-10    June    REP R3 =吴昊+1       WEIGHTED   30,000   40,000   50,000        0  -       -       false
     * 06-10    Q2      COMPANY 全公司       WEIGHTED  450,000  500,000  550,000  480,000  0.0417  0.0417  true
     * 06-30    June    COMPANY 全公司       WEIGHTED  100,000  100,000  100,000  100,000  0.0000  0.0000  true   yes
     * 06-30    June    COMPANY 全公司       LEARNED   100,000  100,000  100,000  100,000  0.0000  0.0000  true   yes
     * 06-30    June    REP R1 王小明        WEIGHTED   50,000   50,000   50,000   50,000  0.0000  0.0000  true   yes
     * 07-10    July    COMPANY 全公司       WEIGHTED  250,000  300,000  350,000  250,000  0.2000  0.2000  true
     * </pre>
     * and two runs the extract leaves out: the 06-10 run a forced rerun replaced (June WEIGHTED p50 999,999, error
     * 8.9999) and a backtest's replay as of 06-01 (June WEIGHTED error 0.5000).
     */
    void scoredForecasts() {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.person("R1", "王小明", "T1", "上海办事处");
        fixture.person("R2", "周晓燕", "T1", "上海办事处");
        fixture.person("R3", "=吴昊+1", "T2", "杭州办事处");
        replaced = run("NIGHTLY", JUNE_10, JUNE_10);
        scored(replaced, month(JUNE), "COMPANY", "ALL", "全公司", "WEIGHTED", "999999.00", "999999.00", "999999.00", "100000.00",
                "8.9999", "8.9999", false, false);
        june10 = run("NIGHTLY", JUNE_10, JUNE_10);
        scored(june10, month(JUNE), "COMPANY", "ALL", "全公司", "WEIGHTED", "90000.00", "120000.00", "150000.00", "100000.00",
                "0.2000", "0.2000", true, false);
        scored(june10, month(JUNE), "COMPANY", "ALL", "全公司", "LEARNED", "60000.00", "80000.00", "95000.00", "100000.00",
                "0.2000", "-0.2000", false, false);
        scored(june10, month(JUNE), "TEAM", "T1", "上海办事处", "LEARNED", "40000.00", "45000.00", "60000.00", "50000.00",
                "0.1000", "-0.1000", true, false);
        scored(june10, month(JUNE), "REP", "R1", "王小明", "WEIGHTED", "70000.00", "80000.00", "90000.00", "50000.00",
                "0.6000", "0.6000", false, false);
        scored(june10, month(JUNE), "REP", "R3", "=吴昊+1", "WEIGHTED", "30000.00", "40000.00", "50000.00", "0.00",
                null, null, false, false);
        scored(june10, new Period("CURRENT_QUARTER", "QUARTER", LocalDate.of(2026, 4, 1), JUNE_30), "COMPANY", "ALL", "全公司",
                "WEIGHTED", "450000.00", "500000.00", "550000.00", "480000.00", "0.0417", "0.0417", true, false);
        june30 = run("NIGHTLY", JUNE_30, JUNE_30);
        scored(june30, month(JUNE), "COMPANY", "ALL", "全公司", "WEIGHTED", "100000.00", "100000.00", "100000.00", "100000.00",
                "0.0000", "0.0000", true, true);
        scored(june30, month(JUNE), "COMPANY", "ALL", "全公司", "LEARNED", "100000.00", "100000.00", "100000.00", "100000.00",
                "0.0000", "0.0000", true, true);
        scored(june30, month(JUNE), "REP", "R1", "王小明", "WEIGHTED", "50000.00", "50000.00", "50000.00", "50000.00",
                "0.0000", "0.0000", true, true);
        july10 = run("NIGHTLY", JULY_10, JULY_10);
        scored(july10, month(LocalDate.of(2026, 7, 1)), "COMPANY", "ALL", "全公司", "WEIGHTED", "250000.00", "300000.00",
                "350000.00", "250000.00", "0.2000", "0.2000", true, false);
        backtestRun = run("BACKTEST", JUNE, JUNE);
        scored(backtestRun, month(JUNE), "COMPANY", "ALL", "全公司", "WEIGHTED", "40000.00", "50000.00", "60000.00",
                "100000.00", "0.5000", "-0.5000", false, false);
    }

    /** The extract's lines of {@link #scoredForecasts()}, in its order: period, level, entity, method, as-of date. */
    List<String> expectedLines() {
        String tail = ",2026-07-01,2026-07-01 03:15:20,";
        return List.of(String.join(",", AccuracyExtract.HEADER),
                "1,QUARTER,2026-04-01,2026-06-30,COMPANY,ALL,全公司,,,WEIGHTED,CURRENT_QUARTER,2026-06-10,450000.00,500000.00,"
                        + "550000.00,480000.00,0.0417,0.0417,true,false" + tail + june10,
                "1,MONTH,2026-06-01,2026-06-30,COMPANY,ALL,全公司,,,LEARNED,CURRENT_MONTH,2026-06-10,60000.00,80000.00,95000.00,"
                        + "100000.00,0.2000,-0.2000,false,false" + tail + june10,
                "1,MONTH,2026-06-01,2026-06-30,COMPANY,ALL,全公司,,,LEARNED,CURRENT_MONTH,2026-06-30,100000.00,100000.00,"
                        + "100000.00,100000.00,0.0000,0.0000,true,true" + tail + june30,
                "1,MONTH,2026-06-01,2026-06-30,COMPANY,ALL,全公司,,,WEIGHTED,CURRENT_MONTH,2026-06-10,90000.00,120000.00,"
                        + "150000.00,100000.00,0.2000,0.2000,true,false" + tail + june10,
                "1,MONTH,2026-06-01,2026-06-30,COMPANY,ALL,全公司,,,WEIGHTED,CURRENT_MONTH,2026-06-30,100000.00,100000.00,"
                        + "100000.00,100000.00,0.0000,0.0000,true,true" + tail + june30,
                "1,MONTH,2026-06-01,2026-06-30,TEAM,T1,上海办事处,,EAST,LEARNED,CURRENT_MONTH,2026-06-10,40000.00,45000.00,"
                        + "60000.00,50000.00,0.1000,-0.1000,true,false" + tail + june10,
                "1,MONTH,2026-06-01,2026-06-30,REP,R1,王小明,T1,EAST,WEIGHTED,CURRENT_MONTH,2026-06-10,70000.00,80000.00,"
                        + "90000.00,50000.00,0.6000,0.6000,false,false" + tail + june10,
                "1,MONTH,2026-06-01,2026-06-30,REP,R1,王小明,T1,EAST,WEIGHTED,CURRENT_MONTH,2026-06-30,50000.00,50000.00,"
                        + "50000.00,50000.00,0.0000,0.0000,true,true" + tail + june30,
                // actual 0: no percentage error; the name that starts like a formula gets the CSV's apostrophe
                "1,MONTH,2026-06-01,2026-06-30,REP,R3,'=吴昊+1,T2,EAST,WEIGHTED,CURRENT_MONTH,2026-06-10,30000.00,40000.00,"
                        + "50000.00,0.00,,,false,false" + tail + june10,
                "1,MONTH,2026-07-01,2026-07-31,COMPANY,ALL,全公司,,,WEIGHTED,CURRENT_MONTH,2026-07-10,250000.00,300000.00,"
                        + "350000.00,250000.00,0.2000,0.2000,true,false" + tail + july10);
    }

    @Test
    void everyScoredNightlyForecastWithItsEntityRangeAndErrorAndEachMethodsMapeWithoutTheActualsByConstruction()
            throws Exception {
        scoredForecasts();
        Path file = work.resolve("finance/accuracy.csv");
        Ran ran = extract("--accuracy", "--out", file.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(List.of(bytes[0] & 0xff, bytes[1] & 0xff, bytes[2] & 0xff)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).endsWith("\r\n");
        // neither the run the forced rerun replaced nor the backtest's replay
        assertThat(text.split("\r\n", -1)).containsExactlyElementsOf(Stream.concat(expectedLines().stream(), Stream.of(""))
                .toList());
        assertThat(text).doesNotContain("999999").doesNotContain("0.5000");

        // WEIGHTED: 0.2000 (06-10, June, company) + 0.6000 (R1) + 0.0417 (Q2) + 0.2000 (July) = 1.0417 over 4 = 26.04 %;
        //   left out: the 06-30 company and R1 rows (by construction), R3 (actual 0, no error)
        // LEARNED: 0.2000 + 0.1000 over 2 = 15.00 %; left out the 06-30 company row
        assertThat(ran.out()).contains("accuracy extract written: " + file + " (10 row(s))")
                .containsPattern("(?m)^  WEIGHTED +26\\.04 % over 4 row\\(s\\); left out: 2 actual_by_construction, 1 with actual 0"
                        + " \\(no percentage error\\)$")
                .containsPattern("(?m)^  LEARNED +15\\.00 % over 2 row\\(s\\); left out: 1 actual_by_construction$")
                .doesNotContain("TIME_SERIES").doesNotContain("CATEGORY").doesNotContain("COMBINED");
        // with the rows by construction averaged in, as a plain AVG over the file would: WEIGHTED 1.0417 / 6 = 17.36 %,
        // LEARNED 0.3 / 3 = 10.00 %: both look better than they are
        assertThat(ran.out()).doesNotContain("17.36").doesNotContain("10.00 %");
        // the summary's heading says what it averages, after the file's name
        assertThat(ran.out().lines().toList().get(1)).startsWith("MAPE per method")
                .contains("not actual_by_construction");
    }

    /** A range of months: the periods wholly inside it (a quarter only with its three months), the summary of those. */
    @Test
    void fromAndToChooseThePeriodsWhollyInsideTheMonths() throws Exception {
        scoredForecasts();
        List<String> all = expectedLines();

        Path june = work.resolve("june.csv");
        Ran ran = extract("--accuracy", "--from", "2026-06", "--to", "2026-06", "--out", june.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(lines(june)).containsExactlyElementsOf(Stream.concat(Stream.of(all.get(0)), all.subList(2, 10).stream()).toList());
        // WEIGHTED: 0.2000 + 0.6000 over 2 = 40.00 %
        assertThat(ran.out()).contains("(8 row(s))").containsPattern("WEIGHTED +40\\.00 % over 2 row\\(s\\); left out: 2"
                + " actual_by_construction, 1 with actual 0");

        Path quarter = work.resolve("q2.csv");
        ran = extract("--accuracy", "--from", "2026-04", "--to", "2026-06", "--out", quarter.toString());
        assertThat(lines(quarter)).containsExactlyElementsOf(all.subList(0, 10));
        // WEIGHTED: 0.2000 + 0.6000 + 0.0417 over 3 = 28.06 %
        assertThat(ran.out()).containsPattern("WEIGHTED +28\\.06 % over 3 row\\(s\\)");

        Path july = work.resolve("july.csv");
        ran = extract("--accuracy", "--from", "2026-07", "--out", july.toString());
        assertThat(lines(july)).containsExactly(all.get(0), all.get(10));
        assertThat(ran.out()).containsPattern("WEIGHTED +20\\.00 % over 1 row\\(s\\); left out: 0 actual_by_construction$");

        // nothing scored in May: the header alone, and the output says why
        Path may = work.resolve("may.csv");
        ran = extract("--accuracy", "--to", "2026-05", "--out", may.toString());
        assertThat(ran.exit()).isZero();
        assertThat(lines(may)).containsExactly(all.get(0));
        assertThat(ran.out()).contains("(0 row(s))").contains("no scored forecast in these months").doesNotContain("MAPE");
    }

    /** Without --out, under out/<today>/extracts/, named for the day and the months. */
    @Test
    void byDefaultUnderTodaysExtractsFolderNamedForTheMonths() throws Exception {
        scoredForecasts();
        LocalDate today = properties.now().toLocalDate();
        Path expected = Path.of("target/accuracy-extract-test/out", today.toString(), "extracts",
                "forecast-accuracy-" + today + "_2026-06-to-2026-07.csv");
        Files.deleteIfExists(expected);
        Ran ran = extract("--accuracy", "--from", "2026-06", "--to", "2026-07");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("accuracy extract written: " + expected + " (9 row(s))");
        assertThat(lines(expected)).hasSize(10).first().isEqualTo(String.join(",", AccuracyExtract.HEADER));
        assertThat(AccuracyExtract.defaultFile(Path.of("out"), today, new AccuracyExtract.Months(null, null), "xlsx"))
                .isEqualTo(Path.of("out", today.toString(), "extracts", "forecast-accuracy-" + today + ".xlsx"));
    }

    /** The XLSX the same way as the forecast extract's: numbers, percentages, dates, flags, the names as typed. */
    @Test
    void theXlsxHasTypedCellsAndTheRowsOfTheCsv() throws Exception {
        scoredForecasts();
        Path csv = work.resolve("accuracy.csv");
        Path xlsx = work.resolve("accuracy.xlsx");
        assertThat(extract("--accuracy", "--out", csv.toString()).exit()).isZero();
        Ran ran = extract("--accuracy", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).containsPattern("WEIGHTED +26\\.04 %");
        List<String> csvLines = lines(csv);
        DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("accuracy");
            Row header = sheet.getRow(0);
            for (int i = 0; i < AccuracyExtract.HEADER.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(AccuracyExtract.HEADER.get(i));
                assertThat(book.getFontAt(header.getCell(i).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:W11");
            assertThat(sheet.getLastRowNum()).isEqualTo(10);

            // row 4: June, company, WEIGHTED as of 06-10
            Row weighted = sheet.getRow(4);
            assertThat(weighted.getCell(6).getStringCellValue()).isEqualTo("全公司");
            Cell p50 = weighted.getCell(13);
            assertThat(p50.getNumericCellValue()).isEqualTo(120_000.0);
            assertThat(shown.formatCellValue(p50)).isEqualTo("120,000.00");
            Cell error = weighted.getCell(16);
            assertThat(error.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(error.getNumericCellValue()).isEqualTo(0.2);
            assertThat(shown.formatCellValue(error)).isEqualTo("20.00%");
            assertThat(shown.formatCellValue(sheet.getRow(2).getCell(17))).isEqualTo("-20.00%");
            assertThat(weighted.getCell(18).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(weighted.getCell(18).getBooleanCellValue()).isTrue();
            assertThat(weighted.getCell(19).getBooleanCellValue()).isFalse();
            assertThat(DateUtil.isCellDateFormatted(weighted.getCell(11))).isTrue();
            assertThat(shown.formatCellValue(weighted.getCell(11))).isEqualTo("2026-06-10");
            assertThat(shown.formatCellValue(weighted.getCell(21))).isEqualTo("2026-07-01 03:15:20");
            // R3: the name as typed, kept as text by Excel's quote prefix; no error for an actual of 0
            Row r3 = sheet.getRow(9);
            assertThat(r3.getCell(6).getStringCellValue()).isEqualTo("=吴昊+1");
            assertThat(r3.getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(r3.getCell(16)).isNull();

            // every row as the CSV has it
            for (int r = 1; r < csvLines.size(); r++) {
                String[] fields = csvLines.get(r).split(",", -1);
                Row row = sheet.getRow(r);
                for (int i = 0; i < fields.length; i++) {
                    Cell cell = row.getCell(i);
                    if (fields[i].isEmpty()) {
                        assertThat(cell).isNull();
                    } else if (i == 0 || i == 22) {
                        // schema_version and run_id: number cells, shown as the CSV's digits
                        assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                        assertThat(shown.formatCellValue(cell)).isEqualTo(fields[i]);
                    } else if (i >= 12 && i <= 15) {
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).isEqualByComparingTo(fields[i]);
                    } else if (i == 16 || i == 17) {
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).isEqualByComparingTo(fields[i]);
                    } else if (i == 18 || i == 19) {
                        assertThat(Boolean.toString(cell.getBooleanCellValue())).isEqualTo(fields[i]);
                    } else if (i == 2 || i == 3 || i == 11 || i == 20 || i == 21) {
                        assertThat(shown.formatCellValue(cell)).isEqualTo(fields[i]);
                    } else if (!fields[i].startsWith("'")) {
                        assertThat(cell.getStringCellValue()).isEqualTo(fields[i]);
                    }
                }
            }
        }
    }

    /** Bad options: what is wrong and what to do, exit 2, and no file. */
    @Test
    void badOptionsAreRefusedWithWhatToDoAndNothingWritten() throws Exception {
        scoredForecasts();
        Path file = work.resolve("refused/accuracy.csv");
        Map<List<String>, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(List.of("--accuracy", "--from", "2026-07", "--to", "2026-06"),
                "--from 2026-07 is after --to 2026-06: --from is the first month of the periods, --to the last; nothing written");
        refusals.put(List.of("--accuracy", "--from", "2026-13"),
                "--from '2026-13' is not a month: write it as yyyy-MM, e.g. 2026-06; nothing written");
        refusals.put(List.of("--accuracy", "--to", "2026-6"),
                "--to '2026-6' is not a month: write it as yyyy-MM, e.g. 2026-06; nothing written");
        refusals.put(List.of("--accuracy", "--from", "2026-06-01"),
                "--from '2026-06-01' is not a month: write it as yyyy-MM, e.g. 2026-06; nothing written");
        refusals.put(List.of("--accuracy", "--as-of", "2026-06-10"),
                "--as-of is the forecast extract's date and --accuracy asks for the accuracy extract: pass one of them");
        refusals.put(List.of("--as-of", "2026-06-10", "--from", "2026-06"),
                "--from and --to choose the months of the accuracy extract: add --accuracy");
        refusals.put(List.of(), "pass --as-of D for the forecast extract of a stored run, or --accuracy");
        for (Map.Entry<List<String>, String> refusal : refusals.entrySet()) {
            List<String> args = new ArrayList<>(refusal.getKey());
            args.addAll(List.of("--out", file.toString()));
            Ran ran = extract(args.toArray(String[]::new));
            assertThat(ran.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(ran.err()).as(String.join(" ", args)).contains(refusal.getValue());
            assertThat(ran.out()).isEmpty();
            assertThat(file.getParent()).doesNotExist();
        }
        // an XLSX asked for under a .csv name, as for the forecast extract
        Ran misnamed = extract("--accuracy", "--format", "xlsx", "--out", file.toString());
        assertThat(misnamed.exit()).isEqualTo(2);
        assertThat(misnamed.err()).contains("is named .csv but --format is xlsx: name the file .xlsx or pass --format csv");
        assertThat(file.getParent()).doesNotExist();
    }

    /**
     * The accuracy the forecast job stored over 06-10's, 06-29's, 06-30's and 07-01's nights (June and Q2 measured on
     * 07-01; 06-30's forecasts of them from that day's snapshot, by construction): every stored row in the extract with
     * its stored values, and the summary's MAPE the average of the stored errors not by construction.
     */
    @Test
    void theRowsTheForecastJobScoredAreExtractedAsStored() throws Exception {
        ForecastFixture fixture = new ForecastFixture(jdbc);
        fixture.load();
        fixture.juneWin();
        fixture.copySnapshot(ForecastFixture.JUNE_29, JUNE_30);
        fixture.copySnapshot(JUNE_30, LocalDate.of(2026, 7, 1));
        for (LocalDate night : List.of(JUNE_10, ForecastFixture.JUNE_29, JUNE_30, LocalDate.of(2026, 7, 1))) {
            assertThat(job.run(night, false, work.resolve("out")).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT a.*, f.p10, f.p90, f.entity_name FROM forecast_accuracy a"
                + " JOIN forecast f ON f.run_id = a.run_id AND f.horizon = a.horizon AND f.entity_type = a.entity_type"
                + " AND f.entity_id = a.entity_id AND f.method = a.method");
        assertThat(stored).isNotEmpty().anyMatch(r -> Boolean.TRUE.equals(r.get("actual_by_construction")))
                .anyMatch(r -> Boolean.FALSE.equals(r.get("actual_by_construction")));

        Path file = work.resolve("accuracy.csv");
        Ran ran = extract("--accuracy", "--out", file.toString());
        assertThat(ran.exit()).as(ran.err()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<String> lines = lines(file);
        assertThat(lines.get(0)).isEqualTo(String.join(",", AccuracyExtract.HEADER));
        assertThat(lines).hasSize(stored.size() + 1);
        assertThat(String.join("\n", lines)).contains(",REP,R1,王小明,T1,EAST,").contains(",TEAM,T1,上海办事处,,EAST,")
                .contains(",REGION,EAST,华东区,,,").contains(",REP,R3,'=吴昊+1,T2,EAST,");
        Map<String, String[]> byKey = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            // run, horizon, entity, method
            assertThat(byKey.put(f[22] + " " + f[10] + " " + f[4] + " " + f[5] + " " + f[9], f)).isNull();
        }
        for (Map<String, Object> row : stored) {
            String[] f = byKey.get(row.get("run_id") + " " + row.get("horizon") + " " + row.get("entity_type") + " "
                    + row.get("entity_id") + " " + row.get("method"));
            assertThat(f).as(row.toString()).isNotNull();
            assertThat(f[1]).isEqualTo(row.get("period_type"));
            assertThat(f[2]).isEqualTo(row.get("period_start").toString());
            assertThat(f[11]).isEqualTo(row.get("as_of_date").toString());
            assertThat(f[12]).isEqualTo(plain(row.get("p10")));
            assertThat(f[13]).isEqualTo(plain(row.get("forecast_p50")));
            assertThat(f[14]).isEqualTo(plain(row.get("p90")));
            assertThat(f[15]).isEqualTo(plain(row.get("actual")));
            assertThat(f[16]).isEqualTo(plain(row.get("abs_pct_error")));
            assertThat(f[17]).isEqualTo(plain(row.get("bias")));
            assertThat(f[18]).isEqualTo(row.get("within_p10_p90") == null ? "" : row.get("within_p10_p90").toString());
            assertThat(f[19]).isEqualTo(String.valueOf(row.get("actual_by_construction")));
            assertThat(f[20]).isEqualTo(row.get("actual_snapshot_date").toString());
            assertThat(f[21]).isEqualTo(((Timestamp) row.get("computed_at")).toLocalDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            String name = (String) row.get("entity_name");
            assertThat(f[6]).isEqualTo(name.startsWith("=") ? "'" + name : name);
        }
        // the summary: per method, the stored errors of the rows not by construction, averaged; those by construction counted
        for (Method m : Method.values()) {
            List<Map<String, Object>> rows = stored.stream().filter(r -> m.name().equals(r.get("method"))).toList();
            List<BigDecimal> errors = rows.stream().filter(r -> Boolean.FALSE.equals(r.get("actual_by_construction")))
                    .map(r -> (BigDecimal) r.get("abs_pct_error")).filter(java.util.Objects::nonNull).toList();
            long byConstruction = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("actual_by_construction"))).count();
            assertThat(byConstruction).as(m.name()).isPositive();
            BigDecimal mape = errors.stream().reduce(BigDecimal.ZERO, BigDecimal::add).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(errors.size()), 2, RoundingMode.HALF_UP);
            assertThat(ran.out()).containsPattern("(?m)^  " + m.name() + " +" + mape.toPlainString().replace(".", "\\.")
                    + " % over " + errors.size() + " row\\(s\\); left out: " + byConstruction + " actual_by_construction");
        }
    }

    private static String plain(Object decimal) {
        return decimal == null ? "" : ((BigDecimal) decimal).toPlainString();
    }

    /** The CSV's lines after the BOM. */
    private static List<String> lines(Path csv) throws Exception {
        String text = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return text.substring(1).lines().toList();
    }

    record Ran(int exit, String out, String err) {
    }

    /** {@code kam extract ...} as the command line runs it. */
    Ran extract(String... args) {
        CommandLine cli = KamCommandLine.create(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "extract";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = cli.execute(all);
        return new Ran(exit, out.toString(), err.toString());
    }

    record Period(String horizon, String type, LocalDate start, LocalDate end) {
    }

    static Period month(LocalDate start) {
        return new Period("CURRENT_MONTH", "MONTH", start, start.plusMonths(1).minusDays(1));
    }

    /** A finished run, as the forecast job or the backtest leaves it. */
    long run(String kind, LocalDate asOf, LocalDate snapshot) {
        jdbc.update("INSERT INTO forecast_run (as_of_date, snapshot_date, run_kind, config_sha256, generated_at, status)"
                + " VALUES (?, ?, ?, ?, ?, 'DONE')", Date.valueOf(asOf), Date.valueOf(snapshot), kind, "0".repeat(64),
                Timestamp.valueOf(asOf.plusDays(1).atTime(2, 0)));
        return jdbc.queryForObject("SELECT MAX(run_id) FROM forecast_run", Long.class);
    }

    /** A stored forecast and its accuracy row. */
    void scored(long run, Period period, String type, String id, String name, String method, String p10, String p50,
                String p90, String actual, String error, String bias, boolean within, boolean byConstruction) {
        LocalDate asOf = jdbc.queryForObject("SELECT as_of_date FROM forecast_run WHERE run_id = ?", LocalDate.class, run);
        jdbc.update("INSERT INTO forecast (run_id, horizon, period_type, period_start, period_end, entity_type, entity_id,"
                + " entity_name, method, closed_won, p10, p50, p90, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL)",
                run, period.horizon(), period.type(), Date.valueOf(period.start()), Date.valueOf(period.end()), type, id, name,
                method, new BigDecimal(p10), new BigDecimal(p50), new BigDecimal(p90));
        jdbc.update("INSERT INTO forecast_accuracy (run_id, horizon, entity_type, entity_id, method, as_of_date, period_type,"
                + " period_start, forecast_p50, actual, abs_pct_error, bias, within_p10_p90, actual_snapshot_date, computed_at,"
                + " actual_by_construction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run, period.horizon(),
                type, id, method, Date.valueOf(asOf), period.type(), Date.valueOf(period.start()), new BigDecimal(p50),
                new BigDecimal(actual), error == null ? null : new BigDecimal(error), bias == null ? null : new BigDecimal(bias),
                within, Date.valueOf(LocalDate.of(2026, 7, 1)), Timestamp.valueOf(COMPUTED), byConstruction);
    }
}
