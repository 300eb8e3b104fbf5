package com.kam.pipeline.report;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One run of the report job: its business date, the types it makes (due or forced), the languages,
 * where the PDFs go ({@code <out>/<date>/reports/<type>/}) and the first day of the rollup's weeks.
 */
record ReportRun(LocalDate businessDate, List<ReportType> types, List<String> languages, Path out, DayOfWeek weekStart) {

    ReportPeriod period(ReportType type) {
        return type.periodContaining(businessDate, weekStart);
    }

    Path folder(ReportType type) {
        return out.resolve(businessDate.toString()).resolve("reports").resolve(type.folder());
    }
}
