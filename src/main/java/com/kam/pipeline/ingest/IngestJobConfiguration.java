package com.kam.pipeline.ingest;

import com.kam.pipeline.system.KamProperties;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ingest} job for one business date: claim the inbox files and JDBC sources, then
 * for each kind in dependency order load its rows (chunked, restartable) and settle them
 * (replacements, derived tables), then archive the files and write the rejects.
 */
@Configuration
class IngestJobConfiguration {

    static final String JOB_NAME = "ingest";

    @Bean
    Job ingestJob(JobRepository repository, PlatformTransactionManager transactions, Sources sources, IngestLoads loads,
                  JdbcTemplate jdbc, KamProperties properties) {
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, repository)
                .start(new StepBuilder("ingest-claim", repository)
                        .tasklet(new InboxClaimTasklet(sources, loads, properties.ingest()), transactions).build());
        for (InputKind kind : InputKind.values()) {
            job.next(loadStep(kind, repository, transactions, sources, loads, jdbc, properties));
            job.next(new StepBuilder("ingest-settle-" + kind.code(), repository)
                    .tasklet(new LoadSettler(kind, loads, jdbc), transactions).build());
        }
        return job.next(new StepBuilder("ingest-finish", repository)
                        .tasklet(new IngestFinishTasklet(loads, jdbc, sources, properties.jobs()), transactions).build())
                .listener(new com.kam.pipeline.system.WarningsExitStatus())
                .build();
    }

    private static Step loadStep(InputKind kind, JobRepository repository, PlatformTransactionManager transactions,
                                 Sources sources, IngestLoads loads, JdbcTemplate jdbc, KamProperties properties) {
        RowValidator validator = new RowValidator(kind, jdbc, properties);
        LoadRowReader reader = new LoadRowReader(kind, sources, loads, validator);
        return new StepBuilder("ingest-load-" + kind.code(), repository)
                .<CheckedRow, CheckedRow>chunk(properties.ingest().chunkSize())
                .transactionManager(transactions)
                .reader(reader)
                .writer(new LoadWriter(kind, jdbc))
                .listener(validator)
                .listener(reader)
                .build();
    }
}
