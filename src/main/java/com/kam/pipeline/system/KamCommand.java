package com.kam.pipeline.system;

import picocli.CommandLine.Command;

/** The {@code kam} command: one verb per job or tool. */
@Command(name = "kam", mixinStandardHelpOptions = true, versionProvider = KamVersion.class,
        description = "Nightly reporting and forecasting pipeline for key-account sales teams.",
        subcommands = {com.kam.pipeline.ingest.IngestCommand.class, com.kam.pipeline.rollup.RollupCommand.class,
                com.kam.pipeline.forecast.ForecastCommand.class, com.kam.pipeline.report.ReportCommand.class,
                com.kam.pipeline.delivery.DeliverCommand.class,
                NightlyCommand.class, BackfillCommand.class, RunsCommand.class, CheckCommand.class, com.kam.pipeline.delivery.ResendCommand.class,
                com.kam.pipeline.forecast.BacktestCommand.class, com.kam.pipeline.forecast.ExtractCommand.class,
                com.kam.pipeline.schedule.ServeCommand.class, com.kam.pipeline.sample.GenerateCommand.class,
                com.kam.pipeline.bench.BenchCommand.class})
public class KamCommand {

    /** Exit codes that cron and CI can act on. */
    public static final int DONE = 0;
    public static final int JOB_FAILED = 1;
    public static final int BAD_USAGE = 2;
}
