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

/** {@code kam rollup --date D [--full]}: recompute the figures touched since the last run, or all of them. */
@Component
@Command(name = "rollup", mixinStandardHelpOptions = true,
        description = "Roll the ingested rows up into daily, weekly, monthly figures, the appraisal and warnings.")
public class RollupCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Option(names = "--full", description = "recompute every period, not only those touched since the last run")
    boolean full;

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
        return run(options.date(), options.force || full, full, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the job and prints its summary; returns the exit code. */
    public int run(LocalDate date, boolean force, boolean full, PrintWriter out, PrintWriter err) throws Exception {
        try {
            service.check();
            JobExecution execution = runner.run(job, date, force, Map.of(RollupJobConfiguration.FULL, Boolean.toString(full)));
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
