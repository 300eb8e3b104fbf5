package com.kam.pipeline.report;

import com.kam.pipeline.rollup.RollupSettings;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamProperties;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Runs the report job for a business date: compiles the templates first, then renders what is due. */
@Service
public class ReportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportService.class);

    /** What one run did per report type. */
    public record Result(JobExecution execution, List<TypeSummary> types) {
        public boolean succeeded() {
            return JobRunner.succeeded(execution);
        }

        public String format() {
            StringBuilder text = new StringBuilder();
            for (TypeSummary type : types) {
                text.append(String.format("  %-9s %4d entities, %4d PDFs%n", type.type(), type.entities(), type.pdfs()));
                if (!type.nothingToReport().isBlank()) {
                    text.append("            nothing to report, no PDF: ").append(type.nothingToReport()).append(System.lineSeparator());
                }
            }
            return text.toString();
        }
    }

    /** One report type of a run: entities with PDFs, PDFs written, entities with nothing to report. */
    public record TypeSummary(ReportType type, long entities, int pdfs, String nothingToReport) {
    }

    private final JobRunner runner;
    private final Job job;
    private final ReportTemplates templates;
    private final ReportLanguages languages;

    private final com.kam.pipeline.system.PipelineMetrics metrics;
    private final KamProperties properties;
    private final DigestContent digest;
    private final FunnelFigures funnel;
    private final com.kam.pipeline.rollup.RollupService rollup;

    ReportService(JobRunner runner, @Qualifier("report") Job job, ReportTemplates templates, ReportLanguages languages,
                  com.kam.pipeline.system.PipelineMetrics metrics, KamProperties properties, DigestContent digest,
                  FunnelFigures funnel, com.kam.pipeline.rollup.RollupService rollup) {
        this.rollup = rollup;
        this.digest = digest;
        this.funnel = funnel;
        this.metrics = metrics;
        this.properties = properties;
        this.runner = runner;
        this.job = job;
        this.templates = templates;
        this.languages = languages;
    }

    /**
     * Compiles every template and reads the label bundles of the languages the reports are made
     * in, as a run starts; returns those languages. Throws {@link ReportTemplateException} naming
     * the file that fails.
     */
    public List<String> checkTemplates() {
        List<String> langs = languages.languages();
        templates.load(langs);
        return langs;
    }

    /**
     * Renders the reports due on the date, or only {@code type} (for the period containing the date)
     * when given. Throws {@link ReportRefusedException} when the rollup has no figures of a digest's day, or
     * the forecast's deal detail of a funnel report's date was removed.
     */
    public Result run(LocalDate businessDate, ReportType type, boolean force, Path out) throws Exception {
        List<String> langs = checkTemplates(); // a template that does not compile stops the run here, before any PDF
        // the weekly report covers the rollup's weeks, whatever day they start on
        DayOfWeek weekStart = RollupSettings.load(properties.jobs()).weekStart();
        List<ReportType> types = ReportType.forRun(businessDate, type, weekStart);
        String refusal = types.contains(ReportType.DIGEST) ? digest.refusal(businessDate) : null;
        for (ReportType shown : List.of(ReportType.FUNNEL, ReportType.SCORECARD)) {
            if (refusal == null && types.contains(shown)) {
                refusal = funnel.refusal(businessDate, shown);
            }
        }
        if (refusal != null) {
            throw new ReportRefusedException(refusal); // before the job: no PDF, no archive row
        }
        // a week or month still open: the nights left the figures only its report reads to the report
        if (types.contains(ReportType.WEEKLY)) {
            say(rollup.makeWeekLeft(businessDate));
            say(rollup.makeExpenseWarningsLeft(businessDate));
        }
        if (types.contains(ReportType.SCORECARD)) {
            say(rollup.makeMonthLeft(businessDate));
        }
        JobExecution execution = runner.run(job, businessDate, force, Map.of(
                EntityReader.OUT, out.toString(),
                EntityReader.TYPES, types.stream().map(Enum::name).collect(Collectors.joining(",")),
                EntityReader.LANGUAGES, String.join(",", langs),
                EntityReader.WEEK_START, weekStart.name()),
                // a run of one type (the weekly or monthly schedule) is a job instance of its own,
                // so it neither blocks nor is blocked by the night's run of the same date
                type == null ? Map.of() : Map.of("type", type.name()));
        List<TypeSummary> summaries = new ArrayList<>();
        for (ReportType t : types) {
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStepName().equals(ReportJobConfiguration.stepName(t))) {
                    int pdfs = step.getExecutionContext().getInt(EntityRenderer.PDFS, 0);
                    metrics.pdfsRendered(t.name(), pdfs);
                    summaries.add(new TypeSummary(t, step.getWriteCount(), pdfs,
                            step.getExecutionContext().getString(EntityRenderer.NOTHING_TO_REPORT, "")));
                }
            }
        }
        return new Result(execution, summaries);
    }

    private static void say(String line) {
        if (!line.isEmpty()) {
            log.info(line);
        }
    }
}
