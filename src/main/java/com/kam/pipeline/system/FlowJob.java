package com.kam.pipeline.system;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * How a feature runs its job inside a flow when starting the Spring Batch job with the business
 * date, the folders and the schedule's parameters is not enough (the ingest checks its mapping
 * files and prints a per-source summary; the report job works out which reports are due). A
 * job without one is started directly by {@link NightlyFlow}.
 */
public interface FlowJob {

    /** The job name a flow or schedule lists: ingest, rollup, forecast, report, deliver, or backtest. */
    String jobName();

    /**
     * Checked before a flow that includes this job runs any of its jobs, so that what would stop
     * this job halfway through the night is refused at start; throws {@link ConfigException}.
     */
    default void checkBeforeFlow() {
    }

    /**
     * Runs the job for the date, prints its summary to {@code console} and returns the exit code
     * (0 done or already done, 1 failed, 2 bad configuration).
     *
     * @param parameters the schedule's parameters for this job (e.g. {@code type: WEEKLY}); empty in the nightly flow
     */
    int run(LocalDate date, boolean force, Map<String, String> parameters, Path inbox, Path out, PrintWriter console,
            PrintWriter err) throws Exception;
}
