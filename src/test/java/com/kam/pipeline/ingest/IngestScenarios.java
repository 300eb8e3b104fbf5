package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kam.pipeline.support.SmallCompany;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.support.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a sales-ops user checks after an ingest; run on H2 and on MariaDB by the subclasses. */
@ExtendWith(OutputCaptureExtension.class)
abstract class IngestScenarios extends IngestTestBase {

    /** The stage changes stored from the log, as "opportunity date stage", by date and opportunity. */
    private static final String LOGGED_CHANGES = "SELECT CONCAT(opportunity_id, ' ', changed_on, ' ', to_stage)"
            + " FROM opportunity_stage_change WHERE origin = 'LOG' ORDER BY changed_on, opportunity_id";

    @Test
    void everyBadRowIsRejectedWithItsLineFieldAndReasonAndTheRestLoads() throws Exception {
        SmallCompany.writeInbox(inbox);

        IngestService.Result result = ingest(MAY_11);

        assertThat(result.succeeded()).isTrue();
        Map<String, String> reports = rejects("daily-reports");
        assertThat(reports).containsOnlyKeys("6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16");
        assertThat(reports.get("6")).isEqualTo("rep_id+report_date+customer_id+visit_time+purpose: duplicate visit: same"
                + " rep_id, report_date, customer_id, visit_time, purpose as line 5");
        assertThat(reports.get("7")).isEqualTo("rep_id: missing required field rep_id");
        assertThat(reports.get("8")).isEqualTo("rep_id: unknown rep R999");
        assertThat(reports.get("9")).isEqualTo("customer_id: unknown customer C999");
        assertThat(reports.get("10")).isEqualTo("report_date: unparseable date '2026-13-45' in report_date (no such date, or not"
                + " in a format listed under date-formats in daily-reports.yml)");
        assertThat(reports.get("11")).isEqualTo("order_amount: unparseable number '12,3a4' in order_amount");
        assertThat(reports.get("12")).isEqualTo("order_amount: negative amount -500 in order_amount");
        assertThat(reports.get("13")).isEqualTo("report_date: report dated 2026-05-20, after the business date 2026-05-11");
        assertThat(reports.get("14")).startsWith("purpose: unmapped purpose '喝茶'");
        assertThat(reports.get("15")).isEqualTo("null: malformed CSV line: 3 fields where the header has 18");
        assertThat(reports.get("16")).isEqualTo("rep_id: rep R003 is not in the organisation on 2026-05-11");

        Map<String, String> opportunities = rejects("opportunities");
        assertThat(opportunities).containsOnlyKeys("5", "6");
        assertThat(opportunities.get("5")).startsWith("stage: unmapped stage '待定'");
        assertThat(opportunities.get("6")).isEqualTo("closed_date: closed_date is required when the stage is LOST");

        Map<String, String> targets = rejects("targets");
        assertThat(targets).hasSize(2);
        assertThat(targets.get("4")).isEqualTo("rep_id: rep R003 is not in the organisation in 2026-05");
        assertThat(targets.get("1")).isEqualTo("null: wrong sheet: no sheet named '月度目标'; the workbook has [Sheet1]");

        // the good rows are in, exactly
        assertThat(count("SELECT COUNT(*) FROM report_line")).isEqualTo(3);
        Map<String, Object> first = rows("SELECT * FROM report_line WHERE line_no = 2").get(0);
        assertThat(first.get("order_amount").toString()).isEqualTo("12500.00");
        assertThat(first.get("expense").toString()).isEqualTo("150.50");
        assertThat(first.get("purpose")).isEqualTo("ORDER");
        assertThat(first.get("attendance")).isEqualTo("PRESENT");
        assertThat(text(first.get("notes"))).isEqualTo("多行\n备注");
        assertThat(text(first.get("customer_feedback"))).isEqualTo("客户说:\"服务不错\"");
        Map<String, Object> day = rows("SELECT * FROM report_day WHERE rep_id = 'R001'").get(0);
        assertThat(((Number) day.get("visits")).intValue()).isEqualTo(2);
        assertThat(text(day.get("competitor_info"))).isEqualTo("华为在推新方案, 报价低10%");
        assertThat(count("SELECT COUNT(*) FROM opportunity_snapshot WHERE snapshot_date = '2026-05-11'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM sales_target WHERE month_start = '2026-05-01'")).isEqualTo(2);
        assertThat(rows("SELECT sales_target FROM sales_target WHERE rep_id = 'R002'").get(0).get("sales_target").toString())
                .isEqualTo("0.00");

        // every source balances: read = loaded + rejected
        assertThat(result.summary().sources()).allSatisfy(line -> assertThat(line.balanced()).isTrue());
        IngestSummary.SourceLine reportLine = line(result, "daily-reports");
        assertThat(reportLine.read()).isEqualTo(14);
        assertThat(reportLine.loaded()).isEqualTo(3);
        assertThat(reportLine.rejected()).isEqualTo(11);

        // the rejects CSV is beside the run's outputs, with a BOM so Excel shows the Chinese
        Path csv = out.resolve("2026-05-11/rejects/daily-reports.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("unmapped purpose '喝茶'").contains("daily_reports_2026-05-11.csv");
        assertThat(text.lines().count()).isGreaterThanOrEqualTo(12);

        // processed files left the inbox for the archive, but the workbook no sheet of which could be
        // read is refused: it stays, to be fixed
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly("targets_adjustment.xlsx");
        }
        assertThat(result.summary().refusedFiles()).containsExactly(
                "targets_adjustment.xlsx (targets): wrong sheet: no sheet named '月度目标'; the workbook has [Sheet1]");
        assertThat(inbox.resolve("archive/2026-05-11/daily_reports_2026-05-11.csv")).exists();
    }

    @Test
    void valuesAsExcelAndCrmExportsWriteThemLoadOrAreRejectedOnTheirRowAlone() throws Exception {
        Files.createDirectories(inbox);
        SmallCompany.write(inbox.resolve("org.csv"), SmallCompany.ORG, StandardCharsets.UTF_8, false);
        // a share of 1: one percent, or all of it?
        SmallCompany.write(inbox.resolve("customers.csv"), SmallCompany.CUSTOMERS + "C005,江苏电信,大型企业,EAST,900000,1,R001\n",
                StandardCharsets.UTF_8, false);
        String header = "rep_id,report_date,customer_id,visit_time,purpose,order_amount,payment_collected,submitted_at\n";
        SmallCompany.write(inbox.resolve("daily_reports_2026-05-11.csv"), header
                + "R001,2026-05-11,C001,09:30,收款,,\"15,000.00\",2026-05-11 19:30:00\n"
                + "R001,2026-05-11,C001,09:30,收款,,\"18,000.00\",2026-05-11 19:30:00\n"
                + "R001,2026-05-11,C003,14:00,订货,12345678901234567890,,2026-05-11 19:30:00\n"
                + "R001,2026-05-11,C003,15:00,订货,\"12,50\",,2026-05-11 19:30:00\n"
                + "R001,2026-05-11,C003,16:00,订货,1.23457E+11,,2026-05-11 19:30:00\n"
                // a CRM's midnight date-time, a one-digit hour, a no-break space after the rep's id
                + "R002\u00A0,2026-05-11 00:00:00,C002,10:00,订货,\"1,234.50\",,2026/5/11 9:05:33\n",
                StandardCharsets.UTF_8, false);
        Path workbook = inbox.resolve("targets_2026.xlsx");
        SmallCompany.writeTargetSheet(workbook, "月度目标", new Object[][] {
                {"R001", "2026-05", 300000, 60000, 250000, 2, 60},
                {"R002", "2026-05", 200000, 40000, 150000, 1, 50},
        });
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(workbook))) {
            var sheet = book.getSheetAt(0);
            sheet.getRow(1).getCell(2).setCellFormula("1234567*1.1");   // cached 1358023.7000000002
            sheet.getRow(2).getCell(3).setCellFormula("NA()");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (var out = Files.newOutputStream(inbox.resolve("targets_2026_v2.xlsx"))) {
                book.write(out);
            }
        }
        Files.delete(workbook);

        IngestService.Result result = ingest(MAY_11);

        assertThat(result.succeeded()).isTrue();
        assertThat(rejects("customers")).containsExactly(Map.entry("6",
                "share_of_wallet: ambiguous percentage 1 in share_of_wallet: write 1% or 100%"));
        Map<String, String> reports = rejects("daily-reports");
        assertThat(reports).containsOnlyKeys("3", "4", "5", "6");
        assertThat(reports.get("3")).isEqualTo("rep_id+report_date+customer_id+visit_time+purpose: duplicate visit: same"
                + " rep_id, report_date, customer_id, visit_time, purpose as line 2 and different payment_collected"
                + " (15000.00 there, 18000.00 here): correct one of them");
        assertThat(reports.get("4")).isEqualTo("order_amount: amount 12345678901234567890 in order_amount exceeds the largest"
                + " amount that can be stored (9,999,999,999,999,999.99)");
        assertThat(reports.get("5")).startsWith("order_amount: misplaced thousands separator in '12,50' in order_amount");
        assertThat(reports.get("6")).startsWith("order_amount: number '1.23457E+11' in order_amount is in exponent notation");
        assertThat(rows("SELECT rep_id, order_amount, payment_collected, submitted_at FROM report_line ORDER BY line_no"))
                .extracting(r -> r.get("rep_id") + " " + r.get("order_amount") + " " + r.get("payment_collected") + " "
                        + (r.get("submitted_at") instanceof java.sql.Timestamp t ? t.toLocalDateTime() : r.get("submitted_at")))
                .containsExactly("R001 null 15000.00 2026-05-11T19:30", "R002 1234.50 null 2026-05-11T09:05:33");
        assertThat(rejects("targets")).containsExactly(Map.entry("3", "margin_target: error value #N/A in margin_target: the"
                + " cell's formula has no result; correct it in the source"));
        assertThat(rows("SELECT rep_id, sales_target FROM sales_target")).singleElement()
                .satisfies(t -> assertThat(t.get("sales_target").toString()).isEqualTo("1358023.70"));
    }

    @Test
    void aFileWhoseReadingBreaksOffIsRefusedWholeAndTheDayItWouldReplaceIsKept(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        String held = "SELECT CONCAT(rep_id, ' ', COALESCE(customer_id, '-'), ' ', COALESCE(order_amount, 0)) FROM report_line"
                + " WHERE report_date = '2026-05-11' ORDER BY line_no";
        List<String> before = jdbc.queryForList(held, String.class);
        assertThat(before).hasSize(3);
        // a corrected export of the 11th whose third line opens a quote it never closes
        String header = "rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance\n";
        String first = "R001,2026-05-11,C001,09:30,订货,签了订单,是,20000,2026-05-11 19:30:00,出勤\n";
        String last = "R002,2026-05-11,,,,,,,2026-05-11 18:00:00,请假\n";
        Path corrected = inbox.resolve("daily_reports_2026-05-11_corrected.csv");
        Files.writeString(corrected, header + first + "R002,2026-05-11,C002,10:00,服务,\"谈了价格,是,,2026-05-11 18:00:00,出勤\n"
                + last);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        // nothing of it replaced the day: the rows held are those of the first file, and no recompute is asked for
        assertThat(jdbc.queryForList(held, String.class)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM recompute_request r JOIN ingest_load l ON l.id = r.load_id"
                + " WHERE l.file_name = 'daily_reports_2026-05-11_corrected.csv'")).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_load WHERE file_name = 'daily_reports_2026-05-11_corrected.csv'",
                String.class)).isEqualTo("REFUSED");
        assertThat(result.summary().refusedFiles()).singleElement().asString()
                .startsWith("daily_reports_2026-05-11_corrected.csv (daily-reports): malformed CSV from line 3 (")
                .endsWith("the rest of the file could not be read, so none of it is loaded");
        assertThat(line(result, "daily-reports").loaded()).isZero();
        // read up to the break: the row before it and the broken one, both rejected with the file
        assertThat(rows("SELECT rows_read, rows_loaded, rows_rejected FROM ingest_load WHERE file_name ="
                + " 'daily_reports_2026-05-11_corrected.csv'")).singleElement().satisfies(l -> {
                    assertThat(((Number) l.get("rows_read")).intValue()).isEqualTo(2);
                    assertThat(((Number) l.get("rows_loaded")).intValue()).isZero();
                    assertThat(((Number) l.get("rows_rejected")).intValue()).isEqualTo(2);
                });
        assertThat(output).contains("daily_reports_2026-05-11_corrected.csv: REFUSED, nothing of it is loaded; the rows held for"
                + " its dates are kept");
        assertThat(corrected).exists();
        // and so does the operator's listing of the runs
        java.io.StringWriter runs = new java.io.StringWriter();
        picocli.CommandLine cli = com.kam.pipeline.system.KamCommandLine.create(context);
        cli.setOut(new java.io.PrintWriter(runs, true));
        assertThat(cli.execute("runs", "--last", "3")).isZero();
        assertThat(runs.toString()).containsPattern("(?m)^run [0-9]+ refused daily_reports_2026-05-11_corrected.csv: malformed CSV"
                + " from line 3 \\(.*none of it is loaded$");

        // fixed in the inbox, it loads on the next run
        Files.writeString(corrected, header + first + last);
        ingest(MAY_11.plusDays(2));
        assertThat(jdbc.queryForList(held, String.class)).hasSize(2).first().isEqualTo("R001 C001 20000.00");
        assertThat(corrected).doesNotExist();
    }

    @Test
    void aHeaderColumnThatLooksLikeAFieldItLacksIsNamedLoudly(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        Files.writeString(inbox.resolve("daily_reports_2026-05-12.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effectve,order_amount,submitted_at,attendance
                R001,2026-05-12,C001,09:30,订货,签了订单,是,20000,2026-05-12 19:30:00,出勤
                """);

        ingest(MAY_11.plusDays(1));

        // an export may carry columns of its own: the file loads, but the one that looks like a missing field is named
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-12' AND effective IS NULL"
                + " AND order_amount = 20000")).isEqualTo(1);
        assertThat(output).contains("WARN", "daily-reports daily_reports_2026-05-12.csv: the header has a column 'effectve'"
                + " that is no field, and no column 'effective': is it misspelled? Its rows load without effective;"
                + " if so, rename the column or map it in ");
    }

    @Test
    void moneyColumnsUnderOtherNamesRefuseTheFileAndColumnsOfTheExportsOwnAreNamedButLoad(CapturedOutput output)
            throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        // a CRM export whose amounts and purpose have Chinese headers the mapping does not know
        Files.writeString(inbox.resolve("daily_reports_2026-05-12.csv"), """
                rep_id,report_date,customer_id,visit_time,拜访目的,订单金额,回款金额,submitted_at,attendance
                R001,2026-05-12,C001,09:30,订货,20000,5000,2026-05-12 19:30:00,出勤
                R002,2026-05-12,C002,10:30,收款,,30000,2026-05-12 19:30:00,出勤
                """);
        // another with columns of its own beside the fields: 毛利率 is a rate, not the margin
        Files.writeString(inbox.resolve("daily_reports_2026-05-13.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,order_amount,毛利率,manager
                R001,2026-05-13,C001,09:30,订货,20000,15%,M001
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(2));

        // no day of orders with every amount gone: the file waits in the inbox for its mapping
        assertThat(result.summary().refusedFiles()).containsExactly("daily_reports_2026-05-12.csv (daily-reports): the header"
                + " has columns that name no field but look like money fields it has no column for: '订单金额' (order_amount),"
                + " '回款金额' (payment_collected); loaded, every row would have no amount there, so the file is not loaded:"
                + " map them under columns in " + Path.of("jobs/sources/daily-reports.yml") + " (order_amount: 订单金额), or"
                + " list them under ignore-columns there if the source does not need them");
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_load WHERE file_name = 'daily_reports_2026-05-12.csv'",
                String.class)).isEqualTo("REFUSED");
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-12'")).isZero();
        assertThat(inbox.resolve("daily_reports_2026-05-12.csv")).exists();
        // the extras load, and what has no column is named with them
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-13' AND order_amount = 20000"))
                .isEqualTo(1);
        assertThat(output).contains("WARN", "daily-reports daily_reports_2026-05-13.csv: the header has columns that name no"
                + " field: 毛利率, manager; and no column for outcome, effective, gross_margin, payment_collected, expense,"
                + " submitted_at, attendance, complaints_received, complaints_resolved, competitor_info, customer_feedback,"
                + " notes (money: gross_margin, payment_collected, expense): those fields load empty. If a column holds one of"
                + " them, map it under columns in ");
    }

    @Test
    void aUtf8FileWithAGbkCellIsRefusedNamingTheLineAndStaysInTheInbox() throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        java.io.ByteArrayOutputStream mixed = new java.io.ByteArrayOutputStream();
        mixed.write("""
                rep_id,report_date,customer_id,visit_time,purpose,outcome,order_amount
                R001,2026-05-12,C001,09:30,订货,签了订单,20000
                R001,2026-05-12,C002,11:30,服务,客户满意,
                """.getBytes(StandardCharsets.UTF_8));
        mixed.write("R002,2026-05-12,C003,10:30,市场调研,了解预算,\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        Path file = inbox.resolve("daily_reports_2026-05-12.csv");
        Files.write(file, mixed.toByteArray());

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        assertThat(result.summary().refusedFiles()).containsExactly("daily_reports_2026-05-12.csv (daily-reports): mixed"
                + " encoding: line 4 is not UTF-8 (GBK?), the rest is UTF-8: save the file in one encoding (UTF-8) and drop it"
                + " again");
        assertThat(rows("SELECT line_no, status FROM ingest_reject j JOIN ingest_load l ON l.id = j.load_id"
                + " WHERE l.file_name = 'daily_reports_2026-05-12.csv'")).singleElement().satisfies(r -> {
                    assertThat(((Number) r.get("line_no")).intValue()).isEqualTo(4);
                    assertThat(r.get("status")).isEqualTo("REFUSED");
                });
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-12'")).isZero();
        assertThat(file).exists();
    }

    @Test
    void aHeaderWithoutARequiredColumnRefusesTheFileWithOneRejectNotOnePerRow() throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        Files.writeString(inbox.resolve("daily_reports_2026-05-12.csv"), """
                report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                2026-05-12,C001,09:30,订货,签了订单,是,20000,2026-05-12 19:30:00,出勤
                2026-05-12,C002,10:30,订货,签了订单,是,30000,2026-05-12 19:30:00,出勤
                2026-05-12,C003,11:30,订货,签了订单,是,40000,2026-05-12 19:30:00,出勤
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        assertThat(result.summary().refusedFiles()).containsExactly("daily_reports_2026-05-12.csv (daily-reports): missing"
                + " column in the header: rep_id");
        assertThat(count("SELECT COUNT(*) FROM ingest_reject WHERE file_name = 'daily_reports_2026-05-12.csv'")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT rows_rejected FROM ingest_load WHERE file_name = 'daily_reports_2026-05-12.csv'",
                Integer.class)).isEqualTo(1);
        assertThat(inbox.resolve("daily_reports_2026-05-12.csv")).exists();
    }

    @Test
    void chineseNamesRoundTripFromGb18030AndUtf8BomFiles() throws Exception {
        SmallCompany.writeInbox(inbox);

        ingest(MAY_11);

        assertThat(jdbc.queryForObject("SELECT name FROM customer WHERE customer_id = 'C002'", String.class))
                .isEqualTo("杭州市第一人民医院");
        assertThat(jdbc.queryForObject("SELECT segment FROM customer WHERE customer_id = 'C003'", String.class))
                .isEqualTo("金融");
        assertThat(jdbc.queryForObject("SELECT name FROM org_assignment WHERE employee_id = 'R001'", String.class))
                .isEqualTo("王小明");
        assertThat(jdbc.queryForObject("SELECT role FROM org_assignment WHERE employee_id = 'M001'", String.class))
                .isEqualTo("REGION_MANAGER");
        assertThat(jdbc.queryForObject("SELECT team_name FROM org_assignment WHERE employee_id = 'R002'"
                + " AND valid_from = '2026-05-11'", String.class)).isEqualTo("杭州办事处");
        // the first header of a BOM file is matched without its BOM: every org row loaded
        assertThat(count("SELECT COUNT(*) FROM org_assignment")).isEqualTo(8);
        // seed 001's classes, including the boundaries (30% share, 500,000 potential)
        assertThat(jdbc.queryForList("SELECT CONCAT(customer_class, '/', abc_class) FROM customer ORDER BY customer_id",
                String.class)).containsExactly("R1/A", "D2/B", "A3/C", "R2/B");
    }

    @Test
    void rerunAndRedroppedFilesNeverDuplicateAnything() throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        List<String> afterFirstRun = Tables.dump(jdbc);

        // the same date again: refused without --force, and forced it finds nothing new
        assertThatThrownBy(() -> ingest(MAY_11)).isInstanceOf(JobRunner.AlreadyCompleteException.class)
                .hasMessageContaining("use --force");
        IngestService.Result forced = ingestForced(MAY_11);
        assertThat(forced.succeeded()).isTrue();
        // the same files dropped again the next night are recognised and only archived
        try (Stream<Path> archived = Files.list(inbox.resolve("archive/2026-05-11"))) {
            for (Path file : archived.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
            }
        }
        IngestService.Result redrop = ingest(MAY_11.plusDays(1));
        assertThat(redrop.summary().sources()).allSatisfy(line -> {
            assertThat(line.files()).isZero();
            assertThat(line.duplicates()).isPositive();
        });

        assertThat(withoutLoadRows(Tables.dump(jdbc))).isEqualTo(withoutLoadRows(afterFirstRun));
        // (the refused workbook was taken out of the inbox, so it is not among them)
        assertThat(count("SELECT COUNT(*) FROM ingest_load WHERE status = 'DUPLICATE'")).isEqualTo(5);
        assertThat(inbox.resolve("archive/2026-05-12/org.csv")).exists();
    }

    @Test
    void aFileNamedForALaterDayWaitsInTheInboxForItsNight() throws Exception {
        SmallCompany.writeInbox(inbox);
        // tomorrow's reports are already there, as when several days' drops wait for a catch-up run
        Path tomorrow = inbox.resolve("daily_reports_2026-05-12.csv");
        Files.writeString(tomorrow, """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,2026-05-12,C001,09:30,订货,签了订单,是,8000,2026-05-12 19:30:00,出勤
                """);

        // plans may be filed ahead (plan-days-ahead: 14), so a plan file named for next week is read now
        Files.writeString(inbox.resolve("visit_plans_2026-05-18.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-05-18,C001,订货,10:00,上海
                """);

        ingest(MAY_11);
        assertThat(count("SELECT COUNT(*) FROM visit_plan WHERE plan_date = '2026-05-18'")).isEqualTo(1);
        assertThat(tomorrow).exists();
        assertThat(count("SELECT COUNT(*) FROM ingest_load WHERE file_name = 'daily_reports_2026-05-12.csv'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-12'")).isZero();

        IngestService.Result next = ingest(MAY_11.plusDays(1));
        assertThat(line(next, "daily-reports").loaded()).isEqualTo(1);
        assertThat(tomorrow).doesNotExist();
        assertThat(inbox.resolve("archive/2026-05-12/daily_reports_2026-05-12.csv")).exists();
    }

    @Test
    void aMonthsLogReadEarlyLoadsItsLaterRowsOnTheirNights() throws Exception {
        SmallCompany.writeInbox(inbox);
        // the CRM's stage-change log for May holds changes up to the 13th when a catch-up run reads it for the 11th
        Path may = inbox.resolve("stage_changes_2026-05.csv");
        Files.writeString(may, """
                opportunity_id,changed_on,from_stage,to_stage
                O001,2026-05-06,IDENTIFIED,DEVELOPED
                O002,2026-05-12,DEVELOPED,COMMITTED
                O001,2026-05-13,DEVELOPED,COMMITTED
                O001,2026-06-02,COMMITTED,WON
                """);
        // June's log is not read in May at all
        Path june = inbox.resolve("stage_changes_2026-06.csv");
        Files.writeString(june, """
                opportunity_id,changed_on,from_stage,to_stage
                O002,2026-06-01,COMMITTED,WON
                """);

        IngestService.Result first = ingest(MAY_11);
        IngestSummary.SourceLine log = line(first, "stage-changes");
        assertThat(List.of(log.read(), log.loaded(), log.rejected(), log.waiting())).containsExactly(4L, 1L, 1L, 2L);
        assertThat(first.summary().format()).contains("stays in the inbox");
        assertThat(jdbc.queryForList("SELECT reason FROM ingest_waiting ORDER BY line_no", String.class)).containsExactly(
                "dated 2026-05-12, later than the night of 2026-05-11 may load; loads on a later night",
                "dated 2026-05-13, later than the night of 2026-05-11 may load; loads on a later night");
        assertThat(jdbc.queryForList("SELECT raw_row FROM ingest_waiting ORDER BY line_no", String.class))
                .containsExactly("O002,2026-05-12,DEVELOPED,COMMITTED", "O001,2026-05-13,DEVELOPED,COMMITTED");
        assertThat(jdbc.queryForList(LOGGED_CHANGES, String.class)).containsExactly("O001 2026-05-06 DEVELOPED");
        // a row dated outside the file's month is wrong, not early
        assertThat(rejects("stage-changes")).containsExactly(Map.entry("5",
                "changed_on: stage change dated 2026-06-02, after the business date 2026-05-11"));
        assertThat(may).exists();
        assertThat(june).exists();
        assertThat(count("SELECT COUNT(*) FROM ingest_load WHERE file_name = 'stage_changes_2026-06.csv'")).isZero();

        // the same file the next night: read again (not a duplicate), the 12th's change loads, the 13th's still waits
        IngestService.Result second = ingest(MAY_11.plusDays(1));
        assertThat(line(second, "stage-changes").waiting()).isEqualTo(1);
        // its bad row is rejected again, marked as known since the first night
        List<org.apache.commons.csv.CSVRecord> rejected = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(Files.newBufferedReader(out.resolve("2026-05-12/rejects/stage-changes.csv"),
                        StandardCharsets.UTF_8)).getRecords();
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.get("line")).isEqualTo("5");
            assertThat(r.get("first_rejected_on")).isEqualTo("2026-05-11");
        });
        assertThat(Files.readString(out.resolve("2026-05-11/rejects/stage-changes.csv"))).endsWith(",\r\n");
        assertThat(jdbc.queryForList(LOGGED_CHANGES, String.class)).containsExactly("O001 2026-05-06 DEVELOPED",
                "O002 2026-05-12 COMMITTED");
        assertThat(may).exists();

        ingest(MAY_11.plusDays(2));
        assertThat(jdbc.queryForList(LOGGED_CHANGES, String.class)).containsExactly("O001 2026-05-06 DEVELOPED",
                "O002 2026-05-12 COMMITTED", "O001 2026-05-13 COMMITTED");
        assertThat(may).doesNotExist();
        assertThat(inbox.resolve("archive/2026-05-13/stage_changes_2026-05.csv")).exists();
        assertThat(june).exists();
        // dropped again after its last row loaded, it is a duplicate
        Files.copy(inbox.resolve("archive/2026-05-13/stage_changes_2026-05.csv"), may);
        assertThat(line(ingest(MAY_11.plusDays(3)), "stage-changes").duplicates()).isEqualTo(1);
    }

    @Test
    void aFileWithNoRowsIsNamedInTheSummary() throws Exception {
        SmallCompany.writeInbox(inbox);
        // an export that failed: nothing at all, and a header with no rows
        Files.writeString(inbox.resolve("daily_reports_2026-05-08.csv"), "");
        Files.writeString(inbox.resolve("visit_plans_2026-05-08.csv"), "rep_id,plan_date,customer_id,purpose,planned_time,area\n");

        IngestService.Result result = ingest(MAY_11);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.summary().emptyFiles()).containsExactly("daily_reports_2026-05-08.csv (daily-reports)",
                "visit_plans_2026-05-08.csv (visit-plans)");
        assertThat(result.summary().format()).contains("no rows in daily_reports_2026-05-08.csv (daily-reports),"
                + " visit_plans_2026-05-08.csv (visit-plans): check the export that wrote them");

        // the next night's export fails the same way: the same bytes, but named again, not taken for a duplicate
        Files.writeString(inbox.resolve("daily_reports_2026-05-12.csv"), "");
        IngestService.Result next = ingest(MAY_11.plusDays(1));
        assertThat(next.summary().emptyFiles()).containsExactly("daily_reports_2026-05-12.csv (daily-reports)");
        assertThat(line(next, "daily-reports").duplicates()).isZero();
    }

    @Test
    void aStageChangeOfADealNoSnapshotListsYetWaitsForOne() throws Exception {
        SmallCompany.writeInbox(inbox);
        // the stage log runs ahead of the snapshots: O006 was opened today and appears in tomorrow's snapshot
        Path log = inbox.resolve("stage_changes_2026-05-11.csv");
        Files.writeString(log, """
                opportunity_id,changed_on,from_stage,to_stage
                O001,2026-05-11,DEVELOPED,COMMITTED
                O006,2026-05-11,IDENTIFIED,CONTACTED
                O998,2026-05-05,IDENTIFIED,CONTACTED
                O999,2026-05-01,IDENTIFIED,CONTACTED
                """);

        IngestService.Result first = ingest(MAY_11);
        IngestSummary.SourceLine tonight = line(first, "stage-changes");
        assertThat(List.of(tonight.read(), tonight.loaded(), tonight.rejected(), tonight.waiting())).containsExactly(4L, 1L, 1L, 2L);
        assertThat(jdbc.queryForList(LOGGED_CHANGES, String.class)).containsExactly("O001 2026-05-11 COMMITTED");
        // O999's change is ten days old: a deal no snapshot has listed since is a mistake
        assertThat(rejects("stage-changes")).containsExactly(Map.entry("5", "opportunity_id: unknown opportunity O999"));
        assertThat(jdbc.queryForList("SELECT reason FROM ingest_waiting ORDER BY line_no", String.class)).containsExactly(
                "opportunity O006 is in no snapshot yet; waits for one up to the night of 2026-05-17, then is rejected as unknown",
                "opportunity O998 is in no snapshot yet; waits for one up to the night of 2026-05-11, then is rejected as unknown");
        assertThat(log).exists();

        Files.writeString(inbox.resolve("opportunities_2026-05-12.csv"), SmallCompany.OPPORTUNITIES
                + "O006,C002,R002,新建机房,数据中心,500000,需求明确,2026-08-31,2026-05-11,,,,PIPELINE\n");
        IngestService.Result second = ingest(MAY_11.plusDays(1));
        IngestSummary.SourceLine next = line(second, "stage-changes");
        assertThat(List.of(next.loaded(), next.rejected(), next.waiting())).containsExactly(2L, 2L, 0L);
        assertThat(jdbc.queryForList(LOGGED_CHANGES, String.class)).containsExactly("O001 2026-05-11 COMMITTED",
                "O006 2026-05-11 CONTACTED");
        assertThat(jdbc.queryForList("SELECT reason FROM ingest_reject r JOIN ingest_load l ON l.id = r.load_id"
                + " WHERE l.business_date = '2026-05-12' AND r.source_name = 'stage-changes' ORDER BY r.line_no", String.class))
                .containsExactly("unknown opportunity O998", "unknown opportunity O999");
        assertThat(log).doesNotExist();
        assertThat(inbox.resolve("archive/2026-05-12/stage_changes_2026-05-11.csv")).exists();
    }

    @Test
    void aCorrectedFileReplacesThatDayAndAsksForItsRecompute() throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        Files.writeString(inbox.resolve("daily_reports_2026-05-11_corrected.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,2026-05-11,C001,09:30,订货,签了订单,是,20000,2026-05-11 19:30:00,出勤
                R002,2026-05-11,,,,,,,2026-05-11 18:00:00,请假
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        assertThat(line(result, "daily-reports").loaded()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT order_amount FROM report_line WHERE report_date = '2026-05-11' AND order_amount IS NOT NULL",
                java.math.BigDecimal.class)).extracting(java.math.BigDecimal::toPlainString).containsExactly("20000.00");
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-11'")).isEqualTo(2);
        assertThat(rows("SELECT visits, attendance FROM report_day WHERE rep_id = 'R002' AND report_date = '2026-05-11'"))
                .singleElement().satisfies(d -> {
                    assertThat(((Number) d.get("visits")).intValue()).isZero();
                    assertThat(d.get("attendance")).isEqualTo("LEAVE");
                });
        assertThat(count("SELECT COUNT(*) FROM report_day WHERE report_date = '2026-05-11'")).isEqualTo(2);
        List<String> reasons = jdbc.queryForList("SELECT reason FROM recompute_request r JOIN ingest_load l ON l.id = r.load_id"
                + " WHERE r.kind = 'daily_report' AND r.data_date = '2026-05-11' AND l.business_date = '2026-05-12'", String.class);
        assertThat(reasons).containsExactly("replaced 3 rows of earlier loads");
    }

    @Test
    void aCorrectedFileReplacesTheRepsItHasRowsForAndKeepsTheOthersAndTheDaysFullFileDroppedAgainPutsItBack(CapturedOutput output)
            throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        assertThat(count("SELECT COUNT(*) FROM report_line WHERE report_date = '2026-05-11' AND rep_id = 'R002'")).isEqualTo(1);
        long first = jdbc.queryForObject("SELECT id FROM ingest_load WHERE file_name = 'daily_reports_2026-05-11.csv'", Long.class);
        // a corrected export of 王小明's report; 周晓燕's line in it names a customer that does not exist
        Files.writeString(inbox.resolve("daily_reports_2026-05-11_r001.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,2026-05-11,C001,09:30,订货,签了订单,是,20000,2026-05-11 19:30:00,出勤
                R002,2026-05-11,C999,10:00,服务,,否,,2026-05-11 20:10:00,出勤
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        // R001's two lines are replaced by the corrected one; R002's line, its only row in the file rejected, stays
        assertThat(dayHeld("2026-05-11")).containsExactly("R001 C001 20000.00",
                "R002 C002 -");
        assertThat(line(result, "daily-reports").loaded()).isEqualTo(1);
        assertThat(line(result, "daily-reports").rejected()).isEqualTo(1);
        assertThat(output).contains("daily_reports_2026-05-11_r001.csv: for 2026-05-11 it replaces the rows of 1 rep(s) that an"
                + " earlier load (#" + first + ") had: R001 (2 row(s), now 1); that load's rows of the 1 other rep(s) of that day"
                + " are kept: R002.");
        assertThat(rows("SELECT rows_loaded, rows_replaced FROM ingest_load WHERE id = ?", first)).singleElement()
                .satisfies(l -> assertThat(List.of(((Number) l.get("rows_loaded")).intValue(),
                        ((Number) l.get("rows_replaced")).intValue())).containsExactly(3, 2));
        assertThat(jdbc.queryForList("SELECT reason FROM recompute_request r JOIN ingest_load l ON l.id = r.load_id"
                + " WHERE l.business_date = '2026-05-12' AND r.kind = 'daily_report'", String.class))
                .containsExactly("replaced 2 rows of earlier loads");

        // the day's full file, dropped again, is not a duplicate of the first load (some of whose rows are gone)
        Files.copy(inbox.resolve("archive/2026-05-11/daily_reports_2026-05-11.csv"), inbox.resolve("daily_reports_2026-05-11.csv"));
        IngestService.Result again = ingest(MAY_11.plusDays(2));
        assertThat(line(again, "daily-reports").duplicates()).isZero();
        assertThat(dayHeld("2026-05-11")).containsExactly("R001 C001 12500.00",
                "R001 C003 0.00", "R002 C002 -");
        // and the load it put back is the one a further copy is a duplicate of
        Files.copy(inbox.resolve("archive/2026-05-13/daily_reports_2026-05-11.csv"), inbox.resolve("daily_reports_2026-05-11.csv"));
        assertThat(line(ingest(MAY_11.plusDays(3)), "daily-reports").duplicates()).isEqualTo(1);
    }

    @Test
    void aLateReportInTheNextDaysFileReplacesOnlyThatRepsEarlierDay(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        long first = jdbc.queryForObject("SELECT id FROM ingest_load WHERE file_name = 'daily_reports_2026-05-11.csv'", Long.class);
        // a CRM export by submission date: the 12th's reports and 周晓燕's report of the 11th, filed late with an order
        Files.writeString(inbox.resolve("daily_reports_2026-05-12.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,2026-05-12,C001,09:30,订货,签了订单,是,8000,2026-05-12 19:30:00,出勤
                R002,2026-05-12,C004,10:00,服务,,是,,2026-05-12 18:00:00,出勤
                R002,2026-05-11,C002,10:00,订货,签了订单,是,3000,2026-05-12 08:15:00,出勤
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        // the 11th keeps 王小明's two lines and has 周晓燕's late one in place of her earlier line
        assertThat(dayHeld("2026-05-11")).containsExactly("R001 C001 12500.00",
                "R001 C003 0.00", "R002 C002 3000.00");
        assertThat(jdbc.queryForObject("SELECT SUM(order_amount) FROM report_line WHERE report_date = '2026-05-11'",
                java.math.BigDecimal.class)).isEqualByComparingTo("15500");
        assertThat(dayHeld("2026-05-12")).containsExactly("R001 C001 8000.00", "R002 C004 -");
        IngestSummary.SourceLine reports = line(result, "daily-reports");
        assertThat(List.of(reports.read(), reports.loaded(), reports.rejected())).containsExactly(3L, 3L, 0L);
        assertThat(output).contains("daily_reports_2026-05-12.csv: for 2026-05-11 it replaces the rows of 1 rep(s) that an"
                + " earlier load (#" + first + ") had: R002 (1 row(s), now 1); that load's rows of the 1 other rep(s) of that day"
                + " are kept: R001.").doesNotContain("their rows of that day are gone");
        // the first load says what of it is still held
        assertThat(rows("SELECT status, rows_loaded, rows_replaced FROM ingest_load WHERE id = ?", first)).singleElement()
                .satisfies(l -> assertThat(List.of(l.get("status"), ((Number) l.get("rows_loaded")).intValue(),
                        ((Number) l.get("rows_replaced")).intValue())).containsExactly("LOADED", 3, 1));
        // both days are recomputed
        assertThat(jdbc.queryForList("SELECT CONCAT(r.data_date, ' ', r.reason) FROM recompute_request r JOIN ingest_load l"
                + " ON l.id = r.load_id WHERE l.business_date = '2026-05-12' AND r.kind = 'daily_report' ORDER BY r.data_date",
                String.class)).containsExactly("2026-05-11 replaced 1 rows of earlier loads", "2026-05-12 new rows");
    }

    @Test
    void twoFilesOfOneDayAreBothKept(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        // the 13th's plans are filed ahead
        Files.writeString(inbox.resolve("visit_plans_2026-05-13.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-05-13,C001,服务,09:00,上海
                R001,2026-05-13,C003,收款,14:00,上海
                """);
        ingest(MAY_11);
        // the 12th's reports come split per office, and one more planned visit for the 13th in a file of its own
        String header = "rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance\n";
        Files.writeString(inbox.resolve("daily_reports_2026-05-12_sh.csv"), header
                + "R001,2026-05-12,C001,09:30,订货,签了订单,是,8000,2026-05-12 19:30:00,出勤\n"
                + "R001,2026-05-12,C003,14:00,订货,签了订单,是,2000,2026-05-12 19:30:00,出勤\n");
        Files.writeString(inbox.resolve("daily_reports_2026-05-12_hz.csv"), header
                + "R002,2026-05-12,C002,10:00,订货,签了订单,是,5000,2026-05-12 18:00:00,出勤\n");
        Files.writeString(inbox.resolve("visit_plans_2026-05-13_added.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R002,2026-05-13,C004,服务,10:00,杭州
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        assertThat(line(result, "daily-reports").loaded()).isEqualTo(3);
        assertThat(dayHeld("2026-05-12")).containsExactly("R001 C001 8000.00",
                "R001 C003 2000.00", "R002 C002 5000.00");
        assertThat(jdbc.queryForObject("SELECT SUM(order_amount) FROM report_line WHERE report_date = '2026-05-12'",
                java.math.BigDecimal.class)).isEqualByComparingTo("15000");
        assertThat(jdbc.queryForList("SELECT CONCAT(rep_id, ' ', customer_id) FROM visit_plan WHERE plan_date = '2026-05-13'"
                + " ORDER BY rep_id, customer_id", String.class)).containsExactly("R001 C001", "R001 C003", "R002 C004");
        assertThat(output).doesNotContain("it replaces the rows of");

        // but a file of added plans for a rep who had some replaces that rep's day, as a corrected file would
        Files.writeString(inbox.resolve("visit_plans_2026-05-13_added_r001.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-05-13,C004,服务,16:00,上海
                """);
        ingest(MAY_11.plusDays(2));
        assertThat(jdbc.queryForList("SELECT CONCAT(rep_id, ' ', customer_id) FROM visit_plan WHERE plan_date = '2026-05-13'"
                + " ORDER BY rep_id, customer_id", String.class)).containsExactly("R001 C004", "R002 C004");
    }

    @Test
    void aFileWhoseEveryRowIsRejectedIsRefusedAndTheDayItWouldReplaceIsKept(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        List<String> before = dayHeld("2026-05-11");
        assertThat(before).hasSize(3);
        // a corrected export typed by hand: two dates and an amount written out in words
        Path corrected = inbox.resolve("daily_reports_2026-05-11_corrected.csv");
        Files.writeString(corrected, """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,5月11号,C001,09:30,订货,签了订单,是,20000,2026-05-11 19:30:00,出勤
                R002,5月11号,C002,10:00,服务,,否,,2026-05-11 20:10:00,出勤
                R002,2026-05-11,C002,11:00,服务,,否,两万,2026-05-11 20:10:00,出勤
                """);

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        assertThat(result.succeeded()).isTrue();
        assertThat(dayHeld("2026-05-11")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM recompute_request r JOIN ingest_load l ON l.id = r.load_id"
                + " WHERE l.file_name = 'daily_reports_2026-05-11_corrected.csv'")).isZero();
        assertThat(rows("SELECT status, rows_read, rows_loaded, rows_rejected FROM ingest_load WHERE file_name = ?",
                corrected.getFileName().toString())).singleElement().satisfies(l -> assertThat(List.of(l.get("status"),
                        ((Number) l.get("rows_read")).intValue(), ((Number) l.get("rows_loaded")).intValue(),
                        ((Number) l.get("rows_rejected")).intValue())).containsExactly("REFUSED", 3, 0, 3));
        // named under the summary with the commonest reason, logged as an ERROR, and left in the inbox
        String refusal = "daily_reports_2026-05-11_corrected.csv (daily-reports): every row rejected; 2 x ";
        assertThat(result.summary().refusedFiles()).singleElement().asString().startsWith(refusal)
                .contains("'5月11号'", "report_date").endsWith(" (and 1 for other reasons)");
        assertThat(result.summary().format()).contains("REFUSED (fix it; it is read again on the next run): " + refusal);
        assertThat(output).containsPattern("ERROR.*daily_reports_2026-05-11_corrected.csv: REFUSED, nothing of it is loaded;"
                + " the rows held for its dates are kept: every row rejected; 2 x ");
        assertThat(corrected).exists();
        // its rejects are listed as any others
        assertThat(out.resolve("2026-05-12/rejects/daily-reports.csv")).content(StandardCharsets.UTF_8).contains("'两万' in order_amount");

        // kam check names it too (from its formats: the row only the database rejects is not known there)
        assertThatThrownBy(() -> InboxCheck.describe(SourceCatalog.load(Path.of("jobs/sources"), Map.of()), inbox))
                .hasMessageStartingWith(corrected + ": every row rejected; 2 x ").hasMessageContaining("'5月11号'")
                .hasMessageContaining("(and 1 for other reasons) (the ingest would refuse it)");
    }

    @Test
    void anOrganisationFileThatNoLongerListsSomeoneNamesThemAndTheFullFileDroppedAgainPutsThemBack(CapturedOutput output)
            throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        // an export of 杭州 only
        Files.writeString(inbox.resolve("org_hz.csv"), SmallCompany.ORG.lines()
                .filter(line -> line.startsWith("employee_id") || line.contains(",HZ,"))
                .collect(Collectors.joining("\n", "", "\n")));

        ingest(MAY_11.plusDays(1));

        assertThat(output).contains("org_hz.csv: it no longer lists 4 people the earlier organisation file had:"
                + " D001, L001, M001, R001; their assignments are gone");
        assertThat(count("SELECT COUNT(DISTINCT employee_id) FROM org_assignment")).isEqualTo(3);

        // the full file, dropped again, is not a duplicate of the first load (whose rows are gone): everyone is back
        Files.copy(inbox.resolve("archive/2026-05-11/org.csv"), inbox.resolve("org.csv"));
        IngestService.Result again = ingest(MAY_11.plusDays(2));
        assertThat(line(again, "org").duplicates()).isZero();
        assertThat(count("SELECT COUNT(DISTINCT employee_id) FROM org_assignment")).isEqualTo(7);
    }

    @Test
    void aPersonWhoseRowIsRejectedKeepsTheEarlierAssignmentWhileTheRestOfTheFileReplacesTheOrganisation(CapturedOutput output)
            throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        // 李主管's email left blank in the next export, and 王小明 starting in 杭州 from 05-01 on
        Files.writeString(inbox.resolve("org_2026-05-12.csv"), SmallCompany.ORG
                .replace("li@example.com", "")
                .replace("R001,王小明,REP,wang@example.com,zh,L001,SH,上海办事处,EAST,华东区,2025-01-01,",
                        "R001,王小明,REP,wang@example.com,zh,L002,HZ,杭州办事处,EAST,华东区,2026-05-01,"));

        ingest(MAY_11.plusDays(1));

        assertThat(output).contains("org_2026-05-12.csv: 1 of its rows are rejected, so it is not taken as the full"
                + " organisation: the earlier assignments of the 1 people it does not list are kept: L002");
        assertThat(jdbc.queryForObject("SELECT email FROM org_assignment WHERE employee_id = 'L002'", String.class))
                .isEqualTo("li@example.com");
        // the people it lists are replaced as in a full extract: 王小明 has only his new assignment
        assertThat(rows("SELECT team_code, valid_from FROM org_assignment WHERE employee_id = 'R001'")).singleElement()
                .satisfies(r -> assertThat(r.get("team_code") + " " + r.get("valid_from")).isEqualTo("HZ 2026-05-01"));
        assertThat(count("SELECT COUNT(DISTINCT employee_id) FROM org_assignment")).isEqualTo(7);
    }

    @Test
    void anOrganisationFileWithNoRowsIsRefusedAndEveryAssignmentKept(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        takeOutTheRefusedWorkbook();
        // an export that stopped after its header
        Path empty = inbox.resolve("org_2026-05-12.csv");
        Files.writeString(empty, SmallCompany.ORG.lines().findFirst().orElseThrow() + "\n");

        IngestService.Result result = ingest(MAY_11.plusDays(1));

        assertThat(count("SELECT COUNT(DISTINCT employee_id) FROM org_assignment")).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT status FROM ingest_load WHERE file_name = 'org_2026-05-12.csv'", String.class))
                .isEqualTo("REFUSED");
        assertThat(result.summary().refusedFiles()).singleElement().asString()
                .isEqualTo("org_2026-05-12.csv (org): no rows: an organisation file is the full extract, and an empty one would"
                        + " remove everyone; check the export that wrote it");
        assertThat(output).containsPattern("ERROR.*org_2026-05-12.csv: REFUSED");
        assertThat(empty).exists();
    }

    @Test
    void aSnapshotThatNoLongerListsAnOpenDealNamesIt(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        // the next snapshot without O002 (open, 合作), and without O003 and O005 (won and lost: they may go)
        Files.writeString(inbox.resolve("opportunities_2026-05-12.csv"), SmallCompany.OPPORTUNITIES.lines()
                .filter(line -> !line.startsWith("O002") && !line.startsWith("O003") && !line.startsWith("O005"))
                .collect(Collectors.joining("\n", "", "\n")));

        ingest(MAY_11.plusDays(1));

        assertThat(output).contains("opportunities_2026-05-12.csv: the snapshot of 2026-05-12 no longer lists 1 open deal(s)"
                + " of the snapshot of 2026-05-11, neither won nor lost: O002; the forecasts as of 2026-05-12 leave them out");
    }

    @Test
    void aDealsVersionsAreTheSnapshotRowsInWhichItChangedWhateverOrderTheSnapshotsCameIn() throws Exception {
        SmallCompany.writeInbox(inbox);
        ingest(MAY_11);
        // 05-13's snapshot first: O001's close date pushed a month, O003 renamed 银行安全 vpn
        Files.writeString(inbox.resolve("opportunities_2026-05-13.csv"), SmallCompany.OPPORTUNITIES
                .replace("O001,C001,R001,电力云平台,云服务,1500000,发展,2026-06-30", "O001,C001,R001,电力云平台,云服务,1500000,发展,2026-07-31")
                .replace("O003,C003,R001,银行安全,", "O003,C003,R001,银行安全 vpn,"));
        ingest(MAY_11.plusDays(2));
        // then 05-12's, late, with O002 at 350,000 and O003 named 银行安全 VPN: 05-13's O002 (300,000 again) is a
        // change now, and so is its O003, whose name differs in case only (equal in MariaDB's default collation)
        Files.writeString(inbox.resolve("opportunities_2026-05-12.csv"), SmallCompany.OPPORTUNITIES
                .replace("O002,C002,R002,医院专线,网络专线,300000", "O002,C002,R002,医院专线,网络专线,350000")
                .replace("O003,C003,R001,银行安全,", "O003,C003,R001,银行安全 VPN,"));
        ingest(MAY_11.plusDays(3));

        String versions = "SELECT CONCAT(opportunity_id, ' ', snapshot_date) FROM opportunity_version"
                + " ORDER BY snapshot_date, opportunity_id";
        List<String> expected = List.of("O001 2026-05-11", "O002 2026-05-11", "O003 2026-05-11", "O002 2026-05-12",
                "O003 2026-05-12", "O001 2026-05-13", "O002 2026-05-13", "O003 2026-05-13");
        assertThat(jdbc.queryForList(versions, String.class)).isEqualTo(expected);
        // the migration that derived the versions of the snapshots loaded before it (V39) follows the same rule
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V39__opportunity_versions.sql"));
        String backfill = migration.substring(migration.indexOf("INSERT INTO opportunity_version")).trim();
        jdbc.update("DELETE FROM opportunity_version");
        jdbc.update(backfill.substring(0, backfill.length() - 1));
        assertThat(jdbc.queryForList(versions, String.class)).isEqualTo(expected);
    }

    /** The report lines held for a date, as "rep customer amount" ("-" for none), by rep, customer and time. */
    @Test
    void aWorkingDayWithoutDailyReportsOrPlansIsWarnedNamingTheLastDayTheyCameFor(CapturedOutput output) throws Exception {
        SmallCompany.writeInbox(inbox);
        Files.writeString(inbox.resolve("visit_plans_2026-05-11.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-05-11,C001,订货,09:30,上海
                """);
        assertThat(ingest(MAY_11).warnings()).isEmpty();
        takeOutTheRefusedWorkbook();

        // Tuesday: the exports stopped, nothing came
        IngestService.Result tuesday = ingest(MAY_11.plusDays(1));

        assertThat(tuesday.succeeded()).isTrue();
        assertThat(tuesday.warnings()).containsExactly(
                "no daily report arrived for 2026-05-12, a working day (source daily-reports): the last came for 2026-05-11."
                        + " Is the daily report export still running?",
                "no visit plan arrived for 2026-05-12, a working day (source visit-plans): the last came for 2026-05-11."
                        + " Is the visit plan export still running?");
        assertThat(tuesday.execution().getExitStatus().getExitCode()).isEqualTo(JobRunner.COMPLETED_WITH_WARNINGS);
        assertThat(output).contains("WARN  ingest 2026-05-12: no daily report arrived for 2026-05-12, a working day");

        // a report of the 12th that comes late, on Wednesday's night, is the 12th's all the same
        Files.writeString(inbox.resolve("daily_reports_2026-05-12.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,2026-05-12,C001,09:30,订货,签了订单,是,8000,2026-05-12 19:30:00,出勤
                """);
        assertThat(ingest(MAY_11.plusDays(2)).warnings()).containsExactly(
                "no daily report arrived for 2026-05-13, a working day (source daily-reports): the last came for 2026-05-12."
                        + " Is the daily report export still running?",
                "no visit plan arrived for 2026-05-13, a working day (source visit-plans): the last came for 2026-05-11."
                        + " Is the visit plan export still running?");
        // nothing is due on a Saturday or a holiday (rollup.yml), so nothing is missed
        assertThat(ingest(MAY_11.plusDays(3)).warnings()).hasSize(2);
        assertThat(ingest(MAY_11.plusDays(4)).warnings()).hasSize(2);
        assertThat(ingest(LocalDate.of(2026, 5, 16)).warnings()).isEmpty();
        assertThat(ingest(LocalDate.of(2026, 5, 17)).warnings()).isEmpty();
        assertThat(ingest(MAY_11.minusDays(10)).warnings()).as("2026-05-01, 劳动节").isEmpty();
    }

    @Test
    void nightsThatNeverRanAreNamedAndTheirLateFilesLoadOnTheNextNight() throws Exception {
        // a first night has no nights before it
        assertThat(ingest(LocalDate.of(2026, 5, 5)).warnings()).as("a holiday, the first night").isEmpty();
        SmallCompany.writeInbox(inbox);
        Files.writeString(inbox.resolve("visit_plans_2026-05-11.csv"), """
                rep_id,plan_date,customer_id,purpose,planned_time,area
                R001,2026-05-11,C001,订货,09:30,上海
                """);
        assertThat(ingest(MAY_11).warnings()).containsExactly("nights 2026-05-06..2026-05-10 never ran (the last night"
                + " completed is 2026-05-05): their files, if any come, load on this night or a later one as late data and their"
                + " figures are recomputed, but the reports due on them were neither rendered nor mailed; kam backfill --from"
                + " 2026-05-06 --to 2026-05-10 runs them");
        takeOutTheRefusedWorkbook();
        // the service was down from Tuesday to Friday; Thursday's export waits in the inbox
        Files.writeString(inbox.resolve("daily_reports_2026-05-14.csv"), """
                rep_id,report_date,customer_id,visit_time,purpose,outcome,effective,order_amount,submitted_at,attendance
                R001,2026-05-14,C001,09:30,订货,签了订单,是,8000,2026-05-14 19:30:00,出勤
                """);

        IngestService.Result saturday = ingest(LocalDate.of(2026, 5, 16));

        assertThat(saturday.warnings()).containsExactly("nights 2026-05-12..2026-05-15 never ran (the last night completed is"
                + " 2026-05-11): their files, if any come, load on this night or a later one as late data and their figures are"
                + " recomputed, but the reports due on them were neither rendered nor mailed; kam backfill --from 2026-05-12"
                + " --to 2026-05-15 runs them");
        // as the warning says: Thursday's file is loaded as late data, and its date is recomputed by the next rollup
        assertThat(line(saturday, "daily-reports").loaded()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM recompute_request WHERE data_date = '2026-05-14' AND done_at IS NULL")).isOne();

        // a night that ran and failed is named as such
        long monday = ingest(LocalDate.of(2026, 5, 18)).execution().getId();
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'FAILED' WHERE JOB_EXECUTION_ID = ?", monday);
        assertThat(ingest(LocalDate.of(2026, 5, 20)).warnings()).filteredOn(w -> w.startsWith("nights")).containsExactly(
                "nights 2026-05-17..2026-05-19 did not complete (2026-05-18 failed, the others never ran) (the last night"
                        + " completed is 2026-05-16): their files, if any come, load on this night or a later one as late data"
                        + " and their figures are recomputed, but the reports due on them were neither rendered nor mailed;"
                        + " kam backfill --from 2026-05-17 --to 2026-05-19 runs them");
    }

    private List<String> dayHeld(String date) {
        return rows("SELECT rep_id, customer_id, order_amount FROM report_line WHERE report_date = ? ORDER BY rep_id,"
                + " customer_id, visit_time", date).stream().map(r -> r.get("rep_id") + " " + r.get("customer_id") + " "
                + (r.get("order_amount") == null ? "-" : ((java.math.BigDecimal) r.get("order_amount")).toPlainString())).toList();
    }

    /** The small company's targets workbook has the wrong sheet: refused, it stays in the inbox until taken out. */
    private void takeOutTheRefusedWorkbook() throws java.io.IOException {
        Files.delete(inbox.resolve("targets_adjustment.xlsx"));
    }

    private Map<String, String> rejects(String source) {
        return rows("SELECT line_no, field_name, reason FROM ingest_reject WHERE source_name = ? ORDER BY line_no", source)
                .stream().collect(Collectors.toMap(r -> r.get("line_no").toString(),
                        r -> r.get("field_name") + ": " + r.get("reason"), (a, b) -> a + " | " + b));
    }

    private static IngestSummary.SourceLine line(IngestService.Result result, String source) {
        return result.summary().sources().stream().filter(l -> l.source().equals(source)).findFirst().orElseThrow();
    }

    private static List<String> withoutLoadRows(List<String> dump) {
        return dump.stream().filter(row -> !row.startsWith("ingest_load:")).toList();
    }

    static String text(Object value) throws java.sql.SQLException {
        return value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : (String) value;
    }
}
