package com.kam.pipeline.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stands in for the report job (built in parallel): writes a small real PDF per report, entity
 * and language and records it in report_archive, as the report job does.
 */
final class ArchiveFixture {

    /** One archived report as the tests expect it. */
    record Row(String reportType, String entityType, String entityId, LocalDate start, LocalDate end, String language,
               String fileName) {
    }

    private final JdbcTemplate jdbc;
    private final Path folder;
    private final LocalDate businessDate;
    final List<Row> rows = new ArrayList<>();

    ArchiveFixture(JdbcTemplate jdbc, Path folder, LocalDate businessDate) {
        this.jdbc = jdbc;
        this.folder = folder;
        this.businessDate = businessDate;
    }

    Path folderFile(String fileName) {
        return folder.resolve(fileName);
    }

    static String fileName(String type, String entityId, LocalDate start, String language) {
        return type.toLowerCase() + "_" + entityId + "_" + start + "_" + language + ".pdf";
    }

    Row add(String type, String entityType, String entityId, LocalDate start, LocalDate end, String language) throws IOException {
        Path file = folder.resolve(fileName(type, entityId, start, language));
        Files.createDirectories(folder);
        String text = type + " " + entityType + " " + entityId + " " + start + ".." + end + " " + language;
        Files.write(file, onePagePdf(text));
        byte[] bytes = Files.readAllBytes(file);
        jdbc.update("""
                INSERT INTO report_archive (report_type, entity_type, entity_id, entity_name, period_start, period_end, language,
                    as_of, business_date, file_path, sha256, bytes, pages, created_at, content_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
                type, entityType, entityId, entityId + " 名称", start, end, language, end, businessDate, file.toString(), sha(bytes),
                bytes.length, LocalDateTime.now(), sha(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Row row = new Row(type, entityType, entityId, start, end, language, file.getFileName().toString());
        rows.add(row);
        return row;
    }

    /**
     * As a forced report run does: the PDF written again, with {@code text} on its page, or, when
     * null, the same text as before (the file still differs: the generation time is on the page).
     */
    void render(Row row, String text) throws IOException {
        Path file = folder.resolve(row.fileName());
        String shown = text != null ? text : row.reportType() + " " + row.entityType() + " " + row.entityId() + " " + row.start()
                + ".." + row.end() + " " + row.language();
        byte[] bytes = onePagePdf(shown + " generated " + System.nanoTime());
        Files.write(file, bytes);
        jdbc.update("""
                UPDATE report_archive SET sha256 = ?, bytes = ?, content_sha256 = ? WHERE report_type = ? AND entity_type = ?
                    AND entity_id = ? AND period_start = ? AND period_end = ? AND language = ?""",
                sha(bytes), bytes.length, sha(shown.getBytes(java.nio.charset.StandardCharsets.UTF_8)), row.reportType(),
                row.entityType(), row.entityId(), row.start(), row.end(), row.language());
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A minimal valid one-page PDF showing {@code text} in Helvetica, written directly: PDFBox's
     * writer looks up a system font for every document, which made 100 small files take seconds.
     * The tests read these files back with PDFBox.
     */
    static byte[] onePagePdf(String text) {
        String stream = "BT /F1 12 Tf 72 700 Td (" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
