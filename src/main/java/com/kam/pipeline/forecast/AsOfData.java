package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a forecast as of a date may use, and nothing later: the open deals of the latest
 * snapshot on or before the date, the deals closed by that snapshot's date (from all snapshots up
 * to it), the organisation valid on the date, the reps' monthly sales targets, and the day each
 * person's first assignment began (when a rep started, for the time series).
 */
record AsOfData(LocalDate asOf, LocalDate snapshotDate, List<Deal> open, List<Deal> closed, Map<String, OrgEntry> org,
                Map<String, Map<LocalDate, BigDecimal>> targets, Map<String, LocalDate> joined) {

    /**
     * The date the deals are known as of: the snapshot's. A night without a new snapshot knows no more than that
     * snapshot's night did, so its forecast is made as of the snapshot's date (won to date, and the rest of each
     * period from the day after it), or it would drop the deals the snapshot expected on the days in between.
     */
    LocalDate knownOn() {
        return snapshotDate == null ? asOf : snapshotDate;
    }

    OrgEntry person(String id) {
        return org.get(id);
    }

    /** Summed monthly targets of a rep over the months starting in [from, to]. */
    BigDecimal target(String repId, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> months = targets.get(repId);
        if (months == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> e : months.entrySet()) {
            if (!e.getKey().isBefore(from) && !e.getKey().isAfter(to)) {
                sum = sum.add(e.getValue());
            }
        }
        return sum;
    }
}
