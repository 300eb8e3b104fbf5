package com.kam.pipeline.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One mail to write: a recipient's PDFs of one report type for one period, in their language where there is one. */
record MailPlan(Person recipient, String reportType, LocalDate periodStart, LocalDate periodEnd, List<ArchivedReport> reports) {

    /** Identifies the mail across runs: the delivery log sends each key once. */
    String key() {
        return String.join("|", reportType, periodStart.toString(), periodEnd.toString(),
                recipient.email().trim().toLowerCase(Locale.ROOT));
    }

    String reportIds() {
        return reports.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
    }
}
