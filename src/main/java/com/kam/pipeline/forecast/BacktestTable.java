package com.kam.pipeline.forecast;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Prints the backtest's error table: per method, each horizon's company and team MAPE, bias and interval coverage. */
final class BacktestTable {

    private static final List<String> HORIZONS = List.of(Horizon.CURRENT_MONTH, Horizon.NEXT_MONTH, Horizon.CURRENT_QUARTER);

    private BacktestTable() {
    }

    static void print(List<Backtest.Error> errors, PrintWriter out) {
        out.println("MAPE = mean |P50 - actual| / actual; bias = mean (P50 - actual) / actual; in P10-P90 = share of actuals inside");
        for (String level : List.of(EntityKey.COMPANY, EntityKey.TEAM, EntityKey.REP)) {
            out.printf("%n%s level%n%-12s", level, "method");
            for (String h : HORIZONS) {
                out.printf(" | %-33s", h);
            }
            out.printf("%n%-12s", "");
            for (int i = 0; i < HORIZONS.size(); i++) {
                out.printf(" | %8s %8s %9s %5s", "MAPE", "bias", "in P10-90", "n");
            }
            out.println();
            for (Method m : Method.values()) {
                out.printf("%-12s", m);
                for (String h : HORIZONS) {
                    Optional<Backtest.Error> e = find(errors, m.name(), h, level);
                    if (e.isPresent()) {
                        out.printf(" | %7.1f%% %+7.1f%% %8.0f%% %5d", e.get().mape() * 100, e.get().bias() * 100,
                                e.get().coverage() * 100, e.get().forecasts());
                    } else {
                        out.printf(" | %33s", "-");
                    }
                }
                out.println();
            }
        }
        out.printf("%nCompany-level MAPE against the weighted pipeline's (lower is better):%n");
        for (String h : HORIZONS) {
            Optional<Backtest.Error> weighted = find(errors, Method.WEIGHTED.name(), h, EntityKey.COMPANY);
            if (weighted.isEmpty() || weighted.get().mape() == 0) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("  %-16s", h));
            for (Method m : Method.values()) {
                find(errors, m.name(), h, EntityKey.COMPANY).ifPresent(e ->
                        line.append(String.format(" %s %.2fx", m, e.mape() / weighted.get().mape())));
            }
            out.println(line);
        }
        out.flush();
    }

    static Optional<Backtest.Error> find(List<Backtest.Error> errors, String method, String horizon, String level) {
        return errors.stream().filter(e -> e.method().equals(method) && e.horizon().equals(horizon)
                && e.entityType().equals(level)).findFirst();
    }
}
