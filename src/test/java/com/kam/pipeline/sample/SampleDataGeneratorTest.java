package com.kam.pipeline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    /** April to July 2026: 清明, 劳动节 (with a make-up Saturday) and 端午, a move, a leaver and a joiner. */
    private static final GeneratorOptions WITH_BAD_ROWS =
            new GeneratorOptions(14, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31), 42L, 7, true);
    private static final GeneratorOptions CLEAN =
            new GeneratorOptions(14, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31), 42L, 7, false);
    private static final Set<String> PURPOSES = Set.of("开发新客户", "市场调研", "收款", "服务", "客诉处理", "订货", "其他");
    private static final Set<String> STAGES = Set.of("识别需求", "需求明确", "竞争力判断", "发展", "合作", "赢单", "输单");

    @TempDir
    static Path dir;
    private static Path withBadRows;
    private static Path clean;
    private static SampleDataGenerator badGenerator;
    private static GenerationSummary badSummary;

    @BeforeAll
    static void generate() throws IOException {
        withBadRows = dir.resolve("bad");
        clean = dir.resolve("clean");
        badGenerator = new SampleDataGenerator(WITH_BAD_ROWS);
        badSummary = badGenerator.generate(withBadRows);
        new SampleDataGenerator(CLEAN).generate(clean);
    }

    @Test
    void sameOptionsGiveByteIdenticalFiles() throws Exception {
        Path again = dir.resolve("again");
        GenerationSummary summary = new SampleDataGenerator(WITH_BAD_ROWS).generate(again);
        assertThat(summary).isEqualTo(badSummary);
        Map<String, String> first = hashes(withBadRows);
        assertThat(first).containsKeys("targets.xlsx", "targets_adjustment.xlsx", "org.csv", "customers.csv");
        assertThat(hashes(again)).isEqualTo(first);
        assertThat(summary.files()).isEqualTo(first.size());
    }

    @Test
    void everyCustomerCellIsPresentIncludingTheBoundaries() throws IOException {
        List<CSVRecord> customers = read(withBadRows.resolve("customers.csv"), CsvFiles.GB18030);
        Set<String> cells = new TreeSet<>();
        for (CSVRecord c : customers) {
            BigDecimal potential = money(c.get("annual_potential"));
            BigDecimal share = percent(c.get("share_of_wallet"));
            char shareClass = share.compareTo(new BigDecimal("0.30")) >= 0 ? 'R'
                    : share.compareTo(new BigDecimal("0.10")) >= 0 ? 'D' : 'A';
            int potentialClass = potential.compareTo(new BigDecimal(1_000_000)) >= 0 ? 1
                    : potential.compareTo(new BigDecimal(500_000)) >= 0 ? 2 : 3;
            cells.add("" + shareClass + potentialClass);
        }
        assertThat(cells).containsExactlyInAnyOrder("R1", "R2", "R3", "D1", "D2", "D3", "A1", "A2", "A3");
        assertThat(customers).extracting(c -> percent(c.get("share_of_wallet")).stripTrailingZeros())
                .contains(new BigDecimal("0.3"), new BigDecimal("0.1"));
        assertThat(customers).extracting(c -> money(c.get("annual_potential")).stripTrailingZeros())
                .contains(new BigDecimal(1_000_000).stripTrailingZeros(), new BigDecimal(500_000).stripTrailingZeros());
        assertThat(customers).extracting(c -> c.get("name")).doesNotHaveDuplicates()
                .allMatch(name -> name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
    }

    @Test
    void customersAreGb18030AndOrgIsUtf8WithBom() throws IOException {
        byte[] customers = Files.readAllBytes(withBadRows.resolve("customers.csv"));
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(customers))).isInstanceOf(CharacterCodingException.class);
        String text = new String(customers, CsvFiles.GB18030);
        assertThat(text).startsWith("customer_id,name,segment").contains("\r\n").containsPattern("C000001,[^,]*[\\u4e00-\\u9fa5]+");
        byte[] org = Files.readAllBytes(withBadRows.resolve("org.csv"));
        assertThat(org).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(org, StandardCharsets.UTF_8)).contains("\r\n").contains("DIRECTOR");
    }

    @Test
    void noReportsOnPublicHolidaysButOnMakeUpWorkdays() throws IOException {
        for (String day : List.of("2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19")) {
            assertThat(withBadRows.resolve("daily_reports_" + day + ".csv")).doesNotExist();
        }
        assertThat(withBadRows.resolve("daily_reports_2026-05-09.csv")).exists();   // 调休 Saturday
        for (Path file : files(withBadRows, "daily_reports_")) {
            for (CSVRecord r : read(file, StandardCharsets.UTF_8)) {
                LocalDate date = date(r.get("report_date"));
                if (date != null) {
                    assertThat(Holidays.isPublicHoliday(date)).as("%s line %d", file, r.getRecordNumber()).isFalse();
                }
            }
        }
    }

    @Test
    void orgHasAMoveALeaverAndAJoiner() throws IOException {
        List<CSVRecord> org = read(withBadRows.resolve("org.csv"), StandardCharsets.UTF_8);
        Map<String, List<CSVRecord>> byPerson = org.stream().collect(Collectors.groupingBy(r -> r.get("employee_id")));
        List<List<CSVRecord>> moved = byPerson.values().stream().filter(rows -> rows.size() == 2).toList();
        assertThat(moved).hasSize(1);
        CSVRecord before = moved.get(0).get(0);
        CSVRecord after = moved.get(0).get(1);
        assertThat(LocalDate.parse(before.get("valid_to")).plusDays(1)).isEqualTo(LocalDate.parse(after.get("valid_from")));
        assertThat(LocalDate.parse(after.get("valid_from")).getDayOfMonth()).isBetween(10, 20);
        assertThat(before.get("team_code")).isNotEqualTo(after.get("team_code"));
        assertThat(after.get("manager_id")).isNotEqualTo(before.get("manager_id"));
        assertThat(org).filteredOn(r -> r.get("role").equals("REP") && !r.get("valid_to").isEmpty()
                && !byPerson.get(r.get("employee_id")).equals(moved.get(0))).hasSize(1);
        assertThat(org).filteredOn(r -> LocalDate.parse(r.get("valid_from")).isAfter(WITH_BAD_ROWS.start())
                && byPerson.get(r.get("employee_id")).size() == 1).hasSize(1);
        assertThat(org).extracting(r -> r.get("role")).contains("DIRECTOR", "REGION_MANAGER", "TEAM_LEAD", "REP");
    }

    @Test
    void someComplaintsAreResolvedOnALaterDayAndNoneBeforeTheyAreReceived() throws IOException {
        // per rep, the complaints resolved so far never exceed those received so far; some day
        // resolves more than it received, so some complaints were carried over to a later day
        Map<String, long[]> soFar = new TreeMap<>();
        boolean resolvedLater = false;
        for (Path file : files(clean, "daily_reports_")) {
            Map<String, long[]> days = new TreeMap<>();
            for (CSVRecord r : read(file, StandardCharsets.UTF_8)) {
                if (!r.get("complaints_received").isEmpty()) {
                    days.put(r.get("rep_id"), new long[] {Long.parseLong(r.get("complaints_received")),
                            Long.parseLong(r.get("complaints_resolved"))});
                }
            }
            for (Map.Entry<String, long[]> day : days.entrySet()) {
                long[] total = soFar.computeIfAbsent(day.getKey(), rep -> new long[2]);
                total[0] += day.getValue()[0];
                total[1] += day.getValue()[1];
                assertThat(total[1]).as("%s %s", file, day.getKey()).isLessThanOrEqualTo(total[0]);
                resolvedLater |= day.getValue()[1] > day.getValue()[0];
            }
        }
        assertThat(resolvedLater).isTrue();
    }

    @Test
    void withoutBadRowsEveryRowIsValid() throws IOException {
        Map<String, List<CSVRecord>> org = read(clean.resolve("org.csv"), StandardCharsets.UTF_8).stream()
                .collect(Collectors.groupingBy(r -> r.get("employee_id")));
        Set<String> customers = read(clean.resolve("customers.csv"), CsvFiles.GB18030).stream()
                .map(r -> r.get("customer_id")).collect(Collectors.toSet());
        assertThat(clean.resolve("targets_adjustment.xlsx")).doesNotExist();
        for (Path file : files(clean, "daily_reports_")) {
            Set<String> visits = new TreeSet<>();
            for (CSVRecord r : read(file, StandardCharsets.UTF_8)) {
                assertThat(r.isConsistent()).isTrue();
                LocalDate day = LocalDate.parse(r.get("report_date"));
                assertThat(day.isAfter(CLEAN.end())).isFalse();
                assertActive(org, r.get("rep_id"), day);
                assertThat(r.get("customer_id").isEmpty() || customers.contains(r.get("customer_id"))).isTrue();
                assertThat(r.get("purpose").isEmpty() || PURPOSES.contains(r.get("purpose"))).isTrue();
                for (String field : List.of("order_amount", "gross_margin", "payment_collected", "expense")) {
                    if (!r.get(field).isEmpty()) {
                        assertThat(money(r.get(field))).as("%s %s", file, field).isNotNegative();
                    }
                }
                assertThat(visits.add(String.join("|", r.get("rep_id"), r.get("report_date"), r.get("customer_id"),
                        r.get("visit_time"), r.get("purpose")))).as("duplicate in %s", file).isTrue();
            }
        }
        for (Path file : files(clean, "visit_plans_")) {
            for (CSVRecord r : read(file, StandardCharsets.UTF_8)) {
                assertActive(org, r.get("rep_id"), LocalDate.parse(r.get("plan_date")));
                assertThat(customers).contains(r.get("customer_id"));
                assertThat(PURPOSES).contains(r.get("purpose"));
            }
        }
        for (Path file : files(clean, "opportunities_")) {
            for (CSVRecord r : read(file, StandardCharsets.UTF_8)) {
                assertThat(r.isConsistent()).isTrue();
                assertThat(STAGES).contains(r.get("stage"));
                assertThat(customers).contains(r.get("customer_id"));
                assertActive(org, r.get("owner_id"), LocalDate.parse(r.get("snapshot_date")));
                assertThat(money(r.get("amount"))).isBetween(new BigDecimal(50_000), new BigDecimal(3_000_000));
                boolean closed = r.get("stage").equals("赢单") || r.get("stage").equals("输单");
                assertThat(r.get("closed_date").isEmpty()).isEqualTo(!closed);
            }
        }
    }

    @Test
    void badRowsCoverEveryRejectKindAndSitWhereReported() throws IOException {
        List<InjectedBadRow> injected = badGenerator.injectedBadRows();
        assertThat(injected).extracting(InjectedBadRow::reason).contains("missing required field", "unknown rep",
                "unknown customer", "unparseable date", "unparseable number", "negative amount",
                "duplicate row (duplicate visit)", "report dated after the business date", "rep not active on that date",
                "unmapped stage", "unmapped purpose", "malformed CSV line (too few fields)", "wrong sheet (no sheet 月度目标)");
        for (InjectedBadRow bad : injected) {
            if (bad.record() == 0) {
                continue;
            }
            CSVRecord row = read(withBadRows.resolve(bad.file()), StandardCharsets.UTF_8).get((int) bad.record() - 2);
            if (!bad.field().isEmpty()) {
                assertThat(row.get(bad.field())).as(bad.toString()).isEqualTo(bad.value());
            }
        }
        try (InputStream in = Files.newInputStream(withBadRows.resolve("targets_adjustment.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(workbook.getSheetName(0)).isEqualTo("Sheet1");
        }
        assertThat(new SampleDataGenerator(CLEAN).injectedBadRows()).isEmpty();
    }

    @Test
    void targetsWorkbookHasTheMonthlySheetWithChineseHeaders() throws IOException {
        try (InputStream in = Files.newInputStream(withBadRows.resolve("targets.xlsx"));
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("月度目标");
            assertThat(sheet).isNotNull();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("员工编号", "月份", "销售额目标", "毛利目标", "回款目标", "新客户目标", "拜访目标");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("2026-04");
            assertThat(sheet.getLastRowNum()).isEqualTo(badSummary.rowsPerKind().get("target").intValue() - 3);
            boolean someZero = false;
            for (Row row : sheet) {
                someZero |= row.getRowNum() > 0 && row.getCell(2).getNumericCellValue() == 0;
            }
            assertThat(someZero).as("a new joiner's first month has a zero target").isTrue();
        }
    }

    private static void assertActive(Map<String, List<CSVRecord>> org, String id, LocalDate day) {
        assertThat(org).containsKey(id);
        assertThat(org.get(id)).as("%s active on %s", id, day).anyMatch(r -> !LocalDate.parse(r.get("valid_from")).isAfter(day)
                && (r.get("valid_to").isEmpty() || !LocalDate.parse(r.get("valid_to")).isBefore(day)));
    }

    private static List<CSVRecord> read(Path file, Charset charset) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, charset)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();   // no byte order mark
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
            }
        }
        return hashes;
    }

    private static BigDecimal money(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    private static BigDecimal percent(String text) {
        return text.endsWith("%") ? new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
                : new BigDecimal(text);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;   // an injected unparseable date
        }
    }
}
