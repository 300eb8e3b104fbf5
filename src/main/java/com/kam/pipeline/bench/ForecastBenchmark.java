package com.kam.pipeline.bench;

import com.kam.pipeline.forecast.BacktestCommand;
import com.kam.pipeline.forecast.ForecastJob;
import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kam bench forecast}: writes a generated history (default 1,000 reps, about 600,000 deals
 * from 2025-01 to 2026-11, monthly snapshots) into the configured, empty database, times the
 * forecast job as of the last day, then runs the backtest over the generated year and prints its
 * error table, with the combined forecast's company monthly error against the weighted pipeline's.
 */
@Component
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast job time and backtest errors on a generated history.")
public class ForecastBenchmark implements Callable<Integer> {

    @Option(names = "--reps", defaultValue = "1000")
    int reps;

    @Option(names = "--deals", defaultValue = "600000", description = "deals created over the whole history")
    int deals;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--start", defaultValue = "2025-01-01")
    LocalDate start;

    @Option(names = "--end", defaultValue = "2026-11-01", description = "last snapshot and as-of date of the timed run")
    LocalDate end;

    @Option(names = "--backtest-from", defaultValue = "2026-01")
    String backtestFrom;

    @Option(names = "--backtest-to", defaultValue = "2026-10")
    String backtestTo;

    @Option(names = "--snapshot-days", defaultValue = "0",
            description = "a snapshot every this many days (a nightly export: 1); 0: one a month")
    int snapshotDays;

    @Option(names = "--reuse", description = "keep the history an earlier run generated in this database")
    boolean reuse;

    @Spec
    CommandSpec spec;

    private final JdbcTemplate jdbc;
    private final ForecastJob job;
    private final KamProperties properties;
    private final BacktestCommand backtest;

    public ForecastBenchmark(JdbcTemplate jdbc, ForecastJob job, KamProperties properties, BacktestCommand backtest) {
        this.jdbc = jdbc;
        this.job = job;
        this.properties = properties;
        this.backtest = backtest;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM opportunity_snapshot", Integer.class);
        if (existing != null && existing > 0 && !reuse) {
            spec.commandLine().getErr().println("bench forecast needs an empty database; this one already holds " + existing
                    + " snapshot rows. Point SPRING_DATASOURCE_URL at a new database.");
            return KamCommand.BAD_USAGE;
        }
        List<LocalDate> snapshots = new ArrayList<>();
        for (LocalDate d = start.withDayOfMonth(1); !d.isAfter(end); d = snapshotDays > 0 ? d.plusDays(snapshotDays) : d.plusMonths(1)) {
            snapshots.add(d);
        }
        if (!snapshots.contains(end)) {
            snapshots.add(end);
        }
        if (existing != null && existing > 0) {
            out.printf("reusing the %,d snapshot rows already here%n", existing);
        } else {
            generate(out, snapshots);
        }
        long t1 = System.nanoTime();
        JobExecution execution = job.run(end, true, properties.out());
        out.printf("forecast job as of %s: %s in %.1f s%n", end, execution.getStatus(), (System.nanoTime() - t1) / 1e9);
        out.flush();
        long t2 = System.nanoTime();
        int code = new CommandLine(backtest).setOut(out).setErr(spec.commandLine().getErr())
                .execute("--from", backtestFrom, "--to", backtestTo);
        out.printf("backtest %s..%s: %.1f s%n", backtestFrom, backtestTo, (System.nanoTime() - t2) / 1e9);
        if (code == KamCommand.DONE) {
            // the calibration learned on the first half of the months, tried on the second half
            java.time.YearMonth first = java.time.YearMonth.parse(backtestFrom);
            java.time.YearMonth last = java.time.YearMonth.parse(backtestTo);
            java.time.YearMonth learnedTo = first.plusMonths(first.until(last, java.time.temporal.ChronoUnit.MONTHS) / 2);
            out.printf("P10-P90 coverage out of sample: calibration learned on %s..%s, applied to %s..%s (goal about 80%%);"
                    + " as computed -> calibrated, factor, forecasts%n", first, learnedTo, learnedTo.plusMonths(1), last);
            com.kam.pipeline.forecast.RangeCalibrationCheck.outOfSample(jdbc, first.atDay(1), learnedTo.atDay(1),
                    learnedTo.plusMonths(1).atDay(1), last.atDay(1)).forEach(out::println);
        }
        out.flush();
        return code;
    }

    private void generate(PrintWriter out, List<LocalDate> snapshots) {
        long t0 = System.nanoTime();
        PipelineHistoryGenerator.Counts counts = new PipelineHistoryGenerator(jdbc)
                .generate(new PipelineHistoryGenerator.Options(reps, deals, start, end, snapshots, seed));
        double generated = (System.nanoTime() - t0) / 1e9;
        out.printf("generated %,d deals (%,d open and %,d closed on %s), %,d snapshot rows in %d snapshots, %,d stage changes: %.1f s%n",
                counts.deals(), counts.openAtEnd(), counts.closedByEnd(), end, counts.snapshotRows(), snapshots.size(),
                counts.stageChanges(), generated);
        out.flush();
    }
}
