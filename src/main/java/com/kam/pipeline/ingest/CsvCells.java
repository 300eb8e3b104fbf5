package com.kam.pipeline.ingest;

/** Rules for cells of the CSV files people open in Excel. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A cell starting with = + - @ (or a tab or carriage return) would run as a formula in
     * Excel; a leading apostrophe makes it plain text.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
