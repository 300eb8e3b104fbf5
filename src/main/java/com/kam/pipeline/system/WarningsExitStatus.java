package com.kam.pipeline.system;

import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Ends a completed job whose steps left warnings in its context (under {@link #KEY}, one a line)
 * with the exit code {@link JobRunner#COMPLETED_WITH_WARNINGS} and the warnings as its
 * description, which {@code kam runs}, the nightly flow and the schedule show; its status stays
 * COMPLETED, so nothing runs again for them.
 */
public final class WarningsExitStatus implements JobExecutionListener {

    /** Job execution context key of a run's warnings, one a line. */
    public static final String KEY = "warnings";

    /** Leaves the warnings in the job's context, for the end of the job. */
    public static void leave(JobExecution execution, List<String> warnings) {
        execution.getExecutionContext().putString(KEY, String.join("\n", warnings));
    }

    @Override
    public void afterJob(JobExecution execution) {
        String warnings = execution.getExecutionContext().getString(KEY, "");
        if (execution.getStatus() == BatchStatus.COMPLETED && !warnings.isEmpty()) {
            execution.setExitStatus(new ExitStatus(JobRunner.COMPLETED_WITH_WARNINGS, warnings));
        }
    }
}
