package com.kam.pipeline.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one visit-plan file and one daily-report file per working day (no files on weekends
 * and public holidays, files on make-up working weekend days), and the plans of the working days
 * in the week after the last one (plans are filed ahead: next week's plan). Days are written one
 * after the other and each rep's day is generated on its own, so nothing but the current day
 * (and each rep's few complaints still open) is in memory. Every third rep lets one of
 * their A customers slide for the last {@link #NEGLECT_DAYS} days, as reps do: the weekly
 * report's abnormal customers and next week's key customers to visit are not empty.
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

    /** How long before the end the neglected A customers get their last visit (class A allows 21 days). */
    static final int NEGLECT_DAYS = 28;

    static List<LocalDate> workingDays(GeneratorOptions options) {
        return options.start().datesUntil(options.end().plusDays(1)).filter(Holidays::isWorkingDay).toList();
    }

    /** The working days of the week after the end, whose plans are filed already. */
    static List<LocalDate> plannedAhead(GeneratorOptions options) {
        return options.end().plusDays(1).datesUntil(options.end().plusDays(8)).filter(Holidays::isWorkingDay).toList();
    }

    /** The customers a rep visits on a day: all but a neglected A customer in the last weeks. */
    private List<Customers.Customer> visitedOn(Org.Rep rep, LocalDate day) {
        List<Customers.Customer> all = customers.visitedBy(rep);
        if (rep.index() % 3 != 0 || day.isBefore(options.end().minusDays(NEGLECT_DAYS - 1))) {
            return all;
        }
        List<Customers.Customer> visited = new ArrayList<>(all);
        all.stream().filter(c -> c.abcClass().equals("A")).findFirst().ifPresent(visited::remove);
        return visited;
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
                        RepDay.Rows rows = repDay.generate(rep, day, visitedOn(rep, day), habits.get(rep.index()),
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
        for (LocalDate day : plannedAhead(options)) {
            try (CsvFiles.Out plans = CsvFiles.open(outDir.resolve("visit_plans_" + day + ".csv"),
                    CsvFiles.Style.EXPORT_UTF8, RepDay.PLAN_HEADER)) {
                for (Org.Rep rep : org.reps()) {
                    if (rep.activeOn(day)) {
                        repDay.generate(rep, day, visitedOn(rep, day), habits.get(rep.index()), backlogs.get(rep.index()))
                                .planRows().forEach(plans::row);
                    }
                }
                planRows += plans.dataRows();
                files++;
            }
        }
        return new Counts(planRows, reportRows, files);
    }
}
