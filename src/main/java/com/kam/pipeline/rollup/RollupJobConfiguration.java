package com.kam.pipeline.rollup;

import com.kam.pipeline.system.JobRunner;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code rollup} job for one business date: one step, in one transaction, so that a
 * failed run leaves the figures of the previous run in place and a rerun starts clean.
 */
@Configuration
class RollupJobConfiguration {

    static final String JOB_NAME = "rollup";
    /** Job parameter (not identifying): "true" for a full recompute. */
    static final String FULL = "full";
    /** Job parameter (not identifying): "true" to score closed months' appraisals with appraisal.yml as it is. */
    static final String RESTATE_APPRAISALS = "restate-appraisals";
    /** Job execution context key of the run's summary, which the nightly flow prints. */
    static final String SUMMARY = com.kam.pipeline.system.NightlyFlow.SUMMARY;

    @Bean
    Job rollupJob(JobRepository repository, PlatformTransactionManager transactions, RollupService service,
                  org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new JobBuilder(JOB_NAME, repository)
                .start(new StepBuilder("rollup-figures", repository).tasklet((contribution, chunk) -> {
                    var execution = chunk.getStepContext().getStepExecution();
                    var parameters = execution.getJobParameters();
                    java.time.LocalDate asOf = parameters.getLocalDate(JobRunner.BUSINESS_DATE);
                    RollupService.Result result = service.run(asOf, "true".equals(parameters.getString(FULL)),
                            "true".equals(parameters.getString(RESTATE_APPRAISALS)));
                    contribution.incrementWriteCount(result.rows());
                    execution.getJobExecution().getExecutionContext().putString(SUMMARY, result.format() + System.lineSeparator()
                            + ReportsDrawnEarlier.notice(ReportsDrawnEarlier.of(jdbc, result, asOf)));
                    return RepeatStatus.FINISHED;
                }, transactions).build())
                .build();
    }
}
