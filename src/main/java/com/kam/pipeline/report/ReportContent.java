package com.kam.pipeline.report;

import java.time.LocalDate;
import java.util.Optional;

/** Reads what one kind of report shows. Implementations only read stored figures, never recompute them. */
interface ReportContent {

    ReportType type();

    /** The candidates for this report in the period, as SQL with its arguments (columns entity_type, entity_id, entity_name). */
    EntityQuery candidates(ReportPeriod period, LocalDate asOf);

    /** The report's data for an entity, or empty when the entity has nothing to report in the period. */
    Optional<ReportData> read(ReportEntity entity, ReportPeriod period, LocalDate asOf);

    /**
     * The key figures of a report drawn from {@code data} (what {@link #read} returned), as its PDF shows them: kept
     * with the PDF in report_archive for the mail that carries it to say.
     */
    ReportHeadline headline(ReportData data);

    /** A query and its arguments. */
    record EntityQuery(String sql, Object... args) {
    }
}
