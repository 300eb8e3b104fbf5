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
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The file side of finance's extracts, one for the forecast and the accuracy extract alike. CSV: UTF-8 with a BOM so
 * Excel shows Chinese, CRLF, a header row, a text cell starting with = + - @ given a leading apostrophe. XLSX: typed
 * cells (see {@link #writeXlsx}). A row is a list of cells, typed by their Java class: {@link BigDecimal} an amount in
 * yuan, {@link Rate} a fraction, {@link Integer} or {@link Long} a whole number (a number cell, so Excel marks no
 * number stored as text), {@link LocalDate} a date, {@link LocalDateTime} a date and time, {@link Boolean} a
 * flag, anything else text; null an empty cell. Rows are streamed: a year of nights' accuracy rows is millions.
 */
final class ExtractFile {

    /** A fraction (0.2941 = 29.41 %) as stored in DECIMAL(12,4): the CSV's plain digits, a percentage cell in the XLSX. */
    record Rate(BigDecimal value) {
    }

    /** The rows of an extract, handed one at a time to a consumer (from a query's result set, as it is read). */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<List<Object>> row);
    }

    /** Excel's formats: amounts in yuan with thousands separators, dates and times as Chinese finance reads them. */
    static final String MONEY_FORMAT = "#,##0.00";
    static final String RATE_FORMAT = "0.00%";
    /** schema_version and run_id: whole numbers, without thousands separators (an id is not an amount). */
    static final String WHOLE_FORMAT = "0";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    /** Rows one XLSX sheet holds below its header. */
    static final int XLSX_MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;
    /** Widest column, in characters (Excel's own limit is 255). */
    private static final int MAX_WIDTH = 60;

    private ExtractFile() {
    }

    /** Writes the rows to {@code file} as {@code format} (csv or xlsx; the XLSX's one sheet named {@code sheet}). */
    static void write(Path file, String format, String sheet, List<String> header, Rows rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (format.equals("xlsx")) {
            writeXlsx(file, sheet, header, rows);
        } else {
            writeCsv(file, header, rows);
        }
    }

    /** A cell as the CSV has it: amounts and rates their plain digits, flags true / false. */
    static String csvText(Object v) {
        return v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v instanceof Rate r ? r.value().toPlainString()
                : v instanceof LocalDateTime t ? DateTimeText.of(t) : CsvCells.neutralise(v.toString());
    }

    private static void writeCsv(Path file, List<String> header, Rows rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            csv.printRecord(header);
            rows.each(row -> {
                List<String> cells = new ArrayList<>(row.size());
                for (Object v : row) {
                    cells.add(csvText(v));
                }
                try {
                    csv.printRecord(cells);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * One sheet: a bold header row, frozen, with an autofilter over all rows; amounts as numbers (from the stored
     * decimals, exact to Excel's 15 digits) in {@link #MONEY_FORMAT}; rates as numbers in {@link #RATE_FORMAT}; dates
     * as dates, a date and time as such; flags as Excel's TRUE / FALSE; text as text. A text that starts like a
     * formula keeps its characters and gets Excel's quote prefix (the style an apostrophe typed in Excel gives), so
     * the cell shows the name itself and stays text when edited. Column widths come from the header and the longest
     * value (a Chinese character counts two), not from autoSizeColumn, which needs the fonts a server may not have.
     * Streamed (POI's SXSSF): only a window of rows is held in memory, the rest goes to a compressed temporary file.
     */
    private static void writeXlsx(Path file, String sheetName, List<String> header, Rows rows) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        book.setCompressTempFiles(true);
        try (OutputStream out = Files.newOutputStream(file)) {
            DataFormat formats = book.createDataFormat();
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle headerStyle = book.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(formats.getFormat(MONEY_FORMAT));
            CellStyle rate = book.createCellStyle();
            rate.setDataFormat(formats.getFormat(RATE_FORMAT));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(formats.getFormat(DATE_FORMAT));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(formats.getFormat(DATE_TIME_FORMAT));
            CellStyle whole = book.createCellStyle();
            whole.setDataFormat(formats.getFormat(WHOLE_FORMAT));
            CellStyle quoted = book.createCellStyle();
            quoted.setQuotePrefixed(true);
            DecimalFormat moneyText = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            DecimalFormat rateText = new DecimalFormat("0.00%", DecimalFormatSymbols.getInstance(Locale.ROOT));

            Sheet sheet = book.createSheet(sheetName);
            int[] widths = new int[header.size()];
            Row top = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = top.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(headerStyle);
                widths[i] = displayWidth(header.get(i)) + 3; // bold, and the filter's drop-down button
            }
            int[] next = {1};
            rows.each(row -> {
                if (next[0] > XLSX_MAX_ROWS) {
                    throw new IllegalStateException("more than " + XLSX_MAX_ROWS + " rows for one XLSX sheet");
                }
                Row x = sheet.createRow(next[0]++);
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
                    } else if (v instanceof Integer || v instanceof Long) {
                        c.setCellValue(((Number) v).doubleValue());
                        c.setCellStyle(whole);
                        shown = v.toString();
                    } else if (v instanceof Rate r) {
                        c.setCellValue(Double.parseDouble(r.value().toPlainString()));
                        c.setCellStyle(rate);
                        shown = rateText.format(r.value());
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                        shown = d.toString();
                    } else if (v instanceof LocalDateTime t) {
                        c.setCellValue(t.truncatedTo(ChronoUnit.SECONDS));
                        c.setCellStyle(dateTime);
                        shown = DateTimeText.of(t);
                    } else if (v instanceof Boolean flag) {
                        c.setCellValue(flag);
                        shown = flag ? "TRUE" : "FALSE";
                    } else {
                        shown = v.toString();
                        c.setCellValue(shown);
                        if (!CsvCells.neutralise(shown).equals(shown)) {
                            c.setCellStyle(quoted);
                        }
                    }
                    widths[i] = Math.max(widths[i], displayWidth(shown) + 1);
                }
            });
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, Math.min(widths[i], MAX_WIDTH) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, header.size() - 1));
            book.write(out);
        } finally {
            book.close();
            book.dispose();
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
