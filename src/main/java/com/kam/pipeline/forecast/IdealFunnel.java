package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seed 003's ideal funnel: for the current month, the next month and the current quarter, how
 * many deals and how much amount each stage needs now to close the remaining target, at the
 * entity's observed stage-to-won rate and average won deal (the company's when the entity has
 * fewer than {@code min-team-history} closed deals), set against the deals in the stage today. Deals
 * needed are a whole number, rounded up ({@link Money#deals}); the amounts stay exact to the cent. A
 * stage whose median time to close (company history) is longer than the days left in the period
 * cannot help and is marked unreachable. On a night without a new snapshot it is made as of the
 * snapshot's date, as the forecasts are ({@link AsOfData#knownOn}): the periods are the as-of date's,
 * the remaining target is their target less what was won up to the snapshot, and the days left are
 * counted from the snapshot's date.
 */
final class IdealFunnel {

    private final ForecastSettings settings;

    IdealFunnel(ForecastSettings settings) {
        this.settings = settings;
    }

    List<Object[]> compute(AsOfData data, Map<FunnelSnapshot.Key, FunnelCell> cells, LearnedConversion learned) {
        // the periods are the as-of date's, as the forecasts'; what is won and the days left are counted from the date
        // the deals are known on (the snapshot's, earlier on a night without one), as the forecasts count them
        List<Horizon> horizons = Horizon.of(data.asOf());
        LocalDate known = data.knownOn();
        FunnelCell company = cells.getOrDefault(new FunnelSnapshot.Key(EntityKey.ALL, FunnelSnapshot.ALL_PRODUCTS),
                new FunnelCell());
        Map<EntityKey, BigDecimal[]> won = FunnelSnapshot.wonInPeriods(data, horizons.get(0), horizons.get(2));
        List<Object[]> rows = new ArrayList<>();
        for (Horizon h : horizons) {
            // the days a deal open at the end of the known date has left to close by the period's end, as the learned
            // timing counts them (from the day after it: Horizon.firstOpenDay)
            long daysLeft = h.end().toEpochDay() - known.toEpochDay();
            Map<EntityKey, BigDecimal> targets = ForecastCalculator.targets(data, h);
            for (Map.Entry<EntityKey, BigDecimal> t : targets.entrySet()) {
                EntityKey e = t.getKey();
                FunnelCell own = cells.get(new FunnelSnapshot.Key(e, FunnelSnapshot.ALL_PRODUCTS));
                FunnelCell basis = own != null && own.closed >= settings.minTeamHistory() ? own : company;
                BigDecimal[] w = won.get(e);
                // won so far in the period: nothing can have been won yet in the next month
                BigDecimal wonSoFar = w == null ? BigDecimal.ZERO : switch (h.name()) {
                    case Horizon.CURRENT_MONTH -> w[0];
                    case Horizon.CURRENT_QUARTER -> w[1];
                    default -> BigDecimal.ZERO;
                };
                BigDecimal remaining = t.getValue().subtract(wonSoFar).max(BigDecimal.ZERO);
                for (Stage s : Stage.OPEN) {
                    int i = s.ordinal();
                    double rate = basis.winRate(i);
                    double average = basis.averageWon();
                    int[] days = learned.company().sorted[i];
                    double median = days.length == 0 ? Double.NaN : days[(days.length - 1) / 2];
                    boolean reachable = Double.isNaN(median) || median <= daysLeft;
                    Double neededAmount = reachable && rate > 0 ? remaining.doubleValue() / rate : null;
                    // deals are whole: the count needed is rounded up, and so is the gap (amounts stay exact)
                    BigDecimal neededCount = neededAmount != null && average > 0 ? Money.deals(neededAmount / average) : null;
                    int actualCount = own == null ? 0 : own.openCount[i];
                    BigDecimal actualAmount = own == null ? BigDecimal.ZERO : own.openAmount[i];
                    rows.add(new Object[] {h.name(), e.type(), e.id(), s.name(), s.order(), Money.of(remaining),
                            Money.rate(rate), reachable,
                            neededCount,
                            neededAmount == null ? null : Money.of(neededAmount),
                            actualCount, Money.of(actualAmount),
                            neededCount == null ? null : neededCount.subtract(BigDecimal.valueOf(actualCount)),
                            neededAmount == null ? null : Money.of(BigDecimal.valueOf(neededAmount).subtract(actualAmount))});
                }
            }
        }
        return rows;
    }
}
