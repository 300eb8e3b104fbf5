package com.kam.pipeline.system;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs jobs for a business date one after another, each later one depending on the earlier:
 * the nightly flow (ingest, rollup, forecast, report, deliver) or a schedule's list. A job not in
 * this build is skipped with a line saying so; a completed one is skipped unless forced; the
 * first failure stops the rest. A job with a {@link FlowJob} bean is run through it (the ingest,
 * the report job); any other is started here with the {@code inbox} and {@code out} folders as
 * settings and the step's parameters as identifying parameters, and a String it leaves under
 * {@link #SUMMARY} in its execution context is printed. A flow whose jobs completed with warnings
 * (the ingest's: a working day without daily reports, nights that never ran) ends with them, so
 * that the last lines of the night say it. A flow for a date that has not ended (only started on
 * purpose, {@code --allow-future-date}) is a trial: its runs are not the date's (see
 * {@link JobRunner}) and it mails nothing.
 */
@Component
public class NightlyFlow {

    private static final Logger log = LoggerFactory.getLogger(NightlyFlow.class);

    /** The night, in dependency order (Spring Batch job names). */
    public static final List<String> NIGHT = List.of("ingest", "rollup", "forecast", "report", "deliver");
    /** The jobs a schedule may list: the night's, and the backtest that keeps the forecast ranges calibrated. */
    public static final List<String> SCHEDULABLE = java.util.stream.Stream.concat(NIGHT.stream(), java.util.stream.Stream.of("backtest"))
            .toList();
    /** Job execution context key of a job's printable summary. */
    public static final String SUMMARY = "summary";

    /** One job of a flow, with the parameters that key its instance along with the date. */
    public record Step(String job, Map<String, String> parameters) {
        public static Step of(String job) {
            return new Step(job, Map.of());
        }
    }

    private final ObjectProvider<Job> jobs;
    private final ObjectProvider<FlowJob> flowJobs;
    private final ObjectProvider<ConfigurationCheck> checks;
    private final JobRunner runner;
    private final CompanyClock clock;
    private final JdbcTemplate jdbc;

    public NightlyFlow(ObjectProvider<Job> jobs, ObjectProvider<FlowJob> flowJobs, ObjectProvider<ConfigurationCheck> checks,
                       JobRunner runner, CompanyClock clock, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.flowJobs = flowJobs;
        this.checks = checks;
        this.runner = runner;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The whole night for a date; returns the exit code (0 done, 1 a job failed, 2 bad configuration). */
    public int night(LocalDate date, boolean force, Path inbox, Path out, PrintWriter console, PrintWriter err) {
        return run(NIGHT.stream().map(Step::of).toList(), date, force, inbox, out, console, err);
    }

    /** Checks every configuration file under jobs/; throws {@link ConfigException} for a bad one. */
    public void checkConfiguration() {
        checks.orderedStream().forEach(ConfigurationCheck::check);
    }

    public int run(List<Step> steps, LocalDate date, boolean force, Path inbox, Path out, PrintWriter console, PrintWriter err) {
        Map<String, FlowJob> adapters = new LinkedHashMap<>();
        flowJobs.orderedStream().forEach(adapter -> adapters.putIfAbsent(adapter.jobName(), adapter));
        try {
            checkConfiguration();
            steps.stream().map(step -> adapters.get(step.job())).filter(java.util.Objects::nonNull).distinct()
                    .forEach(FlowJob::checkBeforeFlow);
        } catch (com.kam.pipeline.system.ConfigException e) {
            err.println("bad configuration: " + e.getMessage());
            err.flush();
            return KamCommand.BAD_USAGE;
        }
        Map<String, Job> byName = new LinkedHashMap<>();
        jobs.orderedStream().forEach(job -> byName.putIfAbsent(job.getName(), job));
        boolean trial = !clock.hasEnded(date);
        if (trial) {
            console.printf("%s has not ended (%s): a trial, whose runs are not recorded as the night of %s, which still runs"
                    + " once the day has ended; it mails nothing%n", date, clock.zone(), date);
        }
        for (Step step : steps) {
            Job job = byName.get(step.job());
            FlowJob adapter = adapters.get(step.job());
            int code;
            if (trial && step.job().equals("deliver")) {
                console.printf("deliver %s: not run: a trial mails nothing (its reports are in %s)%n", date,
                        out.resolve(date.toString()).resolve("reports"));
                code = KamCommand.DONE;
            } else if (job == null && adapter == null) {
                log.debug("{} {}: no such job in this build; skipped", step.job(), date);
                console.printf("%s %s: not in this build, skipped%n", step.job(), date);
                code = KamCommand.DONE;
            } else if (adapter != null) {
                code = runAdapter(adapter, step, date, force, inbox, out, console, err);
            } else {
                code = runJob(job, step, date, force, inbox, out, console, err);
            }
            console.flush();
            if (code != KamCommand.DONE) {
                int later = steps.size() - steps.indexOf(step) - 1;
                if (later > 0) {
                    console.printf("%s %s failed: the %d later job(s) of the flow were not run%n", step.job(), date, later);
                }
                console.flush();
                return code;
            }
        }
        List<String> warnings = warnings(steps, date);
        if (!warnings.isEmpty()) {
            console.printf("night of %s completed with %d warning(s):%n", date, warnings.size());
            warnings.forEach(warning -> console.printf("  WARN: %s%n", warning));
            console.flush();
        }
        return KamCommand.DONE;
    }

    /**
     * The warnings the latest runs of the steps' jobs for the date ended with (see
     * {@link JobRunner#COMPLETED_WITH_WARNINGS}), in the steps' order: a run skipped as completed
     * still has them.
     */
    public List<String> warnings(List<Step> steps, LocalDate date) {
        List<String> warnings = new java.util.ArrayList<>();
        steps.stream().map(Step::job).distinct().forEach(job -> jdbc.query("""
                SELECT e.EXIT_CODE, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = ?
                WHERE i.JOB_NAME = ? AND p.PARAMETER_VALUE = ?
                ORDER BY e.JOB_EXECUTION_ID DESC LIMIT 1""", rs -> {
            warnings.addAll(JobRunner.warnings(rs.getString(1), rs.getString(2)));
        }, JobRunner.BUSINESS_DATE, job, date.toString()));
        return warnings;
    }

    private static int runAdapter(FlowJob adapter, Step step, LocalDate date, boolean force, Path inbox, Path out,
                                  PrintWriter console, PrintWriter err) {
        try {
            return adapter.run(date, force, step.parameters(), inbox, out, console, err);
        } catch (JobRunner.AlreadyCompleteException e) {
            console.println(e.getMessage());
            return KamCommand.DONE;
        } catch (com.kam.pipeline.system.ConfigException e) {
            err.println("bad configuration: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        } catch (Exception e) {
            log.error("{} {} failed", step.job(), date, e);
            err.println(step.job() + " " + date + " failed: " + e.getMessage());
            return KamCommand.JOB_FAILED;
        } finally {
            err.flush();
        }
    }

    private int runJob(Job job, Step step, LocalDate date, boolean force, Path inbox, Path out, PrintWriter console,
                       PrintWriter err) {
        String label = step.job() + (step.parameters().isEmpty() ? "" : " " + step.parameters()) + " " + date;
        try {
            JobExecution execution = runner.run(job, date, force,
                    Map.of("inbox", inbox.toString(), "out", out.toString()), step.parameters());
            Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                    : Duration.between(execution.getStartTime(), execution.getEndTime());
            console.printf("%s: %s (%.1f s)%n", label, execution.getStatus(), took.toMillis() / 1000.0);
            String summary = execution.getExecutionContext().getString(SUMMARY, "");
            console.print(summary);
            if (!JobRunner.succeeded(execution)) {
                String reason = execution.getExitStatus().getExitDescription();
                if (summary.isEmpty() && reason != null && !reason.isBlank()) {
                    err.println(label + ": " + reason.lines().findFirst().orElse(""));
                }
                return KamCommand.JOB_FAILED;
            }
            return KamCommand.DONE;
        } catch (JobRunner.AlreadyCompleteException e) {
            console.println(e.getMessage());
            return KamCommand.DONE;
        } catch (com.kam.pipeline.system.ConfigException e) {
            err.println("bad configuration: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        } catch (Exception e) {
            log.error("{} failed", label, e);
            err.println(label + " failed: " + e.getMessage());
            return KamCommand.JOB_FAILED;
        } finally {
            err.flush();
        }
    }
}
