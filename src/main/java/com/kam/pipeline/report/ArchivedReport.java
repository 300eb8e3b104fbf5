package com.kam.pipeline.report;

import java.time.LocalDate;

/** One row of report_archive: a PDF, whom and what period it is about, its checksum and its key figures. */
public record ArchivedReport(ReportType type, ReportEntity entity, ReportPeriod period, String language, LocalDate asOf,
                             LocalDate businessDate, RenderedPdf pdf, ReportHeadline headline) {
}
