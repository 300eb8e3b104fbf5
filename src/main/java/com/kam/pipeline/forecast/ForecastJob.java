package com.kam.pipeline.forecast;

import com.kam.pipeline.system.JobRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Starts the forecast job for a business date, after checking the settings (a bad file never starts a run). */
@Service
public class ForecastJob {

    private final JobRunner runner;
    private final Job job;
    private final ForecastService service;

    public ForecastJob(JobRunner runner, @Qualifier(ForecastJobConfiguration.JOB_NAME) Job job, ForecastService service) {
        this.runner = runner;
        this.job = job;
        this.service = service;
    }

    public JobExecution run(LocalDate businessDate, boolean force, Path out) throws Exception {
        service.settings();
        return runner.run(job, businessDate, force, Map.of(ForecastJobConfiguration.OUT, out.toString()));
    }

    /** The run a job execution stored, if it got that far. */
    public static Long runId(JobExecution execution) {
        return execution.getExecutionContext().containsKey(ForecastJobConfiguration.RUN_ID)
                ? execution.getExecutionContext().getLong(ForecastJobConfiguration.RUN_ID) : null;
    }
}
