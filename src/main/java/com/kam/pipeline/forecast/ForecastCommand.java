package com.kam.pipeline.forecast;

import com.kam.pipeline.system.BusinessDateOptions;
import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.JobRunner;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kam forecast --date D [--force]}: the funnel and forecasts as of a business date, and the finance extract. */
@Component
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Compute the funnel and the forecasts as of a business date; writes out/<date>/extracts/forecast-<date>.csv|xlsx.")
public class ForecastCommand implements Callable<Integer>, ChangesPipelineData {

    @Mixin
    BusinessDateOptions options;

    @Spec
    CommandSpec spec;

    private final ForecastJob job;
    private final KamProperties properties;
    private final JdbcTemplate jdbc;

    public ForecastCommand(ForecastJob job, KamProperties properties, JdbcTemplate jdbc) {
        this.job = job;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public Integer call() throws Exception {
        return run(job, jdbc, options.date(), options.force, options.out != null ? options.out : properties.out(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Runs the job and prints the company's forecasts; returns the exit code. For {@code nightly} too. */
    public static int run(ForecastJob job, JdbcTemplate jdbc, java.time.LocalDate date, boolean force, Path out, PrintWriter stdout,
                          PrintWriter err) throws Exception {
        try {
            JobExecution execution = job.run(date, force, out);
            stdout.printf("forecast %s: %s%n", date, execution.getStatus());
            Long runId = ForecastJob.runId(execution);
            if (runId != null) {
                jdbc.query("SELECT horizon, method, p10, p50, p90 FROM forecast WHERE run_id = ? AND entity_type = 'COMPANY'"
                        + " ORDER BY horizon, method", rs -> {
                    stdout.printf("  %-16s %-12s P10 %,16.2f  P50 %,16.2f  P90 %,16.2f%n", rs.getString(1), rs.getString(2),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5));
                }, runId);
                stdout.printf("run %d; extract: %s%n", runId, FinanceExtract.defaultFile(out, date, "csv").getParent());
            }
            stdout.flush();
            return JobRunner.succeeded(execution) ? KamCommand.DONE : KamCommand.JOB_FAILED;
        } catch (ForecastConfigException e) {
            err.println("bad forecast settings: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        } catch (JobRunner.AlreadyCompleteException e) {
            stdout.println(e.getMessage());
            return KamCommand.DONE;
        } catch (JobRunner.StillRunningException e) {
            err.println(e.getMessage());
            return KamCommand.JOB_FAILED;
        }
    }
}
