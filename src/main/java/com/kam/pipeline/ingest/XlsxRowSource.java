package com.kam.pipeline.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Rows of one sheet of an XLSX workbook; the first non-empty row is the header. Date cells
 * become ISO dates, numbers plain decimals to Excel's 15 digits (percent-formatted ones with
 * their % sign), error cells their error text (#N/A, which the parser rejects), formulas their
 * cached value. A workbook without the configured sheet yields one problem row ("wrong sheet").
 */
final class XlsxRowSource implements RowSource {

    private final LoadRef load;
    private final XSSFWorkbook workbook;
    private final Iterator<Row> rows;
    private HeaderMap header;
    private SourceRow pendingProblem;

    XlsxRowSource(LoadRef load) throws IOException {
        this.load = load;
        try {
            this.workbook = new XSSFWorkbook(OPCPackage.open(load.file().toFile(), PackageAccess.READ));
        } catch (InvalidFormatException | RuntimeException e) {
            throw new IOException(load.fileName() + " is not a readable XLSX workbook: " + e.getMessage(), e);
        }
        Sheet sheet = workbook.getSheet(load.source().sheet());
        if (sheet == null) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            pendingProblem = SourceRow.fileProblem(load, 1, null, null, "wrong sheet: no sheet named '"
                    + load.source().sheet() + "'; the workbook has " + names);
            rows = java.util.Collections.emptyIterator();
        } else {
            rows = sheet.iterator();
        }
    }

    @Override
    public SourceRow next() {
        if (pendingProblem != null) {
            SourceRow problem = pendingProblem;
            pendingProblem = null;
            return problem;
        }
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> cells = cells(row);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            if (header == null) {
                header = new HeaderMap(load, cells, row.getRowNum() + 1);
                continue;
            }
            return header.row(load, row.getRowNum() + 1, cells, () -> String.join(",", cells.stream().map(c -> c == null ? "" : c).toList()));
        }
        return null;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            cells.add(text(row.getCell(c)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    yield t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                            : t.toLocalDate() + " " + t.toLocalTime();
                }
                BigDecimal value = excelValue(cell.getNumericCellValue());
                // a cell shown as 100% holds 1: written with its sign, it is not taken for 1%
                String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
                yield format != null && format.contains("%") ? value.movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                        : value.toPlainString();
            }
            // #N/A, #DIV/0! ...: the parser rejects the row naming the field, rather than taking it as empty
            case ERROR -> ((XSSFCell) cell).getErrorCellString();
            default -> null;
        };
    }

    /**
     * A number as Excel shows and keeps it: 15 significant digits. The binary double carries
     * residue past them (=1234567*1.1 is 1358023.7000000002, =0.1*3*280 is 84.00000000000001)
     * that would fail the checks for two decimals or a whole number.
     */
    static BigDecimal excelValue(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(15, RoundingMode.HALF_UP)).stripTrailingZeros();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
