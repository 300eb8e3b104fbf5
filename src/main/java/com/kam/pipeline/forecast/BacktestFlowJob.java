package com.kam.pipeline.forecast;

import com.kam.pipeline.system.FlowJob;
import com.kam.pipeline.system.KamCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The backtest as a scheduled job (the shipped monthly schedule, after the month's reports): it
 * replays the {@code months} (12 unless the schedule says otherwise) month starts up to the
 * business date's month and prints the error table; with {@code calibrate: true}, as the shipped
 * schedule has it, it stores the range calibration the nightly forecasts apply
 * ({@link RangeCalibration}), so that the calibration follows the company. Left out, it does not,
 * as {@code kam backtest} without {@code --calibrate}: one rule, said where it is run.
 */
@Component
class BacktestFlowJob implements FlowJob {

    static final int DEFAULT_MONTHS = 12;

    private final Backtest backtest;

    BacktestFlowJob(Backtest backtest) {
        this.backtest = backtest;
    }

    @Override
    public String jobName() {
        return "backtest";
    }

    @Override
    public int run(LocalDate date, boolean force, Map<String, String> parameters, Path inbox, Path out, PrintWriter console,
                   PrintWriter err) {
        int months;
        try {
            months = Integer.parseInt(parameters.getOrDefault("months", String.valueOf(DEFAULT_MONTHS)).trim());
        } catch (NumberFormatException e) {
            months = 0;
        }
        if (months < 1 || months > 60) {
            err.println("backtest: 'months' must be a whole number of months from 1 to 60, not '" + parameters.get("months") + "'");
            return KamCommand.BAD_USAGE;
        }
        String calibrate = parameters.getOrDefault("calibrate", "false").trim();
        if (!calibrate.equals("true") && !calibrate.equals("false")) {
            err.println("backtest: 'calibrate' must be true or false, not '" + calibrate + "'");
            return KamCommand.BAD_USAGE;
        }
        YearMonth last = YearMonth.from(date);
        YearMonth first = last.minusMonths(months - 1);
        int code = BacktestCommand.run(backtest, first, last, Boolean.parseBoolean(calibrate), console, err);
        if (code == KamCommand.DONE) {
            console.printf("backtest %s..%s: DONE%n", first, last);
        }
        return code;
    }
}
