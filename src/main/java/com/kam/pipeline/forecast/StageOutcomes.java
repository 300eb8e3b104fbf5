package com.kam.pipeline.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * How the deals that entered one stage ended, by days since they entered it: won, lost, or still
 * open on the as-of date (all we know of those is that they took longer). From these the
 * Aalen-Johansen estimate gives the chance a deal entering the stage is won within t days
 * ({@link #wonWithin(long)}). Counting the open deals matters while the history is short: the
 * deals closed so far are the quick ones, mostly wins, and alone they crowd the wins into the
 * first weeks.
 */
final class StageOutcomes {

    /** Outcomes, kept with the day in one int (day x 4 + outcome): a year of deals makes millions of them. */
    private static final int WON = 0;
    private static final int LOST = 1;
    private static final int OPEN = 2;

    private final IntList observations = new IntList();
    /** Days on which deals closed, ascending, and the chance of a win within each. */
    private long[] days = new long[0];
    private double[] wonBy = new double[0];

    void won(int days) {
        observations.add(days * 4 + WON);
    }

    void lost(int days) {
        observations.add(days * 4 + LOST);
    }

    void stillOpen(int days) {
        observations.add(days * 4 + OPEN);
    }

    /** Computes the estimate; call once all observations are in. */
    void seal() {
        int[] sorted = observations.sorted();
        List<long[]> closes = new ArrayList<>();   // {day, won, lost, still open before that day}
        int atRisk = sorted.length;
        int i = 0;
        while (i < sorted.length) {
            int day = sorted[i] / 4;
            long won = 0;
            long lost = 0;
            int sameDay = 0;
            for (; i < sorted.length && sorted[i] / 4 == day; i++, sameDay++) {
                switch (sorted[i] % 4) {
                    case WON -> won++;
                    case LOST -> lost++;
                    default -> { }
                }
            }
            if (won + lost > 0) {
                // a deal seen open on this day could still have closed on it
                closes.add(new long[] {day, won, lost, atRisk});
            }
            atRisk -= sameDay;
        }
        days = new long[closes.size()];
        wonBy = new double[closes.size()];
        double open = 1;
        double won = 0;
        for (int j = 0; j < closes.size(); j++) {
            long[] c = closes.get(j);
            won += open * c[1] / c[3];
            open *= 1 - (double) (c[1] + c[2]) / c[3];
            days[j] = c[0];
            wonBy[j] = won;
        }
    }

    /** Whether any deal of the stage has been won. */
    boolean anyWon() {
        return wonBy.length > 0 && wonBy[wonBy.length - 1] > 0;
    }

    /** The chance a deal entering the stage is won within {@code days} of it (0: on the day it entered). */
    double wonWithin(long days) {
        int lo = 0;
        int hi = this.days.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (this.days[mid] <= days) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : wonBy[lo - 1];
    }
}
