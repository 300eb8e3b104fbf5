package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel as of a date per entity and product line ({@code *} = all): open deals per stage,
 * rates and durations from the closed history, aging, stalled and slipped deals, coverage and
 * velocity. Rows come out ready for {@link ForecastStore} (without the run id).
 */
final class FunnelSnapshot {

    static final String ALL_PRODUCTS = "*";

    record Key(EntityKey entity, String productLine) {
    }

    /** Rows for funnel_stage, funnel_summary and funnel_flagged. */
    record Result(List<Object[]> stages, List<Object[]> summaries, List<Object[]> flagged, Map<Key, FunnelCell> cells) {
    }

    private final ForecastSettings settings;

    FunnelSnapshot(ForecastSettings settings) {
        this.settings = settings;
    }

    Result compute(AsOfData data) {
        LocalDate asOf = data.asOf();
        Map<Key, FunnelCell> cells = new LinkedHashMap<>();
        for (Deal d : data.closed()) {
            for (Key k : keys(d)) {
                addClosed(cells.computeIfAbsent(k, x -> new FunnelCell()), d);
            }
        }
        FunnelCell company = cells.getOrDefault(new Key(EntityKey.ALL, ALL_PRODUCTS), new FunnelCell());
        double[] stalledAfter = new double[FunnelCell.STAGES];
        for (int i = 0; i < FunnelCell.STAGES; i++) {
            stalledAfter[i] = company.daysInStage[i].percentile(settings.stalledPercentile());
        }
        List<Object[]> flagged = new ArrayList<>();
        // coverage of what the pipeline can still close into: next month (quarter) on a month's (quarter's) last day;
        // by the deals' known date, as the same run's forecasts count them (Horizon.firstCloseDay(known, asOf))
        LocalDate known = data.knownOn();
        Horizon[] coverage = {Horizon.openMonth(known, asOf), Horizon.openQuarter(known, asOf)};
        for (Deal d : data.open()) {
            int s = d.openStage().ordinal();
            LocalDate since = d.currentStageSince();
            LocalDate lastChange = d.lastChange() != null && d.lastChange().isAfter(since) ? d.lastChange() : since;
            long quiet = asOf.toEpochDay() - lastChange.toEpochDay();
            boolean stalled = !Double.isNaN(stalledAfter[s]) && quiet > stalledAfter[s];
            // (a deal still open at the end of its expected close date has missed it: see Horizon.firstCloseDay)
            boolean passed = d.expectedClose() != null && d.expectedClose().isBefore(Horizon.firstCloseDay(asOf));
            boolean slipped = passed || d.pushCount() > 0;
            if (stalled) {
                flagged.add(flag(d, "STALLED", since, quiet, (int) stalledAfter[s],
                        "no stage change for " + quiet + " days; " + (int) (settings.stalledPercentile() * 100)
                                + "% of closed deals left " + d.stage() + " within " + (int) stalledAfter[s] + " days"));
            }
            if (slipped) {
                flagged.add(flag(d, "SLIPPED", since, null, null, (passed ? "expected close date " + d.expectedClose()
                        + " has passed" : "expected close date moved") + (d.pushCount() > 0 ? "; pushed " + d.pushCount()
                        + " time(s) since " + d.firstExpectedClose() : "")));
            }
            BigDecimal weighted = d.amount().multiply(settings.probability(d.openStage()));
            for (Key k : keys(d)) {
                FunnelCell c = cells.computeIfAbsent(k, x -> new FunnelCell());
                c.openCount[s]++;
                c.openAmount[s] = c.openAmount[s].add(d.amount());
                c.weightedAmount[s] = c.weightedAmount[s].add(weighted);
                c.stageAgeDays[s] += asOf.toEpochDay() - since.toEpochDay();
                c.createdAgeDays += asOf.toEpochDay() - d.created().toEpochDay();
                c.stalled[s] += stalled ? 1 : 0;
                c.slipped[s] += slipped ? 1 : 0;
                c.stalledDeals += stalled ? 1 : 0;
                c.slippedDeals += slipped ? 1 : 0;
                for (int p = 0; p < coverage.length; p++) {
                    if (coverage[p].dueBy(d.expectedClose(), known, asOf)) {
                        c.dueAmount[p] = c.dueAmount[p].add(d.amount());
                        c.dueWeighted[p] = c.dueWeighted[p].add(weighted);
                    }
                }
            }
        }
        return new Result(stageRows(cells), summaryRows(cells, data), flagged, cells);
    }

    private static List<Key> keys(Deal d) {
        List<Key> keys = new ArrayList<>(8);
        for (EntityKey e : EntityKey.of(d)) {
            keys.add(new Key(e, ALL_PRODUCTS));
            keys.add(new Key(e, d.productLine()));
        }
        return keys;
    }

    private static void addClosed(FunnelCell c, Deal d) {
        c.closed++;
        int reached = d.reachedOrder();
        for (Stage s : Stage.OPEN) {
            if (s.order() > reached) {
                break;
            }
            c.reached[s.ordinal()]++;
            c.won[s.ordinal()] += d.won() ? 1 : 0;
            Integer days = d.daysIn(s);
            if (days != null) {
                c.daysInStage[s.ordinal()].add(days);
            }
        }
        if (d.won()) {
            c.wonDeals++;
            c.wonAmount = c.wonAmount.add(d.amount());
            c.cycleDays.add((int) (d.closed().toEpochDay() - d.created().toEpochDay()));
        }
    }

    private static Object[] flag(Deal d, String flag, LocalDate since, Long quiet, Integer threshold, String reason) {
        return new Object[] {d.id(), flag, d.ownerId(), d.teamCode(), d.regionCode(), d.customerId(), d.name(),
                d.productLine(), d.stage(), d.amount(), Date.valueOf(since), quiet == null ? null : quiet.intValue(), threshold,
                d.expectedClose() == null ? null : Date.valueOf(d.expectedClose()),
                d.firstExpectedClose() == null ? null : Date.valueOf(d.firstExpectedClose()), d.pushCount(), reason};
    }

    private static List<Object[]> stageRows(Map<Key, FunnelCell> cells) {
        List<Object[]> rows = new ArrayList<>();
        cells.forEach((k, c) -> {
            for (Stage s : Stage.OPEN) {
                int i = s.ordinal();
                rows.add(new Object[] {k.entity().type(), k.entity().id(), k.productLine(), s.name(), s.order(),
                        c.openCount[i], Money.of(c.openAmount[i]), Money.of(c.weightedAmount[i]),
                        Money.rate(c.conversion(i)), Money.rate(c.winRate(i)), Money.days(c.daysInStage[i].mean()),
                        Money.days(c.daysInStage[i].median()),
                        c.openCount[i] == 0 ? null : Money.days((double) c.stageAgeDays[i] / c.openCount[i]),
                        c.stalled[i], c.slipped[i]});
            }
        });
        return rows;
    }

    private List<Object[]> summaryRows(Map<Key, FunnelCell> cells, AsOfData data) {
        EntityNames names = new EntityNames(data);
        // coverage of what the pipeline can still close into, as compute() sums the deals due by its end
        Horizon month = Horizon.openMonth(data.knownOn(), data.asOf());
        Horizon quarter = Horizon.openQuarter(data.knownOn(), data.asOf());
        Map<EntityKey, BigDecimal> monthTargets = ForecastCalculator.targets(data, month);
        Map<EntityKey, BigDecimal> quarterTargets = ForecastCalculator.targets(data, quarter);
        Map<EntityKey, BigDecimal[]> wonInPeriods = wonInPeriods(data, month, quarter);
        List<Object[]> rows = new ArrayList<>();
        cells.forEach((k, c) -> {
            BigDecimal open = c.total(c.openAmount);
            BigDecimal weighted = c.total(c.weightedAmount);
            int openDeals = c.openDeals();
            double cycle = c.cycleDays.mean();
            double velocity = openDeals * c.overallWinRate() * c.averageWon() / cycle;
            List<Object> row = new ArrayList<>(List.of(k.entity().type(), k.entity().id()));
            row.add(names.of(k.entity()));
            row.addAll(List.of(k.productLine(), openDeals, Money.of(open), Money.of(weighted), c.closed, c.wonDeals));
            row.add(Money.rate(c.overallWinRate()));
            row.add(Double.isNaN(c.averageWon()) ? null : Money.of(c.averageWon()));
            row.add(Money.days(cycle));
            row.add(Money.days(c.cycleDays.median()));
            row.add(Double.isFinite(velocity) && cycle > 0 ? Money.of(velocity) : null);
            row.add(openDeals == 0 ? null : Money.days((double) c.createdAgeDays / openDeals));
            row.add(c.stalledDeals);
            row.add(c.slippedDeals);
            boolean all = k.productLine().equals(ALL_PRODUCTS);
            BigDecimal[] won = wonInPeriods.getOrDefault(k.entity(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            row.addAll(coverage(all, monthTargets.get(k.entity()), won[0], open, weighted));
            row.addAll(coverage(all, quarterTargets.get(k.entity()), won[1], open, weighted));
            // the period's own coverage: only what is expected to close by its end can cover its target
            row.addAll(dueCoverage(all, monthTargets.get(k.entity()), won[0], c.dueAmount[0], c.dueWeighted[0]));
            row.addAll(dueCoverage(all, quarterTargets.get(k.entity()), won[1], c.dueAmount[1], c.dueWeighted[1]));
            rows.add(row.toArray());
        });
        return rows;
    }

    /**
     * Remaining target = the summed sales_target of the entity's reps for the period minus what
     * was won in the period by the as-of date (per the snapshots), never below zero; coverage is
     * the whole open (or weighted) pipeline over it, whatever the deals' dates, empty when nothing remains.
     */
    private static List<Object> coverage(boolean all, BigDecimal target, BigDecimal won, BigDecimal open, BigDecimal weighted) {
        if (!all || target == null) {
            return nulls(5);
        }
        BigDecimal remaining = remaining(target, won);
        return java.util.Arrays.asList(Money.of(target), Money.of(won), Money.of(remaining), ratio(open, remaining),
                ratio(weighted, remaining));
    }

    /** The pipeline expected to close by the period's end ({@link Horizon#dueBy}), and it (and its weighted amount) over the remaining target. */
    private static List<Object> dueCoverage(boolean all, BigDecimal target, BigDecimal won, BigDecimal due, BigDecimal weighted) {
        if (!all || target == null) {
            return nulls(3);
        }
        BigDecimal remaining = remaining(target, won);
        return java.util.Arrays.asList(Money.of(due), ratio(due, remaining), ratio(weighted, remaining));
    }

    private static BigDecimal remaining(BigDecimal target, BigDecimal won) {
        return target.subtract(won).max(BigDecimal.ZERO);
    }

    private static BigDecimal ratio(BigDecimal amount, BigDecimal remaining) {
        return remaining.signum() == 0 ? null : Money.rate(amount.doubleValue() / remaining.doubleValue());
    }

    private static List<Object> nulls(int n) {
        return java.util.Arrays.asList(new Object[n]);
    }

    /** Won so far in the coverage month [0] and quarter [1], per entity: by the date the deals are known on, as the forecasts' closed_won. */
    static Map<EntityKey, BigDecimal[]> wonInPeriods(AsOfData data, Horizon month, Horizon quarter) {
        Map<EntityKey, BigDecimal[]> won = new HashMap<>();
        for (Deal d : data.closed()) {
            if (!d.won() || d.closed().isAfter(data.knownOn())) {
                continue;
            }
            for (EntityKey e : EntityKey.of(d)) {
                BigDecimal[] w = won.computeIfAbsent(e, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                if (month.includes(d.closed())) {
                    w[0] = w[0].add(d.amount());
                }
                if (quarter.includes(d.closed())) {
                    w[1] = w[1].add(d.amount());
                }
            }
        }
        return won;
    }
}
