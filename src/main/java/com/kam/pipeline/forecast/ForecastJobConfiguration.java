package com.kam.pipeline.forecast;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code forecast} job for one business date: compute and store the run (funnel, forecasts,
 * contributors) and measure the forecasts whose period has now closed, then write the finance
 * extract of the run. Keyed by business date through the JobRunner like the other jobs.
 */
@Configuration
class ForecastJobConfiguration {

    static final String JOB_NAME = "forecast";
    static final String OUT = "out";
    static final String RUN_ID = "forecastRunId";

    @Bean(name = JOB_NAME)
    Job forecast(JobRepository repository, PlatformTransactionManager transactions, ForecastService service,
                 ForecastAccuracy accuracy, FinanceExtract extract) {
        return new JobBuilder(JOB_NAME, repository)
                .start(new StepBuilder("forecast-compute", repository).tasklet((contribution, context) -> {
                    StepExecution step = context.getStepContext().getStepExecution();
                    LocalDate asOf = businessDate(step);
                    ForecastService.Outcome outcome = service.run(asOf, ForecastStore.NIGHTLY,
                            step.getJobExecution().getJobInstance().getInstanceId(), service.settings());
                    accuracy.measure(outcome.data(), ForecastStore.NIGHTLY);
                    step.getJobExecution().getExecutionContext().putLong(RUN_ID, outcome.runId());
                    contribution.incrementWriteCount(1);
                    return RepeatStatus.FINISHED;
                }, transactions).build())
                .next(new StepBuilder("forecast-extract", repository).tasklet((contribution, context) -> {
                    StepExecution step = context.getStepContext().getStepExecution();
                    LocalDate asOf = businessDate(step);
                    Path out = Path.of(step.getJobExecution().getJobParameters().getString(OUT));
                    for (String format : new String[] {"csv", "xlsx"}) {
                        extract.write(asOf, format, FinanceExtract.defaultFile(out, asOf, format));
                    }
                    return RepeatStatus.FINISHED;
                }, transactions).build())
                .build();
    }

    private static LocalDate businessDate(StepExecution step) {
        return step.getJobExecution().getJobParameters().getLocalDate(com.kam.pipeline.system.JobRunner.BUSINESS_DATE);
    }
}
