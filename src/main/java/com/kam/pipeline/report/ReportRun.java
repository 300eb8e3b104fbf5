package com.kam.pipeline.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One run of the report job: its business date, the types it makes (due or forced), the languages
 * and where the PDFs go ({@code <out>/<date>/reports/<type>/}).
 */
record ReportRun(LocalDate businessDate, List<ReportType> types, List<String> languages, Path out) {

    ReportPeriod period(ReportType type) {
        return type.periodContaining(businessDate);
    }

    Path folder(ReportType type) {
        return out.resolve(businessDate.toString()).resolve("reports").resolve(type.folder());
    }
}
