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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
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

    static String fileName(String type, String entityId, LocalDate start, String language) {
        return type.toLowerCase() + "_" + entityId + "_" + start + "_" + language + ".pdf";
    }

    Row add(String type, String entityType, String entityId, LocalDate start, LocalDate end, String language) throws IOException {
        Path file = folder.resolve(fileName(type, entityId, start, language));
        Files.createDirectories(folder);
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText(type + " " + entityType + " " + entityId + " " + start + ".." + end + " " + language);
                text.endText();
            }
            pdf.save(file.toFile());
        }
        byte[] bytes = Files.readAllBytes(file);
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("""
                INSERT INTO report_archive (report_type, entity_type, entity_id, entity_name, period_start, period_end, language,
                    as_of, business_date, file_path, sha256, bytes, pages, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)""",
                type, entityType, entityId, entityId + " 名称", start, end, language, end, businessDate, file.toString(), sha,
                bytes.length, LocalDateTime.now());
        Row row = new Row(type, entityType, entityId, start, end, language, file.getFileName().toString());
        rows.add(row);
        return row;
    }
}
