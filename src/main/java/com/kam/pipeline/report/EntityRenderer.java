package com.kam.pipeline.report;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Renders an entity's PDFs (safe to call from several threads at once); an entity with nothing to
 * report is filtered out and named in the step's summary.
 */
class EntityRenderer implements ItemProcessor<ReportEntity, List<ArchivedReport>>, StepExecutionListener {

    static final String NOTHING_TO_REPORT = "nothingToReport";
    static final String PDFS = "pdfs";
    private static final Logger log = LoggerFactory.getLogger(EntityRenderer.class);

    private final ReportContent content;
    private final EntityReports reports;
    private final EntityReader reader;
    private final Queue<String> nothing = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pdfs = new AtomicInteger();
    private final AtomicInteger entities = new AtomicInteger();
    private com.kam.pipeline.system.ProgressLine progress;

    EntityRenderer(ReportContent content, EntityReports reports, EntityReader reader) {
        this.content = content;
        this.reports = reports;
        this.reader = reader;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        nothing.clear();
        pdfs.set(0);
        entities.set(0);
        progress = new com.kam.pipeline.system.ProgressLine(log);
    }

    @Override
    public List<ArchivedReport> process(ReportEntity entity) {
        Optional<List<ArchivedReport>> written = reports.make(content, entity, reader.run());
        progress.step(false, "{}: {} entities done, {} PDFs so far", content.type(), entities.incrementAndGet(),
                pdfs.get() + written.map(List::size).orElse(0));
        if (written.isEmpty()) {
            log.debug("{} for {}: nothing to report, no PDF", content.type(), entity.label());
            nothing.add(entity.label());
            return null;
        }
        pdfs.addAndGet(written.get().size());
        return written.get();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putString(NOTHING_TO_REPORT, String.join("; ", nothing));
        stepExecution.getExecutionContext().putInt(PDFS, pdfs.get());
        return stepExecution.getExitStatus();
    }
}
