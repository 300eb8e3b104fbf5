package com.kam.pipeline.forecast;

import java.math.BigDecimal;

/** Running totals of one entity and product line: the open funnel per stage and the closed history behind its rates. */
final class FunnelCell {

    static final int STAGES = Stage.OPEN.size();

    final int[] openCount = new int[STAGES];
    final BigDecimal[] openAmount = new BigDecimal[STAGES];
    final BigDecimal[] weightedAmount = new BigDecimal[STAGES];
    final long[] stageAgeDays = new long[STAGES];
    final int[] stalled = new int[STAGES];
    final int[] slipped = new int[STAGES];
    final int[] reached = new int[STAGES];
    final int[] won = new int[STAGES];
    final IntList[] daysInStage = new IntList[STAGES];
    final IntList cycleDays = new IntList();
    long createdAgeDays;
    int closed;
    int wonDeals;
    BigDecimal wonAmount = BigDecimal.ZERO;
    int stalledDeals;
    int slippedDeals;
    /** Open amount and weighted amount expected to close by the end of the coverage month [0] and quarter [1]. */
    final BigDecimal[] dueAmount = {BigDecimal.ZERO, BigDecimal.ZERO};
    final BigDecimal[] dueWeighted = {BigDecimal.ZERO, BigDecimal.ZERO};

    FunnelCell() {
        for (int i = 0; i < STAGES; i++) {
            openAmount[i] = BigDecimal.ZERO;
            weightedAmount[i] = BigDecimal.ZERO;
            daysInStage[i] = new IntList();
        }
    }

    int openDeals() {
        int n = 0;
        for (int c : openCount) {
            n += c;
        }
        return n;
    }

    BigDecimal total(BigDecimal[] amounts) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            sum = sum.add(a);
        }
        return sum;
    }

    /** Of the closed deals that reached the stage, the share that reached the next one (won, after the last). */
    double conversion(int stage) {
        if (reached[stage] == 0) {
            return Double.NaN;
        }
        int next = stage + 1 < STAGES ? reached[stage + 1] : won[stage];
        return (double) next / reached[stage];
    }

    double winRate(int stage) {
        return reached[stage] == 0 ? Double.NaN : (double) won[stage] / reached[stage];
    }

    double overallWinRate() {
        return closed == 0 ? Double.NaN : (double) wonDeals / closed;
    }

    double averageWon() {
        return wonDeals == 0 ? Double.NaN : wonAmount.doubleValue() / wonDeals;
    }
}
