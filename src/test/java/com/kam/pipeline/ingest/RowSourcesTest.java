package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.support.SmallCompany;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files as Chinese offices save them: encodings, line ends, quoting, broken lines. */
class RowSourcesTest {

    @TempDir
    Path folder;

    private final Source customers = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("customers");

    @Test
    void gb18030AndUtf8WithBomAndCrlfReadTheSameChineseText() throws Exception {
        String text = "customer_id,name,segment,region_code,annual_potential,share_of_wallet\r\n"
                + "C1,\"杭州市第一人民医院, 滨江院区\",教育医疗,EAST,800000,20%\r\n";
        SmallCompany.write(folder.resolve("customers_gb.csv"), text, Charset.forName("GB18030"), false);
        SmallCompany.write(folder.resolve("customers_bom.csv"), text, StandardCharsets.UTF_8, true);

        for (String file : List.of("customers_gb.csv", "customers_bom.csv")) {
            List<SourceRow> rows = read(file);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.problem()).isNull();
                assertThat(row.line()).isEqualTo(2);
                assertThat(row.values()[0]).isEqualTo("C1");
                assertThat(row.values()[1]).isEqualTo("杭州市第一人民医院, 滨江院区");
            });
        }
    }

    @Test
    void excelsUnicodeTextIsUtf16WithItsByteOrderMark() throws Exception {
        // Excel's "Unicode text (*.txt)": UTF-16 little-endian with a BOM, tab-separated
        String text = "customer_id\tname\tsegment\tregion_code\tannual_potential\tshare_of_wallet\r\n"
                + "C1\t杭州市第一人民医院, 滨江院区\t教育医疗\tEAST\t800000\t20%\r\n";
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(folder.resolve("customers_unicode.txt"), withBom);
        Source c = customers;
        Source tabs = new Source(c.name(), c.kind(), c.type(), c.definedIn(), c.filePattern(), null, '\t', c.sheet(),
                c.dateFormats(), c.datetimeFormats(), c.headers(), c.ignoredColumns(), c.values(), c.jdbc(), c.sql(), c.isoDatesFirst(),
                c.isoDateTimesFirst());

        assertThat(TextEncoding.detect(folder.resolve("customers_unicode.txt"), null).charset())
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(read(tabs, "customers_unicode.txt")).singleElement().satisfies(row -> {
            assertThat(row.problem()).isNull();
            assertThat(row.values()[0]).isEqualTo("C1");
            assertThat(row.values()[1]).isEqualTo("杭州市第一人民医院, 滨江院区");
        });
    }

    @Test
    void aRowSpanningLinesKeepsItsFirstLineNumberAndTheNextRowItsOwn() throws Exception {
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + "C1,\"第一行\n第二行\",金融,EAST,1,1%\n"
                + "C2,江苏银行,金融,EAST,1,1%\n");
        List<SourceRow> rows = read("customers.csv");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).values()[1]).isEqualTo("第一行\n第二行");
    }

    @Test
    void rowsWithEveryFieldEmptyAreSkippedAsInAWorkbookAndTheNextRowKeepsItsLine() throws Exception {
        // a spreadsheet saved as CSV keeps rows it once formatted as bare commas
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,金融,EAST,1,1%\n"
                + ",,,,,\n"
                + " , ,,,,\n"
                + "C2,浙江银行,金融,EAST,1,1%\n"
                + ",,,,,\n");
        List<SourceRow> rows = read("customers.csv");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 5L);
        assertThat(rows).allSatisfy(row -> assertThat(row.problem()).isNull());
        // a row with one field given is still read, and checked
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + ",江苏银行,,,,\n");
        assertThat(read("customers.csv")).singleElement().satisfies(row -> assertThat(row.line()).isEqualTo(2));
    }

    @Test
    void anUnterminatedQuoteEndsTheFileWithOneProblemRowSayingWhere() throws Exception {
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,金融,EAST,1,1%\n"
                + "C2,\"没有结束的引号,金融,EAST,1,1%\n"
                + "C3,浙江银行,金融,EAST,1,1%\n");
        List<SourceRow> rows = read("customers.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).problem().reason()).startsWith("malformed CSV from line 3")
                .endsWith("the rest of the file could not be read, so none of it is loaded");
        assertThat(rows.get(1).problem().wholeFile()).isTrue();
        assertThat(rows.get(0).problem()).isNull();
    }

    @Test
    void aMissingRequiredColumnRejectsEveryRowNamingTheColumn() throws Exception {
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,EAST,1,1%\n");
        assertThat(read("customers.csv")).singleElement()
                .satisfies(row -> assertThat(row.problem().reason()).isEqualTo("missing column in the header: segment"));
    }

    @Test
    void aHeaderInOneColumnSaysWhichSeparatorTheFileSeemsToUse() throws Exception {
        // saved by a European Excel: semicolons
        Files.writeString(folder.resolve("customers.csv"), "customer_id;name;segment;region_code;annual_potential;share_of_wallet\n"
                + "C1;江苏银行;金融;EAST;1000000;1%\n");
        assertThat(read("customers.csv")).singleElement().satisfies(row -> assertThat(row.problem().reason())
                .startsWith("missing column in the header: customer_id, name, segment, region_code, annual_potential,"
                        + " share_of_wallet; the header is one column: is the file separated by ';'? set delimiter in ")
                .endsWith("customers.yml"));
    }


    @Test
    void workbookCellsReadAsExcelShowsThemAndErrorCellsAreRejectedNamingTheirField() throws Exception {
        Source targets = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("targets");
        Path file = folder.resolve("targets_2026.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("月度目标");
            String[] header = {"员工编号", "月份", "销售额目标", "毛利目标", "回款目标", "新客户目标", "拜访目标"};
            XSSFRow top = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                top.createCell(c).setCellValue(header[c]);
            }
            // floating-point residue of formulas: Excel shows 1358023.7 and 84
            XSSFRow residue = sheet.createRow(1);
            residue.createCell(0).setCellValue("R001");
            residue.createCell(1).setCellValue("2026-05");
            residue.createCell(2).setCellFormula("1234567*1.1");
            residue.createCell(6).setCellFormula("0.1*3*280");
            // =NA() and =1/0 cached as errors, and an error typed into a cell
            XSSFRow errors = sheet.createRow(2);
            errors.createCell(0).setCellValue("R002");
            errors.createCell(1).setCellValue("2026-05");
            errors.createCell(2).setCellValue(100000);
            errors.createCell(3).setCellFormula("NA()");
            errors.createCell(4).setCellFormula("1/0");
            errors.createCell(5).setCellErrorValue(FormulaError.REF);
            // a cell shown as 100% holds 1
            XSSFRow percent = sheet.createRow(3);
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("0%"));
            percent.createCell(0).setCellValue("R003");
            percent.createCell(1).setCellValue("2026-05");
            percent.createCell(2).setCellValue(1);
            percent.getCell(2).setCellStyle(style);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
        }

        List<SourceRow> rows = new ArrayList<>();
        try (XlsxRowSource source = new XlsxRowSource(new LoadRef(1, targets, file.getFileName().toString(), file))) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).values()).containsExactly("R001", "2026-05", "1358023.7", null, null, null, "84");
        CheckedRow residueRow = RowParser.parse(rows.get(0));
        assertThat(residueRow).isInstanceOf(CheckedRow.Valid.class);
        assertThat(((CheckedRow.Valid) residueRow).get("sales_target")).hasToString("1358023.70");
        assertThat(((CheckedRow.Valid) residueRow).get("visit_target")).isEqualTo(84);

        assertThat(rows.get(1).values()).containsExactly("R002", "2026-05", "100000", "#N/A", "#DIV/0!", "#REF!", null);
        assertThat(RowParser.parse(rows.get(1))).isInstanceOfSatisfying(CheckedRow.Rejected.class, r -> {
            assertThat(r.field()).isEqualTo("margin_target");
            assertThat(r.reason()).startsWith("error value #N/A in margin_target");
        });
        assertThat(rows.get(2).values()[2]).isEqualTo("100%");
    }
    @Test
    void aUtf8FileWithSomeGbkLinesIsRefusedNamingThemWhileFilesInOneEncodingRead() throws Exception {
        String header = "customer_id,name,segment,region_code,annual_potential,share_of_wallet\r\n";
        List<String> lines = List.of("C1,江苏银行,金融,EAST,1,1%\r\n", "C2,浙江银行,金融,EAST,1,1%\r\n",
                "C3,杭州市第一人民医院,教育医疗,EAST,1,1%\r\n", "C4,山东省电力公司,大型企业,EAST,1,1%\r\n");
        Charset gbk = Charset.forName("GB18030");
        // line 4 pasted in from a GBK file
        java.io.ByteArrayOutputStream mixed = new java.io.ByteArrayOutputStream();
        mixed.write(header.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            mixed.write(lines.get(i).getBytes(i == 2 ? gbk : StandardCharsets.UTF_8));
        }
        Files.write(folder.resolve("customers_mixed.csv"), mixed.toByteArray());
        byte[] withBom = new byte[mixed.size() + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(mixed.toByteArray(), 0, withBom, 3, mixed.size());
        Files.write(folder.resolve("customers_mixed_bom.csv"), withBom);

        for (String file : List.of("customers_mixed.csv", "customers_mixed_bom.csv")) {
            assertThat(readAsTheIngest(customers, file)).singleElement().satisfies(row -> {
                assertThat(row.problem().wholeFile()).isTrue();
                assertThat(row.line()).isEqualTo(4);
                assertThat(row.problem().reason()).isEqualTo("mixed encoding: line 4 is not UTF-8 (GBK?), the rest is UTF-8:"
                        + " save the file in one encoding (UTF-8) and drop it again");
            });
        }
        // wholly GB18030 with CRLF, and UTF-8 with a BOM, read every row
        SmallCompany.write(folder.resolve("customers_gb.csv"), header + String.join("", lines), gbk, false);
        SmallCompany.write(folder.resolve("customers_bom.csv"), header + String.join("", lines), StandardCharsets.UTF_8, true);
        for (String file : List.of("customers_gb.csv", "customers_bom.csv")) {
            List<SourceRow> rows = readAsTheIngest(customers, file);
            assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.problem()).isNull());
            assertThat(rows.get(2).values()[1]).isEqualTo("杭州市第一人民医院");
        }
    }

    private final Source reports = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("daily-reports");

    @Test
    void moneyColumnsUnderNamesTheMappingDoesNotKnowRefuseTheFileNamingThemAndHowToMap() throws Exception {
        // a CRM export with Chinese headers for some fields: its amounts would load empty
        Files.writeString(folder.resolve("daily_reports_2026-05-12.csv"), """
                rep_id,report_date,customer_id,visit_time,拜访目的,订单金额,gross_margin,回款金额,expense
                R001,2026-05-12,C001,09:30,订货,20000,3000,5000,120
                """);
        assertThat(readAsTheIngest(reports, "daily_reports_2026-05-12.csv")).singleElement().satisfies(row -> {
            assertThat(row.problem().wholeFile()).isTrue();
            assertThat(row.problem().reason()).isEqualTo("the header has columns that name no field but look like money"
                    + " fields it has no column for: '订单金额' (order_amount), '回款金额' (payment_collected); loaded, every row"
                    + " would have no amount there, so the file is not loaded: map them under columns in "
                    + reports.definedIn() + " (order_amount: 订单金额), or list them under ignore-columns there if the"
                    + " source does not need them");
        });
        // a source that knows it does not need them says so, and the file loads
        assertThat(readAsTheIngest(ignoring(reports, "订单金额", "回款金额"), "daily_reports_2026-05-12.csv")).singleElement()
                .satisfies(row -> assertThat(row.problem()).isNull());
        // an abbreviation of the field's own name is money under another name too
        Files.writeString(folder.resolve("daily_reports_2026-05-13.csv"), """
                rep_id,report_date,customer_id,order_amt
                R001,2026-05-13,C001,20000
                """);
        assertThat(readAsTheIngest(reports, "daily_reports_2026-05-13.csv")).singleElement()
                .satisfies(row -> assertThat(row.problem().reason()).startsWith("the header has a column that names no field"
                        + " but looks like a money field it has no column for: 'order_amt' (order_amount); "));
    }

    @Test
    void columnsOfTheExportsOwnDoNotRefuseTheFile() throws Exception {
        // visit_type, manager, 毛利率 and gross_margin_rate (rates, not the margin): extras, though gross_margin has no column
        Files.writeString(folder.resolve("daily_reports_2026-05-12.csv"), """
                rep_id,report_date,customer_id,visit_type,order_amount,毛利率,gross_margin_rate,payment_collected,manager
                R001,2026-05-12,C001,上门,20000,15%,0.15,5000,M001
                """);
        assertThat(readAsTheIngest(reports, "daily_reports_2026-05-12.csv")).singleElement().satisfies(row -> {
            assertThat(row.problem()).isNull();
            assertThat(row.values()[reports.kind().indexOf("order_amount")]).isEqualTo("20000");
            assertThat(row.values()[reports.kind().indexOf("gross_margin")]).isNull();
        });
    }

    @Test
    void aTitleRowAboveTheHeaderIsSaidToBeOne() throws Exception {
        String header = "customer_id,name,segment,region_code,annual_potential,share_of_wallet\n";
        String row = "C1,江苏银行,金融,EAST,1,1%\n";
        // as Excel saves a merged title row (its empty cells kept), and as typed by hand
        for (String title : List.of("2026年12月客户清单（单位：元）,,,,,\n", "2026年12月客户清单（单位：元）\n")) {
            Files.writeString(folder.resolve("customers.csv"), title + header + row);
            assertThat(readAsTheIngest(customers, "customers.csv")).singleElement().satisfies(r -> {
                assertThat(r.problem().wholeFile()).isTrue();
                assertThat(r.problem().reason()).isEqualTo("missing column in the header: customer_id, name, segment,"
                        + " region_code, annual_potential, share_of_wallet; row 1 looks like a title: delete it, the header is row 2");
            });
        }
        // a workbook: the targets with their title merged over row 1
        Source targets = SourceCatalog.load(Path.of("jobs/sources"), Map.of()).byName("targets");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet("月度目标");
            sheet.createRow(0).createCell(0).setCellValue("2026年12月销售目标（单位：元）");
            List<String> columns = List.of("员工编号", "月份", "销售额目标", "毛利目标", "回款目标", "新客户目标", "拜访目标");
            var headerRow = sheet.createRow(1);
            var dataRow = sheet.createRow(2);
            for (int c = 0; c < columns.size(); c++) {
                headerRow.createCell(c).setCellValue(columns.get(c));
                dataRow.createCell(c).setCellValue(c == 0 ? "R001" : c == 1 ? "2026-12" : "1000");
            }
            try (var file = Files.newOutputStream(folder.resolve("targets_2026-12.xlsx"))) {
                workbook.write(file);
            }
        }
        assertThat(readAsTheIngest(targets, "targets_2026-12.xlsx")).singleElement().satisfies(r -> assertThat(
                r.problem().reason()).isEqualTo("missing column in the header: rep_id (column '员工编号'), month (column '月份'),"
                + " sales_target (column '销售额目标'); row 1 looks like a title: delete it, the header is row 2"));
        // a header that lacks a column is not taken for a title
        Files.writeString(folder.resolve("customers.csv"), "customer_id,name,region_code,annual_potential,share_of_wallet\n"
                + "C1,江苏银行,EAST,1,1%\n");
        assertThat(readAsTheIngest(customers, "customers.csv")).singleElement()
                .satisfies(r -> assertThat(r.problem().reason()).isEqualTo("missing column in the header: segment"));
    }

    private static Source ignoring(Source c, String... columns) {
        return new Source(c.name(), c.kind(), c.type(), c.definedIn(), c.filePattern(), c.charset(), c.delimiter(), c.sheet(),
                c.dateFormats(), c.datetimeFormats(), c.headers(), java.util.Set.of(columns), c.values(), c.jdbc(), c.sql(),
                c.isoDatesFirst(), c.isoDateTimesFirst());
    }

    /** The rows as the ingest reads them: up to a problem that refuses the file. */
    private List<SourceRow> readAsTheIngest(Source mapping, String file) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        try (RowSource source = new LoadRowReader.UntilFileProblem(
                LoadRowReader.openFile(new LoadRef(1, mapping, file, folder.resolve(file))))) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<SourceRow> read(String file) throws Exception {
        return read(customers, file);
    }

    private List<SourceRow> read(Source mapping, String file) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        try (CsvRowSource source = new CsvRowSource(new LoadRef(1, mapping, file, folder.resolve(file)))) {
            SourceRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aHeaderColumnLooksLikeAFieldWhenItIsAnAbbreviationOrATypo() {
        assertThat(HeaderMap.looksLike("order_amt", "order_amount")).isTrue();
        assertThat(HeaderMap.looksLike("oder_amount", "order_amount")).isTrue();
        assertThat(HeaderMap.looksLike("Order Amount", "order_amount")).isTrue();
        assertThat(HeaderMap.looksLike("订单额", "订单金额")).isTrue();
        assertThat(HeaderMap.looksLike("order_id", "order_amount")).isFalse();
        assertThat(HeaderMap.looksLike("amount", "order_amount")).isFalse();
        assertThat(HeaderMap.looksLike("o", "order_amount")).isFalse();
        // columns of an export's own that only share a start with a field
        assertThat(HeaderMap.looksLike("毛利率", "毛利目标")).isFalse();
        assertThat(HeaderMap.looksLike("region", "remark")).isFalse();
    }
}
