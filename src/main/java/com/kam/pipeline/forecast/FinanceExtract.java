package com.kam.pipeline.forecast;

import com.kam.pipeline.ingest.CsvCells;
import com.kam.pipeline.system.DateTimeText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The finance forecast extract of the latest nightly run of an as-of date, as CSV (UTF-8 with a
 * BOM so Excel shows Chinese) or XLSX (typed cells: amounts, dates, a frozen header with a filter;
 * see writeXlsx). Text cells starting with = + - @ are neutralised. The columns are documented in jobs/forecast-extract.md; {@link #SCHEMA_VERSION} changes with them.
 */
@Component
public class FinanceExtract {

    public static final String SCHEMA_VERSION = "2";
    static final List<String> HEADER = List.of("schema_version", "period_type", "period_start", "period_end", "entity_type",
            "entity_id", "entity_name", "method", "p10", "p50", "p90", "as_of_date", "generated_at", "snapshot_date", "closed_won",
            "target", "team_code", "region_code", "run_id");
    /** Valid on the run's as-of date: an organisation row's condition, for the rep's team and the team's region. */
    private static final String ON_AS_OF = "a.valid_from <= r.as_of_date AND (a.valid_to IS NULL OR a.valid_to >= r.as_of_date)";

    /** No stored nightly run for the date. */
    public static class NoRunException extends RuntimeException {
        NoRunException(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;

    FinanceExtract(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The default place of an extract: out/<date>/extracts/forecast-<date>.csv|xlsx. */
    public static Path defaultFile(Path out, LocalDate asOf, String format) {
        return out.resolve(asOf.toString()).resolve("extracts").resolve("forecast-" + asOf + "." + format);
    }

    public Path write(LocalDate asOf, String format, Path file) throws IOException {
        List<List<Object>> rows = rows(asOf);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (format.equals("xlsx")) {
            writeXlsx(rows, file);
        } else {
            writeCsv(rows, file);
        }
        return file;
    }

    List<List<Object>> rows(LocalDate asOf) {
        List<Long> runs = jdbc.queryForList("SELECT run_id FROM forecast_run WHERE as_of_date = ? AND run_kind = 'NIGHTLY'"
                + " AND status = 'DONE' ORDER BY run_id DESC", Long.class, Date.valueOf(asOf));
        if (runs.isEmpty()) {
            throw new NoRunException("no forecast run is stored as of " + asOf + "; run `kam forecast --date " + asOf + "` first");
        }
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("SELECT f.period_type, f.period_start, f.period_end, f.entity_type, f.entity_id, f.entity_name, f.method,"
                + " f.p10, f.p50, f.p90, r.as_of_date, r.generated_at, r.snapshot_date, f.closed_won, f.target,"
                + " CASE WHEN f.entity_type = 'REP' THEN (SELECT MAX(a.team_code) FROM org_assignment a WHERE a.employee_id = f.entity_id"
                + "   AND " + ON_AS_OF + ") END,"
                + " CASE f.entity_type WHEN 'REP' THEN (SELECT MAX(a.region_code) FROM org_assignment a WHERE a.employee_id = f.entity_id"
                + "   AND " + ON_AS_OF + ") WHEN 'TEAM' THEN (SELECT MAX(a.region_code) FROM org_assignment a"
                + "   WHERE a.team_code = f.entity_id AND " + ON_AS_OF + ") END, r.run_id"
                + " FROM forecast f JOIN forecast_run r ON r.run_id = f.run_id"
                + " WHERE f.run_id = ? ORDER BY f.period_start, f.period_type DESC, CASE f.entity_type WHEN 'COMPANY' THEN 1"
                + " WHEN 'REGION' THEN 2 WHEN 'TEAM' THEN 3 ELSE 4 END, f.entity_id, f.method", rs -> {
            List<Object> row = new ArrayList<>();
            row.add(SCHEMA_VERSION);
            row.add(rs.getString(1));
            row.add(rs.getObject(2, LocalDate.class));
            row.add(rs.getObject(3, LocalDate.class));
            for (int i = 4; i <= 7; i++) {
                row.add(rs.getString(i));
            }
            for (int i = 8; i <= 10; i++) {
                row.add(rs.getBigDecimal(i));
            }
            row.add(rs.getObject(11, LocalDate.class));
            Timestamp generated = rs.getTimestamp(12);
            row.add(generated.toLocalDateTime());
            // last, as schema 2 added it: a night without a new snapshot forecasts as of this date (AsOfData.knownOn)
            row.add(rs.getObject(13, LocalDate.class));
            // schema 2 also added what was already won and the target (as in the funnel report), the rep's
            // team and region (the team's region) on the as-of date, for pivots, and the run that made the rows
            row.add(rs.getBigDecimal(14));
            row.add(rs.getBigDecimal(15));
            row.add(rs.getString(16));
            row.add(rs.getString(17));
            row.add(Long.toString(rs.getLong(18)));
            rows.add(row);
        }, runs.get(0));
        return rows;
    }

    private static void writeCsv(List<List<Object>> rows, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            csv.printRecord(HEADER);
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object v : row) {
                    cells.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString()
                            : v instanceof LocalDateTime t ? DateTimeText.of(t) : CsvCells.neutralise(v.toString()));
                }
                csv.printRecord(cells);
            }
            csv.flush();
        }
    }

    /** Excel's formats: amounts in yuan with thousands separators, dates and times as Chinese finance reads them. */
    static final String MONEY_FORMAT = "#,##0.00";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    /** Widest column, in characters (Excel's own limit is 255). */
    private static final int MAX_WIDTH = 60;

    /**
     * One sheet: a bold header row, frozen, with an autofilter over all rows; amounts as numbers
     * (from the stored decimals, exact to Excel's 15 digits) in {@link #MONEY_FORMAT}; period,
     * as-of and snapshot dates as dates, generated_at as a date and time; text as text. A text that
     * starts like a formula keeps its characters and gets Excel's quote prefix (the style an apostrophe typed
     * in Excel gives), so the cell shows the name itself and stays text when edited. Column widths
     * come from the header and the longest value (a Chinese character counts two), not from
     * autoSizeColumn, which needs the fonts a server may not have.
     */
    private static void writeXlsx(List<List<Object>> rows, Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            DataFormat formats = book.createDataFormat();
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle headerStyle = book.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(formats.getFormat(MONEY_FORMAT));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(formats.getFormat(DATE_FORMAT));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(formats.getFormat(DATE_TIME_FORMAT));
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            DecimalFormat moneyText = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));

            Sheet sheet = book.createSheet("forecast");
            int[] widths = new int[HEADER.size()];
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(HEADER.get(i));
                c.setCellStyle(headerStyle);
                widths[i] = displayWidth(HEADER.get(i)) + 3; // bold, and the filter's drop-down button
            }
            int r = 1;
            for (List<Object> row : rows) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = x.createCell(i);
                    String shown;
                    if (v instanceof BigDecimal b) {
                        c.setCellValue(Double.parseDouble(b.toPlainString()));
                        c.setCellStyle(money);
                        shown = moneyText.format(b);
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                        shown = d.toString();
                    } else if (v instanceof LocalDateTime t) {
                        c.setCellValue(t.truncatedTo(ChronoUnit.SECONDS));
                        c.setCellStyle(dateTime);
                        shown = DateTimeText.of(t);
                    } else {
                        shown = v.toString();
                        c.setCellValue(shown);
                        if (!CsvCells.neutralise(shown).equals(shown)) {
                            c.setCellStyle(quoted);
                        }
                    }
                    widths[i] = Math.max(widths[i], displayWidth(shown) + 1);
                }
            }
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(widths[i], MAX_WIDTH) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADER.size() - 1));
            book.write(out);
        }
    }

    /** Width of a text in Excel's character units: a Chinese (or other wide) character takes two. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += wide(cp) ? 2 : 1;
        }
        return width;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
