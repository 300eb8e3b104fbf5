package com.kam.pipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JRTextElement;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import org.springframework.stereotype.Component;

/**
 * Fills a compiled template and writes it as PDF, hashing it on the way out. The file appears
 * complete or not at all (written beside it, then moved), so a crash never leaves half a PDF.
 */
@Component
class PdfRenderer {

    /**
     * Every text of every template that does not fit its box (a long customer or deal name in a
     * column) is cut at the last character that fits and ends with "…", so a cut name never looks
     * complete.
     */
    private static final JasperReportsContext CONTEXT = cutTextEndsWithEllipsis();

    private static JasperReportsContext cutTextEndsWithEllipsis() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        context.setProperty(JRTextElement.PROPERTY_TRUNCATE_AT_CHAR, "true");
        context.setProperty(JRTextElement.PROPERTY_TRUNCATE_SUFFIX, "…");
        return context;
    }

    /**
     * The text of every page, in order, without the generation time printed on them: what a reader
     * of the report sees change when its data does. (Charts are drawn from the figures the pages
     * also print.)
     */
    static String contentHash(JasperPrint print, String generatedAt) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (JRPrintPage page : print.getPages()) {
            hashTexts(page.getElements(), generatedAt, sha);
            sha.update((byte) 12); // a page break moves text between pages
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void hashTexts(List<JRPrintElement> elements, String generatedAt, MessageDigest sha) {
        for (JRPrintElement element : elements) {
            if (element instanceof JRPrintFrame frame) {
                hashTexts(frame.getElements(), generatedAt, sha);
            } else if (element instanceof JRPrintText text && text.getFullText() != null) {
                String shown = generatedAt == null || generatedAt.isEmpty() ? text.getFullText()
                        : text.getFullText().replace(generatedAt, "");
                sha.update(shown.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
    }

    RenderedPdf render(JasperReport template, Map<String, Object> parameters, JRDataSource rows, Path file) {
        try {
            JasperPrint print = JasperFillManager.getInstance(CONTEXT).fill(template, new java.util.HashMap<>(parameters), rows);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
                JRPdfExporter exporter = new JRPdfExporter(CONTEXT);
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(print.getName());
                configuration.setMetadataCreator("kam-pipeline");
                exporter.setConfiguration(configuration);
                exporter.exportReport();
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new RenderedPdf(file, HexFormat.of().formatHex(sha.digest()), Files.size(file), print.getPages().size(),
                    contentHash(print, (String) parameters.get("GENERATED_AT")));
        } catch (JRException | IOException e) {
            throw new IllegalStateException("cannot render " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
