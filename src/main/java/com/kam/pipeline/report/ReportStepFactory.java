package com.kam.pipeline.report;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the chunk step of one report type: candidates streamed from a cursor, each rendered (on
 * {@code threads} threads at once when more than one), the PDFs recorded in report_archive.
 */
@Component
public class ReportStepFactory {

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final EntityReports reports;
    private final ReportArchive archive;
    private final ReportProperties properties;

    private final ScorecardContent scorecards;

    ReportStepFactory(JobRepository repository, PlatformTransactionManager transactions, DataSource dataSource,
                      EntityReports reports, ReportArchive archive, ReportProperties properties, ScorecardContent scorecards) {
        this.scorecards = scorecards;
        this.repository = repository;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.reports = reports;
        this.archive = archive;
        this.properties = properties;
    }

    /** The scorecard step on its own, for the benchmark: the same reader, renderer and writer as the job's. */
    public Step scorecardStep(String name, int threads) {
        return step(name, scorecards, threads);
    }

    Step step(String name, ReportContent content, int threads) {
        EntityReader reader = new EntityReader(content, dataSource);
        EntityRenderer renderer = new EntityRenderer(content, reports, reader);
        ChunkOrientedStepBuilder<ReportEntity, List<ArchivedReport>> step = new StepBuilder(name, repository)
                .<ReportEntity, List<ArchivedReport>>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(reader)
                .processor(renderer)
                .writer(new ArchiveWriter(archive))
                .listener(reader)
                .listener(renderer);
        if (threads > 1) {
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("report-");
            executor.setConcurrencyLimit(threads);
            step.taskExecutor(executor);
        }
        return step.build();
    }
}
