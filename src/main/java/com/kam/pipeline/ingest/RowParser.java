package com.kam.pipeline.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a row into typed values following its source's mapping, or says precisely
 * which field is wrong and why. Money keeps two decimals exactly (BigDecimal); nothing is rounded.
 */
final class RowParser {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(:\\d{2})?");
    /** A date and a time of day (seconds and their fraction optional), split where the time begins. */
    private static final Pattern DATE_AND_TIME =
            Pattern.compile("(.*?\\d)(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?");
    /** What Excel shows in a cell whose formula has no result; exports copy it as the cell's text. */
    private static final Set<String> EXCEL_ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
            "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!");
    /** The largest amount a DECIMAL(18,2) column holds (every money column, see V2__ingest.sql). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");
    /** Decimals a percentage column keeps (DECIMAL(9,6)). */
    private static final int PERCENT_SCALE = 6;

    private RowParser() {
    }

    /** Thrown for the first field of a row that cannot be parsed. */
    static final class FieldError extends Exception {
        final String field;
        final String value;

        FieldError(String field, String value, String reason) {
            super(reason, null, false, false);
            this.field = field;
            this.value = value;
        }
    }

    static CheckedRow parse(SourceRow row) {
        if (row.problem() != null) {
            return new CheckedRow.Rejected(row.load(), row.line(), row.problem().field(), null, row.problem().reason(), row.raw(),
                    row.problem().wholeFile());
        }
        Source source = row.load().source();
        List<FieldSpec> fields = source.kind().fields();
        Object[] values = new Object[fields.size()];
        try {
            for (int i = 0; i < fields.size(); i++) {
                values[i] = parseField(source, fields.get(i), row.values()[i]);
            }
        } catch (FieldError e) {
            return new CheckedRow.Rejected(row.load(), row.line(), e.field, e.value, e.getMessage(), row.raw(), false);
        }
        return new CheckedRow.Valid(row.load(), row.line(), values, row.values(), row.rawText());
    }

    static Object parseField(Source source, FieldSpec spec, String raw) throws FieldError {
        String text = raw == null ? null : trim(spec.type() == FieldType.TEXT ? raw : halfWidth(raw));
        if (text != null && !text.isEmpty() && text.charAt(0) == '#' && EXCEL_ERRORS.contains(text)) {
            throw new FieldError(spec.name(), text, "error value " + text + " in " + spec.name()
                    + ": the cell's formula has no result; correct it in the source");
        }
        if (text != null && !text.isEmpty()) {
            Map<String, String> mapped = source.values().get(spec.name());
            if (mapped != null) {
                text = mapped.getOrDefault(Vocabularies.normalise(text), text);
            }
        }
        if (text == null || text.isEmpty()) {
            if (spec.required()) {
                throw new FieldError(spec.name(), raw, "missing required field " + spec.name());
            }
            return null;
        }
        return switch (spec.type()) {
            case TEXT -> text(spec, text);
            case DATE -> date(source, spec.name(), text);
            case DATETIME -> dateTime(source, spec.name(), text);
            case TIME -> time(spec.name(), text);
            case MONTH -> month(source, spec.name(), text);
            case MONEY -> money(spec.name(), text);
            case COUNT -> count(spec.name(), text);
            case PERCENT -> percent(spec.name(), text);
            case YES_NO -> yesNo(spec.name(), text);
            case CODE -> code(spec, text);
        };
    }

    /**
     * The text without the blanks around it: spaces and control characters as String.trim()
     * drops them, and also the Unicode ones exports and copy-paste leave (no-break space U+00A0,
     * ideographic space U+3000, a stray byte order mark U+FEFF, zero-width space), which would
     * otherwise make E00014 an unknown rep.
     */
    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static boolean blank(char c) {
        return c <= ' ' || c >= '\u0080' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF'
                || c == '\u200B');
    }

    /**
     * Digits, letters and signs typed in full width (a Chinese input method's ５，０００ or
     * １０：３０), and the ideographic space, as their ASCII forms: for every field but text (names,
     * ids, notes), where what was typed is kept as it is.
     */
    static String halfWidth(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (ascii != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ascii);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String text(FieldSpec spec, String text) throws FieldError {
        if (text.length() > spec.maxLength()) {
            throw new FieldError(spec.name(), text.substring(0, 50) + "...", spec.name() + " is " + text.length()
                    + " characters long; at most " + spec.maxLength() + " fit");
        }
        if (spec.name().equals("email") && !EMAIL.matcher(text).matches()) {
            // found here, not each night at mail time when no retry can help
            throw new FieldError(spec.name(), text, "email '" + text + "' is not a mail address (name@domain.tld, one @,"
                    + " no spaces, commas or semicolons)");
        }
        return text;
    }

    /** A mail address as the SMTP server takes it: one @, a dot in the domain, nothing that separates addresses. */
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s,;]+@[^@\\s,;.]+(\\.[^@\\s,;.]+)+");

    /**
     * The date in one of the source's date formats. A date-time there (Excel and CRM exports
     * write dates as 2026-11-05 00:00:00) is its date: the time is dropped, whatever it is, as the
     * day it names is not in doubt (a stage-change log may give the time of the change).
     */
    private static LocalDate date(Source source, String field, String text) throws FieldError {
        LocalDate date = dateOrNull(source, text);
        if (date == null) {
            Matcher m = DATE_AND_TIME.matcher(text);
            if (m.matches() && timeOf(m) != null) {
                date = dateOrNull(source, m.group(1));
            }
        }
        if (date == null) {
            throw new FieldError(field, text, "unparseable date '" + text + "' in " + field + dateFormatsHint(source));
        }
        return date;
    }

    private static LocalDate dateOrNull(Source source, String text) {
        if (source.isoDatesFirst() && IsoText.isDate(text)) {
            try {
                return IsoText.date(text);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return dateOrNull(source.dateFormats(), text);
    }

    private static LocalDate dateOrNull(List<DateTimeFormatter> formats, String text) {
        for (DateTimeFormatter format : formats) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }

    /** Where the formats a date may take are set: a new export's way of writing dates goes there. */
    private static String dateFormatsHint(Source source) {
        Path file = source.definedIn() == null ? null : source.definedIn().getFileName();
        return " (no such date, or not in a format listed under date-formats in " + (file == null ? "the source's mapping" : file)
                + ")";
    }

    /** The time of a {@link #DATE_AND_TIME} match, or null when it is no time of day. */
    private static LocalTime timeOf(Matcher m) {
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int nanos = m.group(5) == null ? 0 : Integer.parseInt((m.group(5) + "00000000").substring(0, 9));
        return hour < 24 && minute < 60 && second < 60 ? LocalTime.of(hour, minute, second, nanos) : null;
    }

    private static LocalDateTime dateTime(Source source, String field, String text) throws FieldError {
        if (source.isoDateTimesFirst() && IsoText.isDateTime(text)) {
            try {
                return IsoText.dateTime(text);
            } catch (java.time.DateTimeException e) {
                throw new FieldError(field, text, "unparseable date and time '" + text + "' in " + field);
            }
        }
        for (DateTimeFormatter format : source.datetimeFormats()) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException ignored) {
            // not ISO either
        }
        // a date in any of the source's date formats and a time of day, one or two digits to the
        // hour (2026/11/23 9:05:33) as the date formats take one or two to the month and day
        Matcher m = DATE_AND_TIME.matcher(text);
        if (m.matches()) {
            LocalTime time = timeOf(m);
            LocalDate date = time == null ? null : dateOrNull(source, m.group(1));
            if (date != null) {
                return date.atTime(time);
            }
        }
        throw new FieldError(field, text, "unparseable date and time '" + text + "' in " + field);
    }

    private static String time(String field, String text) throws FieldError {
        if (IsoText.isTime(text)) {
            return text; // HH:mm as stored; range checked by isTime
        }
        Matcher m = TIME.matcher(text);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute).toString();
            }
        }
        throw new FieldError(field, text, "unparseable time '" + text + "' in " + field + " (expected HH:mm)");
    }

    private static LocalDate month(Source source, String field, String text) throws FieldError {
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return YearMonth.of(Integer.parseInt(m.group(1)), month).atDay(1);
            }
        }
        try {
            return date(source, field, text).withDayOfMonth(1);
        } catch (FieldError e) {
            throw new FieldError(field, text, "unparseable month '" + text + "' in " + field + " (expected yyyy-MM)");
        }
    }

    static BigDecimal money(String field, String text) throws FieldError {
        String number = text.startsWith("¥") || text.startsWith("￥") ? trim(text.substring(1)) : text;
        BigDecimal amount = NumberText.parse(field, number, "number");
        if (amount.signum() < 0) {
            throw new FieldError(field, text, "negative amount " + text + " in " + field);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new FieldError(field, text, "amount " + text + " in " + field + " has more than 2 decimals");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new FieldError(field, text, "amount " + text + " in " + field
                    + " exceeds the largest amount that can be stored (9,999,999,999,999,999.99)");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Integer count(String field, String text) throws FieldError {
        BigDecimal value = NumberText.parse(field, text, "number");
        if (value.signum() < 0) {
            throw new FieldError(field, text, "negative count " + text + " in " + field);
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new FieldError(field, text, "unparseable number '" + text + "' in " + field + " (expected a whole number)");
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new FieldError(field, text, "count " + text + " in " + field
                    + " exceeds the largest count that can be stored (2,147,483,647)");
        }
        return value.intValueExact();
    }

    /**
     * A fraction (0.25) or a number with its sign (25%). Without the sign, 25 and even 1 may be
     * meant in percent (is 1 one percent or all of it?): refused rather than guessed. Kept to six
     * decimals, as the column is: finer digits (Excel's 1/3) mean nothing for a share.
     */
    private static BigDecimal percent(String field, String text) throws FieldError {
        boolean percentSign = text.endsWith("%");
        BigDecimal value = NumberText.parse(field, percentSign ? trim(text.substring(0, text.length() - 1)) : text, "percentage");
        if (percentSign) {
            value = value.movePointLeft(2);
        } else if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new FieldError(field, text, "ambiguous percentage " + text + " in " + field + ": write "
                    + text + "% or a fraction such as " + value.movePointLeft(2).toPlainString());
        } else if (value.compareTo(BigDecimal.ONE) == 0) {
            throw new FieldError(field, text, "ambiguous percentage " + text + " in " + field + ": write 1% or 100%");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new FieldError(field, text, "percentage " + text + " in " + field + " is outside 0-100%");
        }
        return value.scale() > PERCENT_SCALE ? value.setScale(PERCENT_SCALE, RoundingMode.HALF_UP) : value;
    }

    private static Boolean yesNo(String field, String text) throws FieldError {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "是", "有效", "√" -> Boolean.TRUE;
            case "no", "n", "false", "0", "否", "无效", "×" -> Boolean.FALSE;
            default -> throw new FieldError(field, text, "unparseable yes/no '" + text + "' in " + field);
        };
    }

    private static String code(FieldSpec spec, String text) throws FieldError {
        if (Vocabularies.isCode(spec.vocabulary(), text)) {
            return text;
        }
        String code = Vocabularies.lookup(spec.vocabulary(), text);
        if (code == null) {
            throw new FieldError(spec.name(), text, "unmapped " + spec.name().replace('_', ' ') + " '" + text
                    + "': add it under values." + spec.name() + " in the source's mapping file");
        }
        return code;
    }
}
