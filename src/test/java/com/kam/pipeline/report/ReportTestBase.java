package com.kam.pipeline.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Spring context on a database of the subclass's choosing, holding only the report fixture. */
@SpringBootTest(properties = {"kam.cli.enabled=false", "kam.report.chunk-size=2"})
abstract class ReportTestBase {

    @Autowired
    ReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    @BeforeEach
    void fixture() {
        ReportFixture.empty(jdbc);
        new ReportFixture(jdbc).write();
    }

    /** With -Dkam.test.keep-pdfs=DIR the PDFs of each test are copied there, to look at them. */
    @org.junit.jupiter.api.AfterEach
    void keepPdfs() throws IOException {
        String keep = System.getProperty("kam.test.keep-pdfs");
        if (keep == null || !java.nio.file.Files.isDirectory(out)) {
            return;
        }
        try (var files = java.nio.file.Files.walk(out)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
                Path target = Path.of(keep).resolve(out.relativize(file));
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** A PDF as a reader sees it: its text, page count and fonts. */
    record Pdf(String text, int pages, List<PDFont> fonts) {
    }

    /** The text of each page, first page first. */
    static List<String> pageTexts(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    static Pdf open(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            return new Pdf(new PDFTextStripper().getText(document), document.getNumberOfPages(), fonts);
        }
    }
}
