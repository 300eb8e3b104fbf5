package com.kam.pipeline.forecast;

import com.kam.pipeline.system.ChangesPipelineData;
import com.kam.pipeline.system.KamCommand;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kam backtest --from 2026-05 --to 2026-10 [--calibrate]}: replay month-start forecasts and print the error
 * table; with {@code --calibrate} also store the P10-P90 calibration the nightly forecasts apply.
 */
@Component
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Forecast as of each month start using only what was known then, and print the error per method and horizon."
                + " The nightly forecasts' P10-P90 calibration changes only with --calibrate.")
public class BacktestCommand implements Callable<Integer>, ChangesPipelineData {

    @Option(names = "--from", required = true, description = "first month (yyyy-MM)")
    String from;

    @Option(names = "--to", required = true, description = "last month (yyyy-MM)")
    String to;

    // defaultValue: the bean is a singleton, and picocli would otherwise take a value left from an earlier run as the default
    @Option(names = "--calibrate", defaultValue = "false", description = "store this backtest's P10-P90 calibration in place of the one the nightly"
            + " forecasts apply (without it the calibration is printed, not stored)")
    boolean calibrate;

    @Spec
    CommandSpec spec;

    private final Backtest backtest;

    public BacktestCommand(Backtest backtest) {
        this.backtest = backtest;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        YearMonth first;
        YearMonth last;
        try {
            first = YearMonth.parse(from);
            last = YearMonth.parse(to);
        } catch (DateTimeParseException e) {
            err.println("--from and --to are months like 2026-05: " + e.getParsedString());
            return KamCommand.BAD_USAGE;
        }
        if (last.isBefore(first)) {
            err.println("--to " + last + " is before --from " + first);
            return KamCommand.BAD_USAGE;
        }
        return run(backtest, first, last, calibrate, out, err);
    }

    /** Replays the months, prints each month's progress and the error table; returns the exit code. */
    static int run(Backtest backtest, YearMonth first, YearMonth last, boolean calibrate, PrintWriter out, PrintWriter err) {
        try {
            List<Backtest.Error> errors = backtest.run(first, last, calibrate, line -> {
                out.println(line);
                out.flush();
            });
            BacktestTable.print(errors, out);
            return KamCommand.DONE;
        } catch (ForecastConfigException e) {
            err.println("bad forecast settings: " + e.getMessage());
            return KamCommand.BAD_USAGE;
        }
    }
}
