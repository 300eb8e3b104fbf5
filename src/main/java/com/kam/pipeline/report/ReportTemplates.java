package com.kam.pipeline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import org.springframework.stereotype.Component;

/**
 * The compiled templates and label bundles of one run. {@link #load} compiles every JRXML in the
 * templates folder and reads the bundles once; a template that does not compile stops the run
 * before any PDF is written, naming the file.
 */
@Component
public class ReportTemplates {

    private final ReportProperties properties;
    private volatile Map<String, JasperReport> compiled = Map.of();
    private volatile Map<String, ResourceBundle> bundles = Map.of();

    public ReportTemplates(ReportProperties properties) {
        this.properties = properties;
    }

    /**
     * Whether the folder and every report's template are there, without compiling them (the
     * {@code check} command and each report run compile them): a night whose reports could not be
     * rendered is refused before it ingests anything.
     */
    void checkPresent() {
        String missing = missing();
        if (missing != null) {
            throw new com.kam.pipeline.system.ConfigException(properties.templates().toAbsolutePath(), 0, missing);
        }
    }

    /** What of the templates folder is missing, or null. */
    private String missing() {
        Path folder = properties.templates();
        if (!Files.isDirectory(folder)) {
            return "the report templates folder does not exist; run kam in the folder that holds report-templates/,"
                    + " or set kam.report.templates (KAM_REPORT_TEMPLATES) to where they are";
        }
        for (ReportType type : ReportType.values()) {
            if (!Files.isRegularFile(folder.resolve(type.template()))) {
                return "report template " + type.template() + " is missing";
            }
        }
        return null;
    }

    /** Compiles all templates and reads the bundles of the given languages, replacing what an earlier run cached. */
    public synchronized void load(Iterable<String> languages) {
        Path folder = properties.templates();
        String missing = missing();
        if (missing != null) {
            throw new ReportTemplateException(folder.toAbsolutePath() + ": " + missing, null);
        }
        Map<String, JasperReport> reports = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().toList()) {
                reports.put(file.getFileName().toString(), compile(file));
            }
        } catch (IOException e) {
            throw new ReportTemplateException("cannot list report templates in " + folder + ": " + e.getMessage(), e);
        }
        Map<String, ResourceBundle> labels = new HashMap<>();
        for (String language : languages) {
            labels.put(language, bundle(folder.resolve("i18n").resolve("report_" + language + ".properties")));
        }
        compiled = Map.copyOf(reports);
        bundles = Map.copyOf(labels);
    }

    public JasperReport template(ReportType type) {
        JasperReport report = compiled.get(type.template());
        if (report == null) {
            throw new IllegalStateException("templates not loaded: call load() at the start of the run");
        }
        return report;
    }

    public ResourceBundle labels(String language) {
        ResourceBundle bundle = bundles.get(language);
        if (bundle == null) {
            throw new IllegalStateException("no labels loaded for language " + language);
        }
        return bundle;
    }

    public static Locale locale(String language) {
        return "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(language);
    }

    private static JasperReport compile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JasperCompileManager.compileReport(in);
        } catch (JRException | IOException | RuntimeException e) {
            throw new ReportTemplateException("report template " + file + " does not compile: " + rootMessage(e), e);
        }
    }

    private static ResourceBundle bundle(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReportTemplateException("report labels " + file + " are missing (one bundle per language in"
                    + " kam.report.languages or in org_assignment)", null);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new PropertyResourceBundle(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReportTemplateException("report labels " + file + " cannot be read as UTF-8 properties: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            e = cause;
            cause = cause.getCause();
        }
        return message.toString();
    }
}
