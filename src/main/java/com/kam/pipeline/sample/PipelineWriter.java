package com.kam.pipeline.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes the nightly opportunity extracts ({@code opportunities_YYYY-MM-DD.csv}: every open
 * opportunity and those closed in the last 90 days, as of that date) and the monthly stage-change
 * logs. All files are open at once and filled rep by rep, so only one rep's opportunities are
 * ever in memory.
 */
final class PipelineWriter {

    static final List<String> SNAPSHOT_HEADER = List.of("snapshot_date", "opportunity_id", "customer_id", "owner_id",
            "name", "product_line", "amount", "stage", "expected_close_date", "created_date", "closed_date",
            "loss_reason", "competitor", "forecast_category");
    static final List<String> CHANGE_HEADER = List.of("opportunity_id", "changed_on", "from_stage", "to_stage");
    static final int CLOSED_VISIBLE_DAYS = 90;

    private final GeneratorOptions options;
    private final Org org;
    private final Customers customers;
    private final BadRows badRows;

    /** Rows written: snapshot rows, stage-change rows, and the number of files. */
    record Counts(long snapshotRows, long changeRows, int files) {
    }

    PipelineWriter(GeneratorOptions options, Org org, Customers customers, BadRows badRows) {
        this.options = options;
        this.org = org;
        this.customers = customers;
        this.badRows = badRows;
    }

    /** Every {@code snapshotEveryDays} from the start, the first of every month, and the end. */
    static List<LocalDate> snapshotDates(GeneratorOptions options) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (LocalDate d = options.start(); !d.isAfter(options.end()); d = d.plusDays(options.snapshotEveryDays())) {
            dates.add(d);
        }
        for (LocalDate d = options.start().withDayOfMonth(1); !d.isAfter(options.end()); d = d.plusMonths(1)) {
            if (!d.isBefore(options.start())) {
                dates.add(d);
            }
        }
        dates.add(options.end());
        return new ArrayList<>(dates);
    }

    Counts write(Path outDir) throws IOException {
        Map<LocalDate, CsvFiles.Out> snapshots = new LinkedHashMap<>();
        Map<YearMonth, CsvFiles.Out> changes = new LinkedHashMap<>();
        try {
            for (LocalDate date : snapshotDates(options)) {
                snapshots.put(date, CsvFiles.open(outDir.resolve("opportunities_" + date + ".csv"),
                        CsvFiles.Style.EXPORT_UTF8, SNAPSHOT_HEADER));
            }
            for (YearMonth m = YearMonth.from(options.start()); !m.isAfter(YearMonth.from(options.end())); m = m.plusMonths(1)) {
                changes.put(m, CsvFiles.open(outDir.resolve("stage_changes_" + m + ".csv"),
                        CsvFiles.Style.EXPORT_UTF8, CHANGE_HEADER));
            }
            PipelineSimulator simulator = new PipelineSimulator(options, org);
            int middle = org.reps().size() / 2;
            for (Org.Rep rep : org.reps()) {
                for (Opportunity opportunity : simulator.simulate(rep, customers.visitedBy(rep))) {
                    snapshots.forEach((date, out) -> writeSnapshotRow(out, date, opportunity));
                    writeChanges(changes, opportunity);
                }
                if (rep.index() == middle) {
                    snapshots.forEach((date, out) -> badRows.injectSnapshot(date, out));
                }
            }
        } finally {
            closeAll(snapshots.values(), changes.values());
        }
        long snapshotRows = snapshots.values().stream().mapToLong(CsvFiles.Out::dataRows).sum();
        long changeRows = changes.values().stream().mapToLong(CsvFiles.Out::dataRows).sum();
        return new Counts(snapshotRows, changeRows, snapshots.size() + changes.size());
    }

    private static void writeSnapshotRow(CsvFiles.Out out, LocalDate date, Opportunity opportunity) {
        Opportunity.Version v = opportunity.asOf(date);
        if (v == null) {
            return;   // not created yet
        }
        LocalDate closed = v.stage().closed() ? opportunity.closedOn() : null;
        if (closed != null && closed.isBefore(date.minusDays(CLOSED_VISIBLE_DAYS))) {
            return;
        }
        out.row(date.toString(), opportunity.id(), opportunity.customerId(), v.ownerId(), opportunity.name(),
                opportunity.productLine(), Long.toString(v.amount()), v.stage().chinese, Fmt.date(v.expectedClose()),
                opportunity.created().toString(), Fmt.date(closed), v.lossReason(), v.competitor(), v.forecast());
    }

    /** The exact log: creation (no from stage) and every stage move, filed under the month it happened. */
    private void writeChanges(Map<YearMonth, CsvFiles.Out> changes, Opportunity opportunity) {
        LocalDate first = options.start().withDayOfMonth(1);
        Stage previous = null;
        for (Opportunity.Version v : opportunity.versions()) {
            if (v.stage() != previous && !v.from().isBefore(first) && !v.from().isAfter(options.end())) {
                changes.get(YearMonth.from(v.from())).row(opportunity.id(), v.from().toString(),
                        previous == null ? "" : previous.name(), v.stage().name());
            }
            previous = v.stage();
        }
    }

    @SafeVarargs
    private static void closeAll(Iterable<CsvFiles.Out>... groups) throws IOException {
        IOException failure = null;
        for (Iterable<CsvFiles.Out> group : groups) {
            for (CsvFiles.Out out : group) {
                try {
                    out.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
