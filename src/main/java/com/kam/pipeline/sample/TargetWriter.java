package com.kam.pipeline.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly targets per rep as the sales director keeps them in Excel: sheet 月度目标, Chinese
 * headers, the month as text {@code yyyy-MM}. A new joiner's first month is all zeros; a
 * leaver's last month is prorated to the days worked.
 */
final class TargetWriter {

    static final String SHEET = "月度目标";
    static final List<String> HEADER = List.of("员工编号", "月份", "销售额目标", "毛利目标", "回款目标", "新客户目标", "拜访目标");
    private static final long STREAM = 3;

    private final GeneratorOptions options;
    private final Org org;

    TargetWriter(GeneratorOptions options, Org org) {
        this.options = options;
        this.org = org;
    }

    /**
     * Writes targets.xlsx and returns the number of rows: the months of the period and the one
     * after it, whose targets are set before it starts (next week's targets may fall in it).
     */
    long write(Path outDir) throws IOException {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(options.start()); !m.isAfter(YearMonth.from(options.end()).plusMonths(1));
                m = m.plusMonths(1)) {
            months.add(m);
        }
        long[] count = {0};
        Xlsx.write(outDir.resolve("targets.xlsx"), SHEET, HEADER, sink -> {
            for (Org.Rep rep : org.reps()) {
                Rng rng = new Rng(options.seed(), STREAM, rep.index());
                // monthly sales target of an average month, near what the simulated reps sell (so attainment is ~100%)
                long base = rng.between(90, 250) * 10_000L;
                for (YearMonth month : months) {
                    List<Object> row = row(rep, month, base, rng);
                    if (row != null) {
                        sink.accept(row);
                        count[0]++;
                    }
                }
            }
        }, options.start());
        return count[0];
    }

    private List<Object> row(Org.Rep rep, YearMonth month, long base, Rng rng) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        if (rep.from().isAfter(last) || (rep.to() != null && rep.to().isBefore(first))) {
            return null;
        }
        if (!rep.from().isBefore(first)) {   // joined during this month: no target yet
            return List.of(rep.id(), month.toString(), 0, 0, 0, 0, 0);
        }
        double share = 1.0;
        if (rep.to() != null && rep.to().isBefore(last)) {
            share = (double) workingDays(first, rep.to()) / workingDays(first, last);
        }
        long sales = Math.round(base * Seasons.month(first) * share / 10_000) * 10_000;
        long margin = Math.round(sales * rng.uniform(0.22, 0.32) / 1_000) * 1_000;
        long collection = Math.round(sales * rng.uniform(0.8, 1.0) / 10_000) * 10_000;
        // 0 or 1 new customer a month (about two in three months): a key-account rep wins a few a year
        long newCustomers = Math.round((rng.between(1, 3) - 1) / 2.0 * share);
        long visits = Math.round(workingDays(first, last) * 4 * share);
        return List.of(rep.id(), month.toString(), sales, margin, collection, newCustomers, visits);
    }

    private static long workingDays(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(Holidays::isWorkingDay).count();
    }

    /** A correction workbook saved with Excel's default sheet name: the whole file is rejected (wrong sheet). */
    void writeWrongSheet(Path outDir) throws IOException {
        List<Org.Rep> reps = org.reps().subList(0, Math.min(3, org.reps().size()));
        String month = YearMonth.from(options.end()).toString();
        Xlsx.write(outDir.resolve("targets_adjustment.xlsx"), "Sheet1", HEADER, sink -> {
            for (Org.Rep rep : reps) {
                sink.accept(List.of(rep.id(), month, 500_000, 150_000, 450_000, 1, 80));
            }
        }, options.start());
    }
}
