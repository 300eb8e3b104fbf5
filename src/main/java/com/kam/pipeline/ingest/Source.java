package com.kam.pipeline.ingest;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One configured source, checked: where rows come from, which kind they are, and how the
 * source's headers and values map onto the canonical fields.
 *
 * @param headers   canonical field name to the source's column header
 * @param ignoredColumns columns (lower case) the source has and knows it does not need: no
 *                  header warning or refusal names them
 * @param values    canonical field name to (normalised source value to canonical code)
 * @param charset   null means detect (UTF-8 with or without BOM, else GB18030)
 * @param isoDatesFirst     the first date format is yyyy-MM-dd (the parser's fast path applies)
 * @param isoDateTimesFirst the first date-time format is yyyy-MM-dd HH:mm:ss
 */
public record Source(
        String name,
        InputKind kind,
        SourceType type,
        Path definedIn,
        String filePattern,
        Charset charset,
        char delimiter,
        String sheet,
        List<DateTimeFormatter> dateFormats,
        List<DateTimeFormatter> datetimeFormats,
        Map<String, String> headers,
        java.util.Set<String> ignoredColumns,
        Map<String, Map<String, String>> values,
        JdbcSettings jdbc,
        String sql,
        boolean isoDatesFirst,
        boolean isoDateTimesFirst) {

    private static final LocalDateTime SAMPLE = LocalDateTime.of(2001, 2, 3, 4, 5, 6);

    /** Whether dates are written yyyy-MM-dd first of all, so the parser may take its fast path. */
    static boolean isoDatesFirst(List<DateTimeFormatter> dateFormats) {
        return !dateFormats.isEmpty() && dateFormats.get(0).format(SAMPLE.toLocalDate()).equals("2001-02-03");
    }

    /** Whether date-times are written yyyy-MM-dd HH:mm:ss first of all. */
    static boolean isoDateTimesFirst(List<DateTimeFormatter> datetimeFormats) {
        return !datetimeFormats.isEmpty() && datetimeFormats.get(0).format(SAMPLE).equals("2001-02-03 04:05:06");
    }

    public enum SourceType { CSV, XLSX, JDBC }

    public record JdbcSettings(String url, String username, String password) {
    }

    /** Whether a file in the inbox belongs to this source. */
    public boolean matches(Path file) {
        if (type == SourceType.JDBC) {
            return false;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + filePattern);
        return matcher.matches(file.getFileName());
    }

    String headerFor(String field) {
        return headers.getOrDefault(field, field);
    }
}
