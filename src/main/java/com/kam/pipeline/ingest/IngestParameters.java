package com.kam.pipeline.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The parameters of one ingest run, read from the job: the business date identifies the run;
 * inbox and output folder may differ per run.
 */
public record IngestParameters(long jobInstanceId, LocalDate businessDate, Path inbox, Path out) {

    public static final String BUSINESS_DATE = "businessDate";
    public static final String INBOX = "inbox";
    public static final String OUT = "out";

    static IngestParameters of(StepExecution step) {
        JobParameters parameters = step.getJobExecution().getJobParameters();
        return new IngestParameters(step.getJobExecution().getJobInstance().getInstanceId(),
                parameters.getLocalDate(BUSINESS_DATE), Path.of(parameters.getString(INBOX)),
                Path.of(parameters.getString(OUT)));
    }
}
