package com.kam.pipeline.system;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The pipeline's own Micrometer meters, shown by Actuator ({@code /actuator/metrics} under
 * {@code kam serve}): job durations and row counts (recorded by {@link JobRunner} for every
 * job), PDFs rendered (the report job calls {@link #pdfsRendered}) and mails sent or failed.
 */
@Component
public class PipelineMetrics {

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Duration and row counts of a finished job execution, tagged with the job and its status. */
    public void jobFinished(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        String status = execution.getStatus().name();
        if (execution.getStartTime() != null && execution.getEndTime() != null) {
            Timer.builder("kam.job.duration").tag("job", job).tag("status", status).register(registry)
                    .record(Duration.between(execution.getStartTime(), execution.getEndTime()));
        }
        long read = 0;
        long loaded = 0;
        long rejected = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            loaded += step.getWriteCount();
            rejected += step.getFilterCount() + step.getSkipCount();
        }
        registry.counter("kam.job.rows.read", "job", job).increment(read);
        registry.counter("kam.job.rows.loaded", "job", job).increment(loaded);
        registry.counter("kam.job.rows.rejected", "job", job).increment(rejected);
    }

    /** PDFs written by the report job. */
    public void pdfsRendered(String reportType, int count) {
        registry.counter("kam.reports.pdf.rendered", "type", reportType).increment(count);
    }

    public void mailSent(String reportType) {
        registry.counter("kam.mail.sent", "type", reportType).increment();
    }

    public void mailFailed(String reportType) {
        registry.counter("kam.mail.failed", "type", reportType).increment();
    }
}
