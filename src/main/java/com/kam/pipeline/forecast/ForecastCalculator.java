package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes every method's forecast for every horizon and entity from {@link AsOfData}. The periods
 * are those of the as-of date; the deals are known as of the snapshot's date ({@link AsOfData#knownOn},
 * the as-of date when a snapshot came that night), and a period's forecast is what was already won
 * in it by the end of that date plus what the method expects of the days left in it, from
 * {@link Horizon#firstCloseDay(LocalDate, LocalDate)} on: the day after that date, but not before
 * the as-of date's month (none left on the period's last day: the forecast is what was won,
 * P10 = P50 = P90); open deals count in a period by their expected close date
 * ({@link Horizon#counts}: one already past as on the first close day), except for the learned
 * method, which uses the learned time to close instead.
 */
final class ForecastCalculator {

    /** Everything one run computes for the forecasts. */
    record Result(List<ForecastRow> forecasts, List<ContributorRow> contributors) {
    }

    private final ForecastSettings settings;
    private final RangeCalibration calibration;

    ForecastCalculator(ForecastSettings settings, RangeCalibration calibration) {
        this.settings = settings;
        this.calibration = calibration;
    }

    Result calculate(AsOfData data, LearnedConversion learned) {
        LocalDate known = data.knownOn();
        EntityNames names = new EntityNames(data);
        Map<EntityKey, Map<YearMonth, Double>> wonByMonth = wonByMonth(data);
        YearMonth historyStart = wonByMonth.containsKey(EntityKey.ALL)
                ? new java.util.TreeMap<>(wonByMonth.get(EntityKey.ALL)).firstKey() : null;
        List<ForecastRow> rows = new ArrayList<>();
        List<ContributorRow> contributors = new ArrayList<>();
        for (Horizon h : Horizon.of(data.asOf())) {
            Map<EntityKey, PipelineTotals> pipeline = pipeline(data, h, learned);
            Map<EntityKey, BigDecimal> closedWon = closedWon(data, h);
            Map<EntityKey, BigDecimal> targets = targets(data, h);
            Set<EntityKey> entities = new LinkedHashSet<>();
            entities.addAll(pipeline.keySet());
            entities.addAll(closedWon.keySet());
            entities.addAll(targets.keySet());
            entities.addAll(wonByMonth.keySet());
            entities.add(EntityKey.ALL);
            for (EntityKey e : entities) {
                BigDecimal won = closedWon.getOrDefault(e, BigDecimal.ZERO);
                double floor = won.doubleValue();
                PipelineTotals p = pipeline.computeIfAbsent(e, k -> new PipelineTotals(0));
                Map<Method, double[]> q = new EnumMap<>(Method.class);
                BigDecimal weighted50 = won.add(p.weighted);
                q.put(Method.WEIGHTED, spread(floor, weighted50.doubleValue(), Math.sqrt(p.weightedVariance)));
                q.put(Method.LEARNED, spread(floor, floor + p.learned, Math.sqrt(p.learnedVariance)));
                q.put(Method.CATEGORY, new double[] {floor, won.add(p.commit).doubleValue(),
                        won.add(p.commit).add(p.bestCase).doubleValue()});
                double[] series = timeSeries(wonByMonth.get(e), seriesStart(e, historyStart, data), h, known, data.asOf(), floor);
                if (series != null) {
                    q.put(Method.TIME_SERIES, series);
                }
                CombinedForecast.Blend blend = CombinedForecast.blend(q, settings.combinationWeights(), floor);
                q.replaceAll((method, range) -> calibration.apply(method, h.calibratedAs(), e.type(), range, floor));
                String name = names.of(e);
                BigDecimal target = targets.get(e);
                for (Map.Entry<Method, double[]> m : q.entrySet()) {
                    BigDecimal p50 = m.getKey() == Method.WEIGHTED ? Money.of(weighted50)
                            : m.getKey() == Method.CATEGORY ? Money.of(won.add(p.commit)) : Money.of(m.getValue()[1]);
                    BigDecimal p90 = m.getKey() == Method.CATEGORY ? Money.of(won.add(p.commit).add(p.bestCase))
                            : Money.of(m.getValue()[2]);
                    rows.add(new ForecastRow(h, e, name, m.getKey(), Money.of(won), Money.of(m.getValue()[0]), p50, p90, target));
                }
                if (blend != null) {
                    double[] combined = calibration.apply(Method.COMBINED, h.calibratedAs(), e.type(),
                            new double[] {blend.p10(), blend.p50(), blend.p90()}, floor);
                    rows.add(new ForecastRow(h, e, name, Method.COMBINED, Money.of(won), Money.of(combined[0]),
                            Money.of(combined[1]), Money.of(combined[2]), target));
                }
                p.top.forEach((method, top) -> {
                    int rank = 0;
                    for (TopContributors.Entry entry : top.ranked()) {
                        contributors.add(new ContributorRow(h, e, method, ++rank, entry.deal(), Money.of(entry.contribution())));
                    }
                });
            }
        }
        return new Result(rows, contributors);
    }

    /** P10/P50/P90 from an expected value and a standard error (normal), never below what is won. */
    private static double[] spread(double floor, double p50, double sigma) {
        return new double[] {Math.max(floor, p50 - CombinedForecast.Z90 * sigma), p50, p50 + CombinedForecast.Z90 * sigma};
    }

    private Map<EntityKey, PipelineTotals> pipeline(AsOfData data, Horizon h, LearnedConversion learned) {
        Map<EntityKey, PipelineTotals> totals = new HashMap<>();
        double shareW = CombinedForecast.share(Method.WEIGHTED, settings.combinationWeights());
        double shareL = CombinedForecast.share(Method.LEARNED, settings.combinationWeights());
        double shareC = CombinedForecast.share(Method.CATEGORY, settings.combinationWeights());
        for (Deal d : data.open()) {
            double amount = d.amount().doubleValue();
            boolean inside = h.counts(d.expectedClose(), data.knownOn(), data.asOf());
            BigDecimal probability = settings.probability(d.openStage());
            BigDecimal weighted = inside ? d.amount().multiply(probability) : BigDecimal.ZERO;
            double pw = inside ? probability.doubleValue() : 0;
            double pl = learned.probabilityInside(d, h, data.knownOn(), data.asOf());
            boolean commit = inside && "COMMIT".equals(d.forecastCategory());
            boolean best = inside && "BEST_CASE".equals(d.forecastCategory());
            double combined = shareW * weighted.doubleValue() + shareL * amount * pl + (commit ? shareC * amount : 0);
            for (EntityKey e : EntityKey.of(d)) {
                PipelineTotals t = totals.computeIfAbsent(e, k -> new PipelineTotals(settings.topContributors()));
                t.weighted = t.weighted.add(weighted);
                t.weightedVariance += amount * amount * pw * (1 - pw);
                t.learned += amount * pl;
                t.learnedVariance += amount * amount * pl * (1 - pl);
                if (commit) {
                    t.commit = t.commit.add(d.amount());
                } else if (best) {
                    t.bestCase = t.bestCase.add(d.amount());
                }
                t.top.get(Method.WEIGHTED).offer(d, weighted.doubleValue());
                t.top.get(Method.LEARNED).offer(d, amount * pl);
                t.top.get(Method.CATEGORY).offer(d, commit ? amount : 0);
                t.top.get(Method.COMBINED).offer(d, combined);
            }
        }
        return totals;
    }

    /** Won inside the period on or before the date the deals are known as of. */
    private static Map<EntityKey, BigDecimal> closedWon(AsOfData data, Horizon h) {
        Map<EntityKey, BigDecimal> won = new HashMap<>();
        for (Deal d : data.closed()) {
            if (d.won() && h.includes(d.closed()) && !d.closed().isAfter(data.knownOn())) {
                for (EntityKey e : EntityKey.of(d)) {
                    won.merge(e, d.amount(), BigDecimal::add);
                }
            }
        }
        return won;
    }

    /** Summed sales targets of the reps assigned to each entity on the as-of date, over the period's months. */
    static Map<EntityKey, BigDecimal> targets(AsOfData data, Horizon h) {
        Map<EntityKey, BigDecimal> targets = new HashMap<>();
        for (String rep : data.targets().keySet()) {
            OrgEntry o = data.person(rep);
            BigDecimal t = data.target(rep, h.start(), h.end());
            for (EntityKey e : EntityKey.of(rep, o == null ? null : o.teamCode(), o == null ? null : o.regionCode())) {
                targets.merge(e, t, BigDecimal::add);
            }
        }
        return targets;
    }

    static Map<EntityKey, Map<YearMonth, Double>> wonByMonth(AsOfData data) {
        Map<EntityKey, Map<YearMonth, Double>> won = new HashMap<>();
        for (Deal d : data.closed()) {
            if (d.won()) {
                YearMonth m = YearMonth.from(d.closed());
                for (EntityKey e : EntityKey.of(d)) {
                    won.computeIfAbsent(e, k -> new LinkedHashMap<>()).merge(m, d.amount().doubleValue(), Double::sum);
                }
            }
        }
        return won;
    }

    /**
     * The month an entity's series starts: the first month the company won anything (where the source's history
     * begins), so that a month in which the entity won nothing is a 0 and not left out; for a rep who joined later,
     * the first whole month after joining, since the months before were not a rep's months without a win.
     */
    static YearMonth seriesStart(EntityKey e, YearMonth historyStart, AsOfData data) {
        LocalDate joined = EntityKey.REP.equals(e.type()) ? data.joined().get(e.id()) : null;
        if (joined == null) {
            return historyStart;
        }
        YearMonth firstWhole = joined.getDayOfMonth() == 1 ? YearMonth.from(joined) : YearMonth.from(joined).plusMonths(1);
        return historyStart == null || firstWhole.isAfter(historyStart) ? firstWhole : historyStart;
    }

    /**
     * The smoothed series' P10/P50/P90 for a horizon: months before that of the first close day
     * ({@link Horizon#firstCloseDay(LocalDate, LocalDate)}) count as won (the series is smoothed up to
     * the last of them), the month of the first close day at least what is already won in it, later
     * months as projected.
     */
    private double[] timeSeries(Map<YearMonth, Double> won, YearMonth from, Horizon h, LocalDate known, LocalDate asOf,
                                double wonInPeriod) {
        if (won == null) {
            return null;
        }
        LocalDate first = Horizon.firstCloseDay(known, asOf);
        double[] history = ClosedAmountSeries.monthly(won, from, first);
        YearMonth current = YearMonth.from(first);
        YearMonth last = YearMonth.from(h.end());
        int steps = (int) (current.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
        ClosedAmountSeries.Projection p = ClosedAmountSeries.project(history, Math.max(1, steps),
                settings.alpha(), settings.beta(), settings.gamma());
        if (p == null) {
            return null;
        }
        double mean = 0;
        double variance = 0;
        for (YearMonth m = YearMonth.from(h.start()); !m.isAfter(last); m = m.plusMonths(1)) {
            if (m.isBefore(current)) {
                mean += won.getOrDefault(m, 0.0);
                continue;
            }
            int step = (int) current.until(m, java.time.temporal.ChronoUnit.MONTHS);
            double projected = p.mean()[step];
            if (m.equals(current)) {
                double wonThisMonth = won.getOrDefault(m, 0.0);
                projected = Math.max(projected, wonThisMonth);
            }
            mean += projected;
            variance += p.sigma()[step] * p.sigma()[step];
        }
        double sigma = Math.sqrt(variance);
        return new double[] {Math.max(wonInPeriod, mean - CombinedForecast.Z90 * sigma), Math.max(mean, wonInPeriod),
                Math.max(wonInPeriod, mean + CombinedForecast.Z90 * sigma)};
    }
}
