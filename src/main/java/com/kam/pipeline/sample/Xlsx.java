package com.kam.pipeline.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a one-sheet workbook, streaming rows (SXSSF, with a shared-strings table as Excel
 * writes it), with reproducible bytes: POI would stamp the current time as the creation date, so
 * a fixed moment derived from the options is set instead (POI's zip entries carry no time).
 */
final class Xlsx {

    private Xlsx() {
    }

    /** A row of cells: String values become text cells, Numbers numeric cells. */
    interface Rows {
        void forEach(java.util.function.Consumer<List<Object>> sink);
    }

    static void write(Path file, String sheetName, List<String> header, Rows rows, LocalDate stamp)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), 200, false, true)) {
            Date fixed = Date.from(stamp.atStartOfDay().toInstant(ZoneOffset.UTC));
            POIXMLProperties.CoreProperties properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setCreated(Optional.of(fixed));
            properties.setModified(Optional.of(fixed));
            properties.setCreator("kam-pipeline sample generator");
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
                head.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 14 * 256);
            }
            int[] next = {1};
            rows.forEach(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        }
    }
}
