package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans and writes the deliberately bad rows: a handful of every reject kind, one per file,
 * spread over the period, each row otherwise valid so it is rejected for exactly one reason.
 * Injected visits use times off the 5-minute grid, so they never duplicate a real visit by chance.
 */
final class BadRows {

    /** The reject kinds, with the field they break and the reason the loader should give. */
    enum Kind {
        MISSING_REP("rep_id", "missing required field"), UNKNOWN_REP("rep_id", "unknown rep"),
        UNKNOWN_CUSTOMER("customer_id", "unknown customer"), BAD_DATE_TEXT("report_date", "unparseable date"),
        BAD_NUMBER("order_amount", "unparseable number"), NEGATIVE_ORDER("order_amount", "negative amount"),
        NEGATIVE_PAYMENT("payment_collected", "negative amount"), DUPLICATE("", "duplicate row (duplicate visit)"),
        UNMAPPED_PURPOSE("purpose", "unmapped purpose"), MALFORMED("", "malformed CSV line (too few fields)"),
        FUTURE("report_date", "report dated after the business date"), NOT_ACTIVE("rep_id", "rep not active on that date"),
        PLAN_MISSING_CUSTOMER("customer_id", "missing required field"), PLAN_UNKNOWN_REP("rep_id", "unknown rep"),
        PLAN_BAD_DATE("plan_date", "unparseable date"), PLAN_UNMAPPED_PURPOSE("purpose", "unmapped purpose"),
        PLAN_NOT_ACTIVE("rep_id", "rep not active on that date"),
        OPP_MISSING_AMOUNT("amount", "missing required field"), OPP_UNKNOWN_CUSTOMER("customer_id", "unknown customer"),
        OPP_BAD_NUMBER("amount", "unparseable number"), OPP_UNMAPPED_STAGE("stage", "unmapped stage"),
        OPP_MALFORMED("", "malformed CSV line (too few fields)");

        final String field;
        final String reason;

        Kind(String field, String reason) {
            this.field = field;
            this.reason = reason;
        }
    }

    private static final List<Kind> REPORT_SPREAD = List.of(Kind.MISSING_REP, Kind.UNKNOWN_REP, Kind.UNKNOWN_CUSTOMER,
            Kind.BAD_DATE_TEXT, Kind.BAD_NUMBER, Kind.NEGATIVE_ORDER, Kind.DUPLICATE, Kind.UNMAPPED_PURPOSE,
            Kind.NEGATIVE_PAYMENT, Kind.MALFORMED, Kind.DUPLICATE);
    private static final List<Kind> PLAN_SPREAD = List.of(Kind.PLAN_MISSING_CUSTOMER, Kind.PLAN_UNKNOWN_REP,
            Kind.PLAN_BAD_DATE, Kind.PLAN_UNMAPPED_PURPOSE);
    private static final List<Kind> SNAPSHOT_SPREAD = List.of(Kind.OPP_MISSING_AMOUNT, Kind.OPP_UNMAPPED_STAGE,
            Kind.OPP_UNKNOWN_CUSTOMER, Kind.OPP_BAD_NUMBER, Kind.OPP_MALFORMED, Kind.OPP_UNMAPPED_STAGE);

    private final Org org;
    private final Customers customers;
    private final LocalDate end;
    private final Map<LocalDate, List<Kind>> reports = new HashMap<>();
    private final Map<LocalDate, List<Kind>> plans = new HashMap<>();
    private final Map<LocalDate, List<Kind>> snapshots = new HashMap<>();
    private final List<InjectedBadRow> injected = new ArrayList<>();
    private int fakeOpportunities;

    BadRows(GeneratorOptions options, Org org, Customers customers, List<LocalDate> workingDays,
            List<LocalDate> snapshotDates) {
        this.org = org;
        this.customers = customers;
        this.end = options.end();
        if (!options.badRows() || workingDays.isEmpty()) {
            return;
        }
        LocalDate last = workingDays.get(workingDays.size() - 1);
        List<LocalDate> early = workingDays.size() > 1 ? workingDays.subList(0, workingDays.size() - 1) : workingDays;
        spread(REPORT_SPREAD, early, reports, 0);
        spread(PLAN_SPREAD, early, plans, 1);
        spread(SNAPSHOT_SPREAD, snapshotDates, snapshots, 0);
        reports.computeIfAbsent(last, d -> new ArrayList<>()).add(Kind.FUTURE);
        if (org.leaver() != null) {
            workingDays.stream().filter(d -> d.isAfter(org.leaver().to().plusDays(3)) && !reports.containsKey(d)).findFirst()
                    .ifPresent(d -> reports.computeIfAbsent(d, x -> new ArrayList<>()).add(Kind.NOT_ACTIVE));
            workingDays.stream().filter(d -> d.isAfter(org.leaver().to().plusDays(7)) && !plans.containsKey(d)).findFirst()
                    .ifPresent(d -> plans.computeIfAbsent(d, x -> new ArrayList<>()).add(Kind.PLAN_NOT_ACTIVE));
        }
    }

    /** Kind i goes to the i-th of evenly spaced days; the offset keeps plan and report days apart. */
    private static void spread(List<Kind> kinds, List<LocalDate> days, Map<LocalDate, List<Kind>> plan, int offset) {
        if (days.isEmpty()) {
            return;
        }
        int slots = kinds.size() * 2 + 2;
        for (int i = 0; i < kinds.size(); i++) {
            LocalDate day = days.get((int) ((long) (2 * i + 1 + offset) * days.size() / slots));
            plan.computeIfAbsent(day, d -> new ArrayList<>()).add(kinds.get(i));
        }
    }

    List<InjectedBadRow> injected() {
        return List.copyOf(injected);
    }

    /** Bad daily-report rows for this day; {@code lastVisit} is a real visit row already in the file. */
    void injectReports(LocalDate day, CsvFiles.Out out, List<String> lastVisit) {
        for (Kind kind : reports.getOrDefault(day, List.of())) {
            Org.Rep rep = kind == Kind.NOT_ACTIVE ? org.leaver() : template(day);
            if (rep == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(rep.id(), day.toString(), customerOf(rep), "15:47", "服务",
                    "例行回访", "是", "", "", "", "86", day + " 19:12:08", "出勤", "0", "0", "", "", ""));
            switch (kind) {
                case MISSING_REP -> row.set(0, "");
                case UNKNOWN_REP -> row.set(0, org.unknownRepId());
                case UNKNOWN_CUSTOMER -> row.set(2, customers.unknownCustomerId());
                case BAD_DATE_TEXT -> row.set(1, "昨天");
                case BAD_NUMBER -> row.set(7, "12,3a4");
                case NEGATIVE_ORDER -> row.set(7, "-500");
                case NEGATIVE_PAYMENT -> row.set(9, "-1200");
                case UNMAPPED_PURPOSE -> row.set(4, "喝茶");
                case FUTURE -> row.set(1, end.plusDays(5).toString());
                case MALFORMED -> row = row.subList(0, 5);
                case DUPLICATE -> row = lastVisit;
                default -> { }
            }
            if (row != null) {
                write(out, kind, row);
            }
        }
    }

    void injectPlans(LocalDate day, CsvFiles.Out out) {
        for (Kind kind : plans.getOrDefault(day, List.of())) {
            Org.Rep rep = kind == Kind.PLAN_NOT_ACTIVE ? org.leaver() : template(day);
            if (rep == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(rep.id(), day.toString(), customerOf(rep), "服务", "14:23",
                    rep.city().name() + "市区"));
            switch (kind) {
                case PLAN_MISSING_CUSTOMER -> row.set(2, "");
                case PLAN_UNKNOWN_REP -> row.set(0, org.unknownRepId());
                case PLAN_BAD_DATE -> row.set(1, "2026-13-45");
                case PLAN_UNMAPPED_PURPOSE -> row.set(3, "喝茶");
                default -> { }
            }
            write(out, kind, row);
        }
    }

    void injectSnapshot(LocalDate date, CsvFiles.Out out) {
        for (Kind kind : snapshots.getOrDefault(date, List.of())) {
            Org.Rep rep = template(date);
            if (rep == null) {
                continue;
            }
            String id = String.format("OPX%05d", ++fakeOpportunities);   // an id no real snapshot row has
            List<String> row = new ArrayList<>(List.of(date.toString(), id, customerOf(rep), rep.id(),
                    "补录商机" + fakeOpportunities, "云服务", "280000", Stage.DEVELOPED.chinese,
                    date.plusDays(60).toString(), date.minusDays(30).toString(), "", "", "", "BEST_CASE"));
            switch (kind) {
                case OPP_MISSING_AMOUNT -> row.set(6, "");
                case OPP_UNKNOWN_CUSTOMER -> row.set(2, customers.unknownCustomerId());
                case OPP_BAD_NUMBER -> row.set(6, "12,3a4");
                case OPP_UNMAPPED_STAGE -> row.set(7, "待定");
                case OPP_MALFORMED -> row = row.subList(0, 6);
                default -> { }
            }
            write(out, kind, row);
        }
    }

    /** Records a file that is rejected as a whole. */
    void wrongSheet(String file) {
        injected.add(new InjectedBadRow(file, 0, 0, "sheet", "Sheet1", "wrong sheet (no sheet 月度目标)"));
    }

    private void write(CsvFiles.Out out, Kind kind, List<String> row) {
        String value = "";
        if (!kind.field.isEmpty()) {
            int index = (kind.name().startsWith("OPP_") ? PipelineWriter.SNAPSHOT_HEADER
                    : kind.name().startsWith("PLAN_") ? RepDay.PLAN_HEADER : RepDay.REPORT_HEADER).indexOf(kind.field);
            value = row.get(index);
        }
        injected.add(new InjectedBadRow(out.fileName(), out.nextRecord(), out.nextLine(), kind.field, value, kind.reason));
        out.row(row);
    }

    /** A rep at work that day, from the middle of the list so the bad row is not at the top. */
    private Org.Rep template(LocalDate day) {
        List<Org.Rep> reps = org.reps();
        for (int i = 0; i < reps.size(); i++) {
            Org.Rep rep = reps.get((reps.size() / 2 + i) % reps.size());
            if (rep.activeOn(day) && !rep.equals(org.leaver()) && !customers.visitedBy(rep).isEmpty()) {
                return rep;
            }
        }
        return null;
    }

    private String customerOf(Org.Rep rep) {
        return customers.visitedBy(rep).get(0).id();
    }
}
