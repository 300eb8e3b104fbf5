package com.kam.pipeline.forecast;

import com.kam.pipeline.ingest.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The finance forecast extract of the latest nightly run of an as-of date, as CSV (UTF-8 with a
 * BOM so Excel shows Chinese) or XLSX. Text cells starting with = + - @ are neutralised. The
 * columns are documented in jobs/forecast-extract.md; {@link #SCHEMA_VERSION} changes with them.
 */
@Component
public class FinanceExtract {

    public static final String SCHEMA_VERSION = "1";
    static final List<String> HEADER = List.of("schema_version", "period_type", "period_start", "period_end", "entity_type",
            "entity_id", "entity_name", "method", "p10", "p50", "p90", "as_of_date", "generated_at");

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
                + " f.p10, f.p50, f.p90, r.as_of_date, r.generated_at FROM forecast f JOIN forecast_run r ON r.run_id = f.run_id"
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
            row.add(com.kam.pipeline.system.DateTimeText.of(generated.toLocalDateTime()));
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
                    cells.add(v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : CsvCells.neutralise(v.toString()));
                }
                csv.printRecord(cells);
            }
            csv.flush();
        }
    }

    private static void writeXlsx(List<List<Object>> rows, Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("forecast");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
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
                    if (v instanceof BigDecimal b) {
                        c.setCellValue(b.doubleValue());
                    } else {
                        c.setCellValue(CsvCells.neutralise(v.toString()));
                    }
                }
            }
            book.write(out);
        }
    }
}
