package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BusinessDateOptions;
import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.ConfigException;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamCommand;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kam rollup --date D [--full] [--restate-appraisals]}: recompute the figures touched since the
 * last run, or all of them; with {@code --restate-appraisals}, all of them and the closed months'
 * appraisals with appraisal.yml as it is.
 */
@Component
@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = "Roll the ingested rows up into daily, weekly, monthly figures, the appraisal and warnings.")
public class RollupCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Option(names = "--full", description = "recompute every period, not only those touched since the last run")
    boolean full;

    @Option(names = "--restate-appraisals", description = "recompute every period (as --full) and score the closed months'"
            + " appraisals with jobs/appraisal.yml as it is, not with the settings they were scored with")
    boolean restateAppraisals;

    @Spec
    CommandSpec spec;

    private final JobRunner runner;
    private final Job job;
    private final RollupService service;

    public RollupCommand(JobRunner runner, @Qualifier("rollupJob") Job job, RollupService service) {
        this.runner = runner;
        this.job = job;
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        boolean all = full || restateAppraisals;
        return run(options.date(), options.force || all, all, restateAppraisals, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Runs the job and prints its summary; returns the exit code. */
    public int run(LocalDate date, boolean force, boolean full, PrintWriter out, PrintWriter err) throws Exception {
        return run(date, force, full, false, out, err);
    }

    /** As {@link #run(LocalDate, boolean, boolean, PrintWriter, PrintWriter)}; {@code restateAppraisals} implies {@code full}. */
    public int run(LocalDate date, boolean force, boolean full, boolean restateAppraisals, PrintWriter out, PrintWriter err)
            throws Exception {
        try {
            service.check();
            JobExecution execution = runner.run(job, date, force || restateAppraisals, Map.of(
                    RollupJobConfiguration.FULL, Boolean.toString(full || restateAppraisals),
                    RollupJobConfiguration.RESTATE_APPRAISALS, Boolean.toString(restateAppraisals)));
            String summary = execution.getExecutionContext().getString(RollupJobConfiguration.SUMMARY, "");
            out.printf("rollup %s: %s%n%s", date, execution.getStatus(), summary);
            execution.getAllFailureExceptions().forEach(e -> err.println("rollup failed: " + e));
            out.flush();
            return JobRunner.succeeded(execution) ? KamCommand.DONE : KamCommand.JOB_FAILED;
        } catch (ConfigException e) {
            err.println("bad configuration: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        } catch (JobRunner.AlreadyCompleteException e) {
            out.println(e.getMessage());
            return KamCommand.DONE;
        } catch (JobRunner.StillRunningException e) {
            err.println(e.getMessage());
            return KamCommand.JOB_FAILED;
        }
    }
}
