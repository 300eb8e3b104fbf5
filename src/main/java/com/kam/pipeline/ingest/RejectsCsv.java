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
 * UTF-8 with a BOM so that Excel shows the Chinese text, rebuilt from the table each time.
 */
final class RejectsCsv {

    static final String[] HEADER = {"source", "file", "line", "field", "value", "reason", "row"};

    private RejectsCsv() {
    }

    static Path write(JdbcTemplate jdbc, Path folder, String source, List<Long> loadIds) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(source + ".csv");
        String ids = String.join(",", loadIds.stream().map(String::valueOf).toList());
        try (Writer out = bomWriter(file);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER).get())) {
            jdbc.query("SELECT source_name, file_name, line_no, field_name, field_value, reason, raw_row FROM ingest_reject"
                    + " WHERE load_id IN (" + ids + ") ORDER BY load_id, line_no", rs -> {
                try {
                    csv.printRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            CsvCells.neutralise(rs.getString(5)), rs.getString(6), CsvCells.neutralise(rs.getString(7)));
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
