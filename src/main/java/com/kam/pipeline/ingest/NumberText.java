package com.kam.pipeline.ingest;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a number is written in a cell, for amounts, counts and percentages alike: digits with a
 * decimal point, and thousands separators (comma, or a space) only between groups of three. Read
 * any other way a separator changes the number: {@code 12,50} (a decimal comma) would become
 * 1250, {@code 1,2,3,4} 1234. Exponent notation is refused too: Excel writes a large number
 * that way in a CSV only when it shows it rounded ({@code 1.23457E+11}), so its digits are lost.
 */
final class NumberText {

    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:(?:\\d+|[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d{0,2}(?: \\d{3})+)(?:\\.\\d*)?|\\.\\d+)");
    private static final Pattern EXPONENT = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
    private static final Pattern SEPARATED = Pattern.compile("[+-]?[\\d, ]*\\d[\\d, ]*(?:\\.\\d*)?");

    private NumberText() {
    }

    /** The number, or a FieldError naming what is wrong with it ({@code what}: "number" or "percentage"). */
    static BigDecimal parse(String field, String text, String what) throws RowParser.FieldError {
        if (NUMBER.matcher(text).matches()) {
            return new BigDecimal(text.replace(",", "").replace(" ", ""));
        }
        if (EXPONENT.matcher(text).matches()) {
            throw new RowParser.FieldError(field, text, what + " '" + text + "' in " + field + " is in exponent notation, as Excel"
                    + " shows a number rounded to fit its column: give the column a number format before exporting");
        }
        if (SEPARATED.matcher(text).matches()) {
            throw new RowParser.FieldError(field, text, "misplaced thousands separator in '" + text + "' in " + field
                    + ": separators go between groups of three digits, and a decimal comma is not read (write 12.50)");
        }
        throw new RowParser.FieldError(field, text, "unparseable " + what + " '" + text + "' in " + field);
    }
}
