package com.kam.pipeline.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage-to-won probabilities and time-to-close distributions learned from the deals closed by
 * the as-of date (and, for the timing, those still open on it): per team where the team has at
 * least {@code min-team-history} closed deals, its rate drawn toward the company's by
 * {@code shrinkage-strength} pseudo-deals; otherwise the company's. A stage nobody has closed
 * from yet falls back to the configured probability.
 */
final class LearnedConversion {

    /** History of one group (a team, or the company) per stage. */
    static final class History {
        final int[] reached = new int[Stage.OPEN.size()];
        final int[] won = new int[Stage.OPEN.size()];
        final List<List<Integer>> daysToClose = new ArrayList<>();
        /** How the deals that entered each stage on a known date ended, those still open included. */
        final StageOutcomes[] outcomes = new StageOutcomes[Stage.OPEN.size()];
        int closed;
        int[][] sorted;

        History() {
            for (int i = 0; i < Stage.OPEN.size(); i++) {
                daysToClose.add(new ArrayList<>());
                outcomes[i] = new StageOutcomes();
            }
        }

        /** A deal open on the as-of date: still open so many days after entering each stage it entered on a known date. */
        void addOpen(Deal deal, LocalDate asOf) {
            for (Stage s : Stage.OPEN) {
                if (s.order() > deal.openStage().order()) {
                    break;
                }
                LocalDate entered = deal.enteredOn(s);
                if (entered != null && !asOf.isBefore(entered)) {
                    outcomes[s.ordinal()].stillOpen((int) (asOf.toEpochDay() - entered.toEpochDay()));
                }
            }
        }

        void add(Deal deal) {
            closed++;
            int reachedOrder = deal.reachedOrder();
            for (Stage s : Stage.OPEN) {
                if (s.order() > reachedOrder) {
                    break;
                }
                reached[s.ordinal()]++;
                LocalDate entered = deal.enteredOn(s);
                boolean timed = entered != null && !deal.closed().isBefore(entered);
                int days = timed ? (int) (deal.closed().toEpochDay() - entered.toEpochDay()) : 0;
                if (deal.won()) {
                    won[s.ordinal()]++;
                    if (timed) {
                        daysToClose.get(s.ordinal()).add(days);
                        outcomes[s.ordinal()].won(days);
                    }
                } else if (timed) {
                    outcomes[s.ordinal()].lost(days);
                }
            }
        }

        void seal() {
            sorted = new int[Stage.OPEN.size()][];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = daysToClose.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
                outcomes[i].seal();
            }
        }

        double rate(Stage s) {
            return reached[s.ordinal()] == 0 ? Double.NaN : (double) won[s.ordinal()] / reached[s.ordinal()];
        }
    }

    private final ForecastSettings settings;
    private final History company = new History();
    private final Map<String, History> teams = new HashMap<>();

    LearnedConversion(AsOfData data, ForecastSettings settings) {
        this.settings = settings;
        for (Deal d : data.closed()) {
            company.add(d);
            if (d.teamCode() != null) {
                teams.computeIfAbsent(d.teamCode(), k -> new History()).add(d);
            }
        }
        for (Deal d : data.open()) {
            company.addOpen(d, data.knownOn()); // open at the end of the snapshot's date, not later
            if (d.teamCode() != null) {
                teams.computeIfAbsent(d.teamCode(), k -> new History()).addOpen(d, data.knownOn());
            }
        }
        company.seal();
        teams.values().forEach(History::seal);
    }

    History company() {
        return company;
    }

    /** The chance a deal of the team now in the stage is eventually won. */
    double winRate(String team, Stage s) {
        double companyRate = company.rate(s);
        if (Double.isNaN(companyRate)) {
            return settings.probability(s).doubleValue();
        }
        History t = team == null ? null : teams.get(team);
        if (t == null || t.closed < settings.minTeamHistory()) {
            return companyRate;
        }
        double k = settings.shrinkageStrength();
        return (t.won[s.ordinal()] + k * companyRate) / (t.reached[s.ordinal()] + k);
    }

    /** The history timing a team's deals: the team's when it has enough won deals timed, else the company's. */
    History timing(String team, Stage s) {
        History t = team == null ? null : teams.get(team);
        return t != null && t.sorted[s.ordinal()].length >= Math.max(1, settings.minTeamHistory()) ? t : company;
    }

    /**
     * The chance an open deal is won inside the horizon: W(last day) - W(day before the first day
     * left, {@link Horizon#firstOpenDay}; none left: 0),
     * with W(t) the chance that a deal of its group ({@link #timing}) is won within t days of
     * entering its stage ({@link StageOutcomes}, the deals still open counted), days counted from
     * the date the deals are known on; times the team's stage-to-won rate over the group's (the team's propensity,
     * drawn toward the company's). The time the deal already spent in its stage is not used:
     * conditioning on it (W given still open at that age) treats the deals that moved on from the
     * stage as if still in it, and overstated the backtested months by half or more; a deal still
     * in its stage has, roughly, its stage still ahead of it.
     */
    double probabilityInside(Deal deal, Horizon horizon, LocalDate known, LocalDate asOf) {
        Stage s = deal.openStage();
        double rate = winRate(deal.teamCode(), s);
        History group = timing(deal.teamCode(), s);
        StageOutcomes outcomes = group.outcomes[s.ordinal()];
        if (!outcomes.anyWon()) {
            return horizon.counts(deal.expectedClose(), known, asOf) ? rate : 0; // no timing learned yet: trust the date given
        }
        LocalDate from = horizon.firstOpenDay(known, asOf);
        if (from == null) {
            return 0; // no day of the horizon left
        }
        long lo = from.toEpochDay() - known.toEpochDay();   // first day inside, in days from the known date
        long hi = horizon.end().toEpochDay() - known.toEpochDay();
        double groupRate = group.rate(s);
        double propensity = Double.isNaN(groupRate) || groupRate <= 0 ? 1 : rate / groupRate;
        return Math.min(1, propensity * (outcomes.wonWithin(hi) - outcomes.wonWithin(lo - 1)));
    }
}
