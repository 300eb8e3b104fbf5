package com.kam.pipeline.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one visit-plan file and one daily-report file per working day (no files on weekends
 * and public holidays, files on make-up working weekend days). Days are written one after the
 * other and each rep's day is generated on its own, so nothing but the current day (and each
 * rep's few complaints still open) is in memory.
 */
final class ActivityGenerator {

    private final GeneratorOptions options;
    private final Org org;
    private final Customers customers;
    private final BadRows badRows;

    /** Rows written: plan rows, report rows, and the number of files. */
    record Counts(long planRows, long reportRows, int files) {
    }

    ActivityGenerator(GeneratorOptions options, Org org, Customers customers, BadRows badRows) {
        this.options = options;
        this.org = org;
        this.customers = customers;
        this.badRows = badRows;
    }

    static List<LocalDate> workingDays(GeneratorOptions options) {
        return options.start().datesUntil(options.end().plusDays(1)).filter(Holidays::isWorkingDay).toList();
    }

    Counts write(Path outDir) throws IOException {
        RepDay repDay = new RepDay(options.seed());
        List<RepDay.RepHabits> habits = new ArrayList<>();
        List<ComplaintBacklog> backlogs = new ArrayList<>();
        for (Org.Rep rep : org.reps()) {
            habits.add(RepDay.RepHabits.of(options.seed(), rep));
            backlogs.add(new ComplaintBacklog(options.seed(), rep.index()));
        }
        long planRows = 0;
        long reportRows = 0;
        int files = 0;
        int middle = org.reps().size() / 2;
        for (LocalDate day : workingDays(options)) {
            try (CsvFiles.Out plans = CsvFiles.open(outDir.resolve("visit_plans_" + day + ".csv"),
                    CsvFiles.Style.EXPORT_UTF8, RepDay.PLAN_HEADER);
                    CsvFiles.Out reports = CsvFiles.open(outDir.resolve("daily_reports_" + day + ".csv"),
                            CsvFiles.Style.EXPORT_UTF8, RepDay.REPORT_HEADER)) {
                List<String> lastVisit = null;
                for (Org.Rep rep : org.reps()) {
                    if (rep.activeOn(day)) {
                        RepDay.Rows rows = repDay.generate(rep, day, customers.visitedBy(rep), habits.get(rep.index()),
                                backlogs.get(rep.index()));
                        rows.planRows().forEach(plans::row);
                        rows.reportRows().forEach(reports::row);
                        for (List<String> row : rows.reportRows()) {
                            lastVisit = row.get(2).isEmpty() ? lastVisit : row;
                        }
                    }
                    if (rep.index() == middle) {
                        badRows.injectPlans(day, plans);
                        badRows.injectReports(day, reports, lastVisit);
                    }
                }
                planRows += plans.dataRows();
                reportRows += reports.dataRows();
                files += 2;
            }
        }
        return new Counts(planRows, reportRows, files);
    }
}
