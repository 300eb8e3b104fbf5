package com.kam.pipeline.system;

import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a job for a business date. A job instance is keyed by its date, so a completed date
 * runs again only when forced. An execution left "started" by a process that died (kill -9,
 * power loss) is marked failed and restarted from its last committed chunk: the process is known
 * dead when this one holds the pipeline ({@link RunGuard}), or when its machine says so. A run for
 * a date that has not ended in the company's time zone (only ever started on purpose, with
 * {@code --allow-future-date}) is a trial: a job instance of its own, as a forced run's, so that
 * it is never the date's completed run and the real night still runs once the day has ended.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    public static final String BUSINESS_DATE = "businessDate";
    private static final String OWNER = "owner";
    private static final String FORCED_RUN = "forcedRun";
    /**
     * Exit code of a run that completed (status COMPLETED) with warnings on what the night lacks,
     * which are its exit description, one a line (the ingest's: no daily reports, nights never run).
     */
    public static final String COMPLETED_WITH_WARNINGS = "COMPLETED WITH WARNINGS";
    /** Identifying parameter of a trial run, for a date that had not ended when it started (see {@link CompanyClock}). */
    public static final String TRIAL_RUN = "trialRun";

    /** The date was already done and the caller did not force a new run. */
    public static class AlreadyCompleteException extends RuntimeException {
        AlreadyCompleteException(String message) {
            super(message);
        }
    }

    /** Another live process is running the same job for the same date. */
    public static class StillRunningException extends RuntimeException {
        StillRunningException(String message) {
            super(message);
        }
    }

    private final JobOperator operator;
    private final JobRepository repository;
    private final PipelineMetrics metrics;
    private final RunGuard guard;
    private final CompanyClock clock;

    public JobRunner(JobOperator operator, JobRepository repository, PipelineMetrics metrics, RunGuard guard,
                     CompanyClock clock) {
        this.operator = operator;
        this.repository = repository;
        this.metrics = metrics;
        this.guard = guard;
        this.clock = clock;
    }

    public JobExecution run(Job job, LocalDate businessDate, boolean force, Map<String, String> settings) throws Exception {
        return run(job, businessDate, force, settings, Map.of());
    }

    /**
     * As {@link #run(Job, LocalDate, boolean, Map)}, with {@code identifying} parameters that key the
     * instance along with the date (a scheduled weekly report run is not the nightly one).
     */
    public JobExecution run(Job job, LocalDate businessDate, boolean force, Map<String, String> settings,
                            Map<String, String> identifying) throws Exception {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addLocalDate(BUSINESS_DATE, businessDate)
                // who runs it: pid@host, so a later start can tell a dead run from a live one
                .addString(OWNER, ThisProcess.id(), false);
        settings.forEach((name, value) -> builder.addString(name, value, false));
        identifying.forEach((name, value) -> builder.addString(name, value, true));
        if (force) {
            builder.addLong(FORCED_RUN, System.currentTimeMillis());
        }
        if (!clock.hasEnded(businessDate)) {
            builder.addLong(TRIAL_RUN, System.currentTimeMillis());
        }
        JobParameters parameters = builder.toJobParameters();
        JobExecution last = repository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus().isRunning()) {
            recoverIfOwnerIsGone(last);
        }
        try {
            JobExecution execution = operator.start(job, parameters);
            metrics.jobFinished(execution);
            // a failure that explains itself, in its one line (Spring Batch's report of it is left out: ExplainedFailureLog)
            execution.getAllFailureExceptions().stream().map(ExplainedFailure::in).flatMap(java.util.Optional::stream).distinct()
                    .forEach(failure -> log.error("{} {} failed: {}", job.getName(), businessDate, failure.getMessage()));
            return execution;
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new AlreadyCompleteException(job.getName() + (identifying.isEmpty() ? "" : " " + identifying) + " for "
                    + businessDate + " has already completed; use --force to run it again");
        }
    }

    private void recoverIfOwnerIsGone(JobExecution execution) {
        String owner = execution.getJobParameters().getString(OWNER);
        // holding the pipeline proves the owner gone, wherever it ran; without it, ask the machine
        if (!guard.heldHere() && owner != null && isAlive(owner)) {
            throw new StillRunningException(execution.getJobInstance().getJobName() + " for this date is running in process "
                    + owner + "; wait for it to finish");
        }
        log.warn("{} execution {} was left {} by process {}, which is gone; marking it failed and restarting",
                execution.getJobInstance().getJobName(), execution.getId(), execution.getStatus(), owner);
        operator.recover(execution);
    }

    /** Whether the owner (pid@host) may still run: assumed so unless known to have ended, rather than run twice. */
    private static boolean isAlive(String owner) {
        String[] parts = owner.split("@", 2);
        return parts.length < 2 || !ThisProcess.ended(Long.parseLong(parts[0]), parts[1]);
    }

    /** The warnings a completed run ended with (see {@link #COMPLETED_WITH_WARNINGS}); none for a clean one. */
    public static java.util.List<String> warnings(JobExecution execution) {
        return warnings(execution.getExitStatus().getExitCode(), execution.getExitStatus().getExitDescription());
    }

    /** The warnings of a run by its stored exit code and description. */
    public static java.util.List<String> warnings(String exitCode, String exitDescription) {
        return COMPLETED_WITH_WARNINGS.equals(exitCode) && exitDescription != null
                ? exitDescription.lines().filter(line -> !line.isBlank()).toList() : java.util.List.of();
    }

    public static boolean succeeded(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED;
    }
}
