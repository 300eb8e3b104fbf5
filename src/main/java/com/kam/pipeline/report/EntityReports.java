package com.kam.pipeline.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Makes the PDFs of one report about one entity, one per language, from the data its content
 * reader returns; nothing when the entity has nothing to report. Every page carries the page
 * number, the generation time and the data's as-of date from the parameters set here.
 */
@Component
class EntityReports {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportTemplates templates;
    private final PdfRenderer renderer;
    private final com.kam.pipeline.system.KamProperties properties;

    EntityReports(ReportTemplates templates, PdfRenderer renderer, com.kam.pipeline.system.KamProperties properties) {
        this.templates = templates;
        this.renderer = renderer;
        this.properties = properties;
    }

    /** The PDFs written for the entity, or empty when it has nothing to report. */
    Optional<List<ArchivedReport>> make(ReportContent content, ReportEntity entity, ReportRun run) {
        ReportType type = content.type();
        ReportPeriod period = run.period(type);
        LocalDate asOf = period.asOf(run.businessDate());
        Optional<ReportData> data = content.read(entity, period, asOf);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        String generated = properties.now().format(GENERATED);
        // the figures every language's PDF shows, kept with each for the mail that carries it
        ReportHeadline headline = content.headline(data.get());
        List<ArchivedReport> written = new ArrayList<>();
        for (String language : run.languages()) {
            Map<String, Object> parameters = new HashMap<>(data.get().parameters());
            parameters.put("ENTITY_ID", entity.id());
            parameters.put("ENTITY_NAME", entity.name() == null ? entity.id() : entity.name());
            parameters.put("PERIOD_START", period.start().toString());
            parameters.put("PERIOD_END", period.end().toString());
            parameters.put("AS_OF", asOf.toString());
            parameters.put("GENERATED_AT", generated);
            parameters.put(JRParameter.REPORT_LOCALE, ReportTemplates.locale(language));
            parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, templates.labels(language));
            Path file = run.folder(type).resolve(fileName(type, entity, period, language));
            RenderedPdf pdf = renderer.render(templates.template(type), parameters,
                    new JRMapCollectionDataSource(data.get().rows()), file);
            written.add(new ArchivedReport(type, entity, period, language, asOf, run.businessDate(), pdf, headline));
        }
        return Optional.of(written);
    }

    static String fileName(ReportType type, ReportEntity entity, ReportPeriod period, String language) {
        String dates = period.start().equals(period.end()) ? period.start().toString() : period.start() + "_" + period.end();
        String id = entity.id().replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return type.folder() + "_" + entity.type().toLowerCase(java.util.Locale.ROOT) + "-" + id + "_" + dates + "_" + language + ".pdf";
    }
}
