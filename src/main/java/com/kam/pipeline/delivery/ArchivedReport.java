package com.kam.pipeline.delivery;

import com.kam.pipeline.report.ReportHeadline;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One PDF in report_archive, as the report job recorded it; {@code contentSha256} is the hash of
 * what its pages say (null for a PDF archived before it was kept), which tells a corrected report;
 * {@code headline} its key figures as written with it (none for a PDF archived before they were kept).
 */
record ArchivedReport(long id, String reportType, String entityType, String entityId, String entityName,
                      LocalDate periodStart, LocalDate periodEnd, String language, LocalDate businessDate,
                      Path file, long bytes, String contentSha256, ReportHeadline headline) {

    ArchivedReport(long id, String reportType, String entityType, String entityId, String entityName, LocalDate periodStart,
                   LocalDate periodEnd, String language, LocalDate businessDate, Path file, long bytes) {
        this(id, reportType, entityType, entityId, entityName, periodStart, periodEnd, language, businessDate, file, bytes, null,
                ReportHeadline.parse(null));
    }

    /** The same report in any language: what recipients are resolved for. */
    record Subject(String reportType, String entityType, String entityId, LocalDate periodStart, LocalDate periodEnd) {
    }

    Subject subject() {
        return new Subject(reportType, entityType, entityId, periodStart, periodEnd);
    }
}
