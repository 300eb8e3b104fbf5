package com.kam.pipeline.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rejects of a run's loads of one source to {@code out/<date>/rejects/<source>.csv},
 * UTF-8 with a BOM so that Excel shows the Chinese text, rebuilt from the table each time. A file
 * read again (rows of it wait for later nights, or it is sent again) rejects the same rows again:
 * {@code first_rejected_on} gives the night an earlier load rejected the same line for the same
 * field and value (the reason may name the night), so the list tells new problems from those
 * still waiting for a fix.
 */
final class RejectsCsv {

    static final String[] HEADER = {"source", "file", "line", "field", "value", "reason", "row", "first_rejected_on"};

    private RejectsCsv() {
    }

    static Path write(JdbcTemplate jdbc, Path folder, String source, List<Long> loadIds) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(source + ".csv");
        String ids = String.join(",", loadIds.stream().map(String::valueOf).toList());
        try (Writer out = bomWriter(file);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER).get())) {
            jdbc.query("SELECT r.source_name, r.file_name, r.line_no, r.field_name, r.field_value, r.reason, r.raw_row,"
                    + " (SELECT MIN(l.business_date) FROM ingest_reject e JOIN ingest_load l ON l.id = e.load_id"
                    + " WHERE e.file_name = r.file_name AND e.line_no = r.line_no AND e.source_name = r.source_name"
                    + " AND COALESCE(e.field_name, '') = COALESCE(r.field_name, '')"
                    + " AND COALESCE(e.field_value, '') = COALESCE(r.field_value, '') AND e.load_id < r.load_id)"
                    + " AS first_rejected_on"
                    + " FROM ingest_reject r WHERE r.load_id IN (" + ids + ") ORDER BY r.load_id, r.line_no", rs -> {
                try {
                    java.sql.Date first = rs.getDate(8);
                    csv.printRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            CsvCells.neutralise(rs.getString(5)), rs.getString(6), CsvCells.neutralise(rs.getString(7)),
                            first == null ? "" : first.toLocalDate().toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return file;
    }

    /** A UTF-8 writer that has already written the BOM, before any header. */
    private static Writer bomWriter(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return out;
    }
}
