package com.kam.pipeline.report;

import java.time.LocalDate;

/** The days a report covers, both ends included. */
public record ReportPeriod(LocalDate start, LocalDate end) {

    /** The data's as-of date for a run on the business date: the period's end, or the business date if earlier. */
    public LocalDate asOf(LocalDate businessDate) {
        return end.isAfter(businessDate) ? businessDate : end;
    }
}
